package com.trackagoat.project;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.Idempotency;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;
import com.trackagoat.auth.CurrentCaller;
import com.trackagoat.campaign.CampaignDto;
import com.trackagoat.campaign.CampaignService;
import com.trackagoat.creator.CreatorBulk;
import com.trackagoat.creator.CreatorCreation;
import com.trackagoat.creator.CreatorDto;
import com.trackagoat.schema.ApiModels;
import com.trackagoat.video.VideoCreation;
import com.trackagoat.video.VideoDto;
import com.trackagoat.video.VideoService;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/projects")
public class ProjectResource {

    private final ProjectService service;
    private final CampaignService campaigns;
    private final VideoService videos;
    private final CreatorCreation creators;
    private final VideoCreation videoCreation;
    private final CreatorBulk bulk;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public ProjectResource(ProjectService service, CampaignService campaigns, VideoService videos, CreatorCreation creators,
                           VideoCreation videoCreation, CreatorBulk bulk, Idempotency idempotency, CurrentCaller caller) {
        this.idempotency = idempotency;
        this.videoCreation = videoCreation;
        this.bulk = bulk;
        this.service = service;
        this.campaigns = campaigns;
        this.videos = videos;
        this.creators = creators;
        this.caller = caller;
    }

    @Operation(summary = "Create a project")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.ProjectCreate.class)))
    @APIResponse(responseCode = "201", description = "The created project", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectDto.class)))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_projects_per_org`, `current`, `max`): the plan limit is reached.")
    @POST
    public Uni<Response> create(@HeaderParam("Content-Type") String contentType, @HeaderParam(Idempotency.HEADER) String idemKey,
                                @Parameter(hidden = true) HttpServerRequest request, byte[] body) {
        String key = Idempotency.key(idemKey);
        JsonBody json = JsonBody.parse(contentType, body);
        return idempotency.run(caller.orgId(), key, "POST", request.path(), body,
                () -> service.create(caller.get(), json).map(p -> RestResponse.status(RestResponse.Status.CREATED, Envelope.of(p))));
    }

    /** One creator ({@code tiktok_handle}) or up to 50 ({@code creators}); exactly one of the two. */
    @Operation(summary = "Add one creator (`tiktok_handle`) or up to 50 (`creators`)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {ApiModels.CreatorCreate.class, ApiModels.CreatorBulkCreate.class})))
    @APIResponse(responseCode = "201", description = "Single body: the new creator (the initial scrape has run)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatorDto.class)))
    @APIResponse(responseCode = "200", description = "Single body: a removed creator of the project reactivated; bulk body: the outcome per item", content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {CreatorDto.class, ApiModels.CreatorBulkResult.class})))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_creators_per_org`, `current`, `max`): the plan limit is reached.")
    @APIResponse(responseCode = "409", description = "`invalid_handle`, `creator_banned` or `handle_taken` (single body).")
    @POST
    @Path("{projectId}/creators")
    public Uni<Response> addCreators(@RestPath String projectId, @HeaderParam("Content-Type") String contentType,
                                     @HeaderParam(Idempotency.HEADER) String idemKey, @Parameter(hidden = true) HttpServerRequest request, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        String key = Idempotency.key(idemKey);
        JsonBody json = JsonBody.parse(contentType, body);
        boolean single = json.has("tiktok_handle");
        if (single == json.has("creators")) {
            throw single ? ApiException.invalidField("creators") : ApiException.missingField("tiktok_handle");
        }
        return idempotency.run(caller.orgId(), key, "POST", request.path(), body, () -> single
                ? creators.createOne(caller.get(), project, json).map(o -> RestResponse.status(
                        o.reactivated() ? RestResponse.Status.OK : RestResponse.Status.CREATED, Envelope.of(o.creator())))
                : creators.createMany(caller.get(), project, json).map(r -> RestResponse.ok(Envelope.of(r))));
    }

    @Operation(summary = "Re-enable disabled or removed creators of the project")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.CreatorIds.class)))
    @APIResponse(responseCode = "200", description = "The outcome per id", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.CreatorReenableResult.class)))
    @POST
    @Path("{projectId}/creators/bulk-reenable")
    public Uni<Envelope> bulkReenable(@RestPath String projectId, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        return bulk.reenable(caller.get(), project, JsonBody.parse(contentType, body)).map(Envelope::of);
    }

    @Operation(summary = "Remove creators of the project")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.CreatorIds.class)))
    @APIResponse(responseCode = "200", description = "The outcome per id", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.CreatorRemoveResult.class)))
    @POST
    @Path("{projectId}/creators/bulk-remove")
    public Uni<Envelope> bulkRemove(@RestPath String projectId, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        return bulk.remove(caller.get(), project, JsonBody.parse(contentType, body)).map(Envelope::of);
    }

    /** A video by URL: 201, or 200 when a deleted one is restored. */
    @Operation(summary = "Add a video by its TikTok URL (`direct_add`)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.VideoCreate.class)))
    @APIResponse(responseCode = "201", description = "The new video (its baseline snapshot is taken)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoDto.class)))
    @APIResponse(responseCode = "200", description = "A deleted video of the project restored", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoDto.class)))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_tracked_videos_per_org`, `current`, `max`): the plan limit is reached.")
    @APIResponse(responseCode = "409", description = "`duplicate`: the video is already tracked in this project.")
    @POST
    @Path("{projectId}/videos")
    public Uni<Response> addVideo(@RestPath String projectId, @HeaderParam("Content-Type") String contentType,
                                  @HeaderParam(Idempotency.HEADER) String idemKey, @Parameter(hidden = true) HttpServerRequest request, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        String key = Idempotency.key(idemKey);
        JsonBody json = JsonBody.parse(contentType, body);
        return idempotency.run(caller.orgId(), key, "POST", request.path(), body, () -> videoCreation.create(caller.get(), project, json)
                .map(o -> RestResponse.status(o.restored() ? RestResponse.Status.OK : RestResponse.Status.CREATED, Envelope.of(o.video()))));
    }

    @Operation(summary = "Stop the snapshots of several videos of the project")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.VideoIds.class)))
    @APIResponse(responseCode = "200", description = "The outcome per id", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.VideoDisableResult.class)))
    @POST
    @Path("{projectId}/videos/bulk-tracking-disable")
    public Uni<Envelope> bulkTrackingDisable(@RestPath String projectId, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        return videos.bulkDisable(caller.orgId(), project, JsonBody.parse(contentType, body)).map(Envelope::of);
    }

    @Operation(summary = "Create a campaign in the project")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.CampaignCreate.class)))
    @APIResponse(responseCode = "201", description = "The created campaign", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignDto.class)))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_campaigns_per_project`, `current`, `max`): the plan limit is reached.")
    @POST
    @Path("{projectId}/campaigns")
    public Uni<Response> createCampaign(@RestPath String projectId, @HeaderParam("Content-Type") String contentType,
                                        @HeaderParam(Idempotency.HEADER) String idemKey, @Parameter(hidden = true) HttpServerRequest request, byte[] body) {
        UUID project = Params.pathId(projectId, "projectId");
        String key = Idempotency.key(idemKey);
        JsonBody json = JsonBody.parse(contentType, body);
        return idempotency.run(caller.orgId(), key, "POST", request.path(), body, () -> campaigns.create(caller.get(), project, json)
                .map(c -> RestResponse.status(RestResponse.Status.CREATED, Envelope.of(c))));
    }

    @Operation(summary = "List the organization's projects")
    @APIResponse(responseCode = "200", description = "One page, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ProjectDto.class)))
    @GET
    public Uni<Envelope> list(@RestQuery String limit, @RestQuery String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        return service.list(caller.orgId(), page).map(Envelope::list);
    }

    @Operation(summary = "Get a project")
    @APIResponse(responseCode = "200", description = "The project", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectDto.class)))
    @GET
    @Path("{id}")
    public Uni<Envelope> get(@RestPath String id) {
        return service.get(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @Operation(summary = "Update a project's name or notes")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.ProjectPatch.class)))
    @APIResponse(responseCode = "200", description = "The updated project", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectDto.class)))
    @PATCH
    @Path("{id}")
    public Uni<Envelope> patch(@RestPath String id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        var projectId = Params.pathId(id, "id");
        return service.patch(caller.orgId(), projectId, JsonBody.parse(contentType, body)).map(Envelope::of);
    }
}
