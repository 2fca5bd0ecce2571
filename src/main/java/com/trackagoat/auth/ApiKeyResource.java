package com.trackagoat.auth;

import com.trackagoat.api.Body;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.Deleted;
import java.util.List;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/** Key lifecycle of docs/reference/auth.md §4. */
@Path("/api/v1/api-keys")
public class ApiKeyResource {

    @Inject
    ApiKeyService service;
    @Inject
    CurrentCaller caller;
    @Inject
    Body bodies;

    @Operation(summary = "List the organization's API keys")
    @APIResponse(responseCode = "200", description = "One page, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ApiKeyDto.class)))
    @GET
    public Uni<Envelope<List<ApiKeyDto>>> list(@RestQuery String limit, @RestQuery String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        return service.list(caller.orgId(), page).map(Envelope::list);
    }

    @Operation(summary = "Create an API key (the plaintext `key` is shown only in this answer)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiKeyCreate.class)))
    @APIResponse(responseCode = "201", description = "The key with its plaintext", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiKeyDto.class)))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_api_keys_per_org`, `current`, `max`): the plan limit is reached.")
    @POST
    public Uni<RestResponse<Envelope<ApiKeyDto>>> create(@HeaderParam("Content-Type") String contentType, byte[] body) {
        ApiKeyCreate key = bodies.read(contentType, body, ApiKeyCreate.class);
        return service.create(caller.get(), key).map(Envelope::created);
    }

    @Operation(summary = "Revoke an API key")
    @APIResponse(responseCode = "200", description = "Revoked", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Deleted.class)))
    @DELETE
    @Path("{id}")
    public Uni<Envelope<Deleted>> revoke(@RestPath String id) {
        UUID keyId = Params.pathId(id, "id");
        return service.revoke(caller.orgId(), keyId).map(Envelope::of);
    }
}
