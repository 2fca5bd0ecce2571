package com.trackagoat.auth;

import com.trackagoat.api.Envelope;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/** Key lifecycle of auth.md §4. */
@Path("/api/v1/api-keys")
public class ApiKeyResource {

    private final ApiKeyService service;
    private final CurrentCaller caller;

    public ApiKeyResource(ApiKeyService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Envelope> list(@RestQuery String limit, @RestQuery String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        return service.list(caller.orgId(), page).map(Envelope::list);
    }

    @POST
    public Uni<RestResponse<Envelope>> create(@HeaderParam("Content-Type") String contentType, byte[] body) {
        JsonBody json = JsonBody.parse(contentType, body);
        return service.create(caller.get(), json).map(k -> RestResponse.status(RestResponse.Status.CREATED, Envelope.of(k)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Envelope> revoke(@RestPath String id) {
        UUID keyId = Params.pathId(id, "id");
        return service.revoke(caller.orgId(), keyId).map(Envelope::of);
    }
}
