package com.trackagoat.campaign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.trackagoat.api.Body;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.Idempotency;
import com.trackagoat.api.Params;
import com.trackagoat.auth.CurrentCaller;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/**
 * The campaigns of one project: create (docs/reference/endpoints-write.md).
 * Same class path as {@code ProjectResource}: RESTEasy Reactive merges them (docs/decisions.md, "Architecture").
 */
@Path("/api/v1/projects")
public class ProjectCampaignResource {

    @Inject
    CampaignService service;
    @Inject
    Idempotency idempotency;
    @Inject
    CurrentCaller caller;
    @Inject
    Body bodies;

    @Operation(summary = "Create a campaign in the project")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignCreate.class)))
    @APIResponse(responseCode = "201", description = "The created campaign", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignDto.class)))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_campaigns_per_project`, `current`, `max`): the plan limit is reached.")
    @POST
    @Path("{projectId}/campaigns")
    public Uni<Response> create(@RestPath String projectId, @HeaderParam("Content-Type") String contentType,
                                @HeaderParam(Idempotency.HEADER) String idemKey, @Parameter(hidden = true) HttpServerRequest request, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        return idempotency.create(caller.orgId(), idemKey, request, contentType, body, json -> created(project, json));
    }

    private Uni<RestResponse<Envelope<CampaignDto>>> created(UUID project, ObjectNode json) {
        CampaignCreate campaign = bodies.bind(json, CampaignCreate.class);
        return service.create(caller.get(), project, campaign).map(Envelope::created);
    }
}
