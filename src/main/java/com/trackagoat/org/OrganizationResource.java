package com.trackagoat.org;

import com.trackagoat.api.Body;
import com.trackagoat.api.Envelope;
import com.trackagoat.auth.CurrentCaller;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The caller's own organization, its limits and usage (docs/reference/auth.md §5). */
@Path("/api/v1/organization")
public class OrganizationResource {

    @Inject
    OrganizationService service;
    @Inject
    CurrentCaller caller;
    @Inject
    Body bodies;

    @Operation(summary = "The caller's organization with its limits and usage")
    @APIResponse(responseCode = "200", description = "The organization", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnOrganizationDto.class)))
    @GET
    public Uni<Envelope<OwnOrganizationDto>> get() {
        return service.own(caller.orgId()).map(Envelope::of);
    }

    @Operation(summary = "Rename the organization or change its timezone")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationPatch.class)))
    @APIResponse(responseCode = "200", description = "The organization", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OwnOrganizationDto.class)))
    @PATCH
    public Uni<Envelope<OwnOrganizationDto>> patch(@HeaderParam("Content-Type") String contentType, byte[] body) {
        OrganizationPatch patch = bodies.read(contentType, body, OrganizationPatch.class);
        return service.patchOwn(caller.orgId(), patch).map(Envelope::of);
    }
}
