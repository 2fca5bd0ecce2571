package com.trackagoat.creator;

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
 * The creators of one project: add (single or bulk), bulk re-enable, bulk remove (docs/reference/endpoints-write.md).
 * Same class path as {@code ProjectResource}: RESTEasy Reactive merges them (docs/decisions.md, "Architecture").
 */
@Path("/api/v1/projects")
public class ProjectCreatorResource {

    @Inject
    CreatorCreation creation;
    @Inject
    CreatorBulk bulk;
    @Inject
    Idempotency idempotency;
    @Inject
    CurrentCaller caller;
    @Inject
    Body bodies;

    /** One creator ({@code tiktok_handle}) or up to 50 ({@code creators}); exactly one of the two. */
    @Operation(summary = "Add one creator (`tiktok_handle`) or up to 50 (`creators`)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {CreatorCreate.class, CreatorBulkCreate.class})))
    @APIResponse(responseCode = "201", description = "Single body: the new creator (the initial scrape has run)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatorDto.class)))
    @APIResponse(responseCode = "200", description = "Single body: a removed creator of the project reactivated; bulk body: the outcome per item", content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {CreatorDto.class, CreatorBulkResult.class})))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_creators_per_org`, `current`, `max`): the plan limit is reached.")
    @APIResponse(responseCode = "409", description = "`invalid_handle`, `creator_banned` or `handle_taken` (single body).")
    @POST
    @Path("{projectId}/creators")
    public Uni<Response> add(@RestPath String projectId, @HeaderParam("Content-Type") String contentType,
                             @HeaderParam(Idempotency.HEADER) String idemKey, @Parameter(hidden = true) HttpServerRequest request, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        return idempotency.create(caller.orgId(), idemKey, request, contentType, body, json -> added(project, json));
    }

    /** Which body it is decides the answer: a creator, or the outcome per item. */
    private Uni<? extends RestResponse<? extends Envelope<?>>> added(UUID project, ObjectNode json) {
        if (CreatorBulkCreate.isBulk(json)) {
            return addMany(project, bodies.bind(json, CreatorBulkCreate.class));
        }
        return addOne(project, bodies.bind(json, CreatorCreate.class));
    }

    private Uni<RestResponse<Envelope<CreatorDto>>> addOne(UUID project, CreatorCreate creator) {
        return creation.createOne(caller.get(), project, creator).map(outcome -> RestResponse.status(
                outcome.reactivated() ? RestResponse.Status.OK : RestResponse.Status.CREATED, Envelope.of(outcome.creator())));
    }

    private Uni<RestResponse<Envelope<CreatorBulkResult>>> addMany(UUID project, CreatorBulkCreate creators) {
        return creation.createMany(caller.get(), project, creators).map(result -> RestResponse.ok(Envelope.of(result)));
    }

    @Operation(summary = "Re-enable disabled or removed creators of the project")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatorIds.class)))
    @APIResponse(responseCode = "200", description = "The outcome per id", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatorIdResult.Reenabled.class)))
    @POST
    @Path("{projectId}/creators/bulk-reenable")
    public Uni<Envelope<CreatorIdResult.Reenabled>> bulkReenable(@RestPath String projectId, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        CreatorIds ids = bodies.read(contentType, body, CreatorIds.class);
        return bulk.reenable(caller.get(), project, ids).map(Envelope::of);
    }

    @Operation(summary = "Remove creators of the project")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatorIds.class)))
    @APIResponse(responseCode = "200", description = "The outcome per id", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatorIdResult.Removed.class)))
    @POST
    @Path("{projectId}/creators/bulk-remove")
    public Uni<Envelope<CreatorIdResult.Removed>> bulkRemove(@RestPath String projectId, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        CreatorIds ids = bodies.read(contentType, body, CreatorIds.class);
        return bulk.remove(caller.get(), project, ids).map(Envelope::of);
    }
}
