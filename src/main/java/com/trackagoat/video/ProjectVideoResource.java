package com.trackagoat.video;

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
 * The videos of one project: add by URL, bulk tracking-disable (docs/reference/endpoints-write.md).
 * Same class path as {@code ProjectResource}: RESTEasy Reactive merges them (docs/decisions.md, "Architecture").
 */
@Path("/api/v1/projects")
public class ProjectVideoResource {

    @Inject
    VideoCreation creation;
    @Inject
    VideoService service;
    @Inject
    Idempotency idempotency;
    @Inject
    CurrentCaller caller;
    @Inject
    Body bodies;

    /** A video by URL: 201, or 200 when a deleted one is restored. */
    @Operation(summary = "Add a video by its TikTok URL (`direct_add`)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoCreate.class)))
    @APIResponse(responseCode = "201", description = "The new video (its baseline snapshot is taken)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoDto.class)))
    @APIResponse(responseCode = "200", description = "A deleted video of the project restored", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoDto.class)))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_tracked_videos_per_org`, `current`, `max`): the plan limit is reached.")
    @APIResponse(responseCode = "409", description = "`duplicate`: the video is already tracked in this project.")
    @POST
    @Path("{projectId}/videos")
    public Uni<Response> add(@RestPath String projectId, @HeaderParam("Content-Type") String contentType,
                             @HeaderParam(Idempotency.HEADER) String idemKey, @Parameter(hidden = true) HttpServerRequest request, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        return idempotency.create(caller.orgId(), idemKey, request, contentType, body, json -> create(project, json));
    }

    private Uni<RestResponse<Envelope<VideoDto>>> create(UUID project, ObjectNode json) {
        VideoCreate video = bodies.bind(json, VideoCreate.class);
        return creation.create(caller.get(), project, video).map(outcome -> RestResponse.status(
                outcome.restored() ? RestResponse.Status.OK : RestResponse.Status.CREATED, Envelope.of(outcome.video())));
    }

    @Operation(summary = "Stop the snapshots of several videos of the project")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoIds.class)))
    @APIResponse(responseCode = "200", description = "The outcome per id", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoDisableResult.class)))
    @POST
    @Path("{projectId}/videos/bulk-tracking-disable")
    public Uni<Envelope<VideoDisableResult>> bulkTrackingDisable(@RestPath String projectId, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        VideoIds ids = bodies.read(contentType, body, VideoIds.class);
        return service.bulkDisable(caller.orgId(), project, ids).map(Envelope::of);
    }
}
