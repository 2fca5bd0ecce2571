package com.trackagoat.video;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;
import com.trackagoat.auth.CurrentCaller;
import com.trackagoat.scrape.ScrapeService;
import com.trackagoat.stats.StatsParams;
import com.trackagoat.stats.StatsService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

@Path("/api/v1/videos")
public class VideoResource {

    private final VideoService service;
    private final CurrentCaller caller;
    private final StatsService stats;
    private final ScrapeService scraper;

    public VideoResource(VideoService service, CurrentCaller caller, StatsService stats, ScrapeService scraper) {
        this.service = service;
        this.caller = caller;
        this.stats = stats;
        this.scraper = scraper;
    }

    @GET
    public Uni<Envelope> list(@RestQuery("project_id") String projectId, @RestQuery("creator_id") String creatorId,
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

    @GET
    @Path("{id}")
    public Uni<Envelope> get(@RestPath String id) {
        return service.get(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @PATCH
    @Path("{id}")
    public Uni<Envelope> patch(@RestPath String id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID videoId = Params.pathId(id, "id");
        return service.patch(caller.orgId(), videoId, JsonBody.parse(contentType, body)).map(Envelope::of);
    }
    @DELETE
    @Path("{id}")
    public Uni<Envelope> delete(@RestPath String id) {
        return service.delete(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @POST
    @Path("{id}/tracking-disable")
    public Uni<Envelope> trackingDisable(@RestPath String id) {
        return service.setTracking(caller.orgId(), Params.pathId(id, "id"), true).map(Envelope::of);
    }

    @POST
    @Path("{id}/tracking-enable")
    public Uni<Envelope> trackingEnable(@RestPath String id) {
        return service.setTracking(caller.orgId(), Params.pathId(id, "id"), false).map(Envelope::of);
    }

    /** Manual scrape (scraping.md §5): one unit of the organization's daily quota. */
    @POST
    @Path("{id}/scrape")
    public Uni<Envelope> scrape(@RestPath String id) {
        UUID entityId = Params.pathId(id, "id");
        return scraper.manualVideo(caller.orgId(), caller.get().tier(), entityId).map(Envelope::of);
    }

    /** Day-bucketed stats (stats-and-metrics.md); parameters are resolved and checked in the contract's order. */
    @GET
    @Path("{id}/stats")
    public Uni<Envelope> stats(@RestPath String id, @BeanParam StatsParams params) {
        UUID entityId = Params.pathId(id, "id");
        return stats.video(caller.get(), entityId, params.raw());
    }
}
