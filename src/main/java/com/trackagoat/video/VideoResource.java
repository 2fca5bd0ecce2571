package com.trackagoat.video;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Body;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.Deleted;
import java.util.List;
import com.trackagoat.stats.StatsResponses.StatsData;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;
import com.trackagoat.auth.CurrentCaller;
import com.trackagoat.scrape.ScrapeService;
import com.trackagoat.stats.StatsParams;
import com.trackagoat.stats.StatsResponses;
import com.trackagoat.stats.StatsService;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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

import java.util.UUID;

@Path("/api/v1/videos")
public class VideoResource {

    @Inject
    VideoService service;
    @Inject
    CurrentCaller caller;
    @Inject
    StatsService stats;
    @Inject
    ScrapeService scraper;
    @Inject
    Body bodies;

    @Operation(summary = "List visible videos")
    @APIResponse(responseCode = "200", description = "One page, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = VideoDto.class)))
    @GET
    public Uni<Envelope<List<VideoDto>>> list(@RestQuery("project_id") String projectId, @RestQuery("creator_id") String creatorId,
                              @RestQuery("tracking_status") String trackingStatus,
                              @RestQuery String limit, @RestQuery String cursor) {
        UUID project = Params.queryId(projectId, "project_id");
        UUID creator = Params.queryId(creatorId, "creator_id");
        String status = Params.isAbsent(trackingStatus) ? null : trackingStatus;
        if (status != null && !VideoService.LISTABLE_STATUSES.contains(status)) {
            throw ApiException.invalidQuery("tracking_status");
        }
        PageRequest page = PageRequest.parse(limit, cursor);
        return service.list(caller.orgId(), project, creator, status, page).map(Envelope::list);
    }

    @Operation(summary = "Get a video")
    @APIResponse(responseCode = "200", description = "The video", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoDto.class)))
    @GET
    @Path("{id}")
    public Uni<Envelope<VideoDto>> get(@RestPath String id) {
        return service.get(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @Operation(summary = "Update a video: notes, metadata, or the review decision")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoPatch.class)))
    @APIResponse(responseCode = "200", description = "The updated video", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoDto.class)))
    @PATCH
    @Path("{id}")
    public Uni<Envelope<VideoDto>> patch(@RestPath String id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID videoId = Params.pathId(id, "id");
        VideoPatch patch = bodies.read(contentType, body, VideoPatch.class);
        return service.patch(caller.orgId(), videoId, patch).map(Envelope::of);
    }
    @Operation(summary = "Delete a video (tombstone; its campaign memberships are removed)")
    @APIResponse(responseCode = "200", description = "Deleted", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Deleted.class)))
    @DELETE
    @Path("{id}")
    public Uni<Envelope<Deleted>> delete(@RestPath String id) {
        return service.delete(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @Operation(summary = "Stop the snapshots of a video (history kept)")
    @APIResponse(responseCode = "200", description = "The video", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoDto.class)))
    @POST
    @Path("{id}/tracking-disable")
    public Uni<Envelope<VideoDto>> trackingDisable(@RestPath String id) {
        return service.setTracking(caller.orgId(), Params.pathId(id, "id"), true).map(Envelope::of);
    }

    @Operation(summary = "Resume the snapshots of a video")
    @APIResponse(responseCode = "200", description = "The video", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoDto.class)))
    @POST
    @Path("{id}/tracking-enable")
    public Uni<Envelope<VideoDto>> trackingEnable(@RestPath String id) {
        return service.setTracking(caller.orgId(), Params.pathId(id, "id"), false).map(Envelope::of);
    }

    /** Manual scrape (docs/reference/scraping.md §5): one unit of the organization's daily quota. */
    @Operation(summary = "Scrape a video now (one unit of the daily manual quota)")
    @APIResponse(responseCode = "200", description = "What the scrape wrote", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScrapeService.ManualResult.class)))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_manual_scrape_triggers_per_day`, `current`, `max`): the plan limit is reached.")
    @POST
    @Path("{id}/scrape")
    public Uni<Envelope<ScrapeService.ManualResult>> scrape(@RestPath String id) {
        UUID entityId = Params.pathId(id, "id");
        return scraper.manualVideo(caller.orgId(), caller.get().tier(), entityId).map(Envelope::of);
    }

    /** Day-bucketed stats (docs/reference/stats-and-metrics.md); parameters are resolved and checked in the contract's order. */
    @Operation(summary = "Stats of a video: day history, velocity, baselines, cohort comparison, or a derived metric")
    @APIResponse(responseCode = "200", description = "Without `metric`: history, velocity and baselines (`cohort` with `cohort=1`); with `metric`: the derived series", content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {StatsResponses.VideoStats.class, StatsResponses.DerivedStats.class})))
    @APIResponse(responseCode = "402", description = "`retention_exceeded` (meta `retention_days`, `earliest_from`): `from` lies before the plan's history retention.")
    @GET
    @Path("{id}/stats")
    public Uni<Envelope<StatsData>> stats(@RestPath String id, @BeanParam StatsParams params) {
        UUID entityId = Params.pathId(id, "id");
        return stats.video(caller.get(), entityId, params.raw()).map(Envelope::cached);
    }
}
