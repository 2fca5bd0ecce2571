package com.trackagoat.org;

import com.trackagoat.api.Body;
import com.trackagoat.api.Envelope;
import java.util.List;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

/** Platform administration (docs/reference/auth.md §6); the admin scope is checked by the auth filter. */
@Path("/api/v1/admin/organizations")
public class AdminOrganizationResource {

    @Inject
    OrganizationService service;
    @Inject
    Body bodies;

    @Operation(summary = "List all organizations (platform admin)")
    @APIResponse(responseCode = "200", description = "One page, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = OrganizationDto.class)))
    @GET
    public Uni<Envelope<List<OrganizationDto>>> list(@RestQuery String limit, @RestQuery String cursor) {
        return service.list(PageRequest.parse(limit, cursor)).map(Envelope::list);
    }

    @Operation(summary = "Create an organization with an initial key (platform admin)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdminOrganizationCreate.class)))
    @APIResponse(responseCode = "201", description = "The organization and its initial key (plaintext shown once)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationService.Created.class)))
    @POST
    public Uni<RestResponse<Envelope<OrganizationService.Created>>> create(@HeaderParam("Content-Type") String contentType, byte[] body) {
        AdminOrganizationCreate organization = bodies.read(contentType, body, AdminOrganizationCreate.class);
        return service.adminCreate(organization).map(Envelope::created);
    }

    @Operation(summary = "Update, ban or unban an organization (platform admin)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdminOrganizationPatch.class)))
    @APIResponse(responseCode = "200", description = "The organization", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationDto.class)))
    @PATCH
    @Path("{id}")
    public Uni<Envelope<OrganizationDto>> patch(@RestPath String id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID orgId = Params.pathId(id, "id");
        AdminOrganizationPatch patch = bodies.read(contentType, body, AdminOrganizationPatch.class);
        return service.adminPatch(orgId, patch).map(Envelope::of);
    }

    @Operation(summary = "Rebuild an organization's stats rollups from its snapshots (platform admin)",
            description = "Idempotent: a rebuild already under way is the one answered. The build runs in the background "
                    + "with its progress logged; stats keep answering from the current rollups until the new ones are ready.")
    @APIResponse(responseCode = "202", description = "The rebuild is under way", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationService.RollupRebuild.class)))
    @POST
    @Path("{id}/rollups/rebuild")
    public Uni<RestResponse<Envelope<OrganizationService.RollupRebuild>>> rebuildRollups(@RestPath String id) {
        return service.adminRebuildRollups(Params.pathId(id, "id")).map(Envelope::accepted);
    }
}
