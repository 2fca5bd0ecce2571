package com.trackagoat.creator;

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

@Path("/api/v1/creators")
public class CreatorResource {

    private final CreatorService service;
    private final CurrentCaller caller;
    private final StatsService stats;
    private final ScrapeService scraper;

    public CreatorResource(CreatorService service, CurrentCaller caller, StatsService stats, ScrapeService scraper) {
        this.service = service;
        this.caller = caller;
        this.stats = stats;
        this.scraper = scraper;
    }

    @GET
    public Uni<Envelope> list(@RestQuery("project_id") String projectId, @RestQuery String search,
                              @RestQuery String limit, @RestQuery String cursor) {
        UUID project = Params.queryId(projectId, "project_id");
        String term = Params.isAbsent(search) ? null : search;
        if (term != null && (term.codePointCount(0, term.length()) > 100 || !JsonBody.isText(term))) {
            throw ApiException.invalidQuery("search");
        }
        PageRequest page = PageRequest.parse(limit, cursor);
        return service.list(caller.orgId(), project, term, page).map(Envelope::list);
    }

    @GET
    @Path("{id}")
    public Uni<Envelope> get(@RestPath String id) {
        return service.get(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @PATCH
    @Path("{id}")
    public Uni<Envelope> patch(@RestPath String id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID creatorId = Params.pathId(id, "id");
        return service.patch(caller.orgId(), creatorId, JsonBody.parse(contentType, body)).map(Envelope::of);
    }
    @DELETE
    @Path("{id}")
    public Uni<Envelope> remove(@RestPath String id) {
        return service.remove(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    /** Manual scrape (scraping.md §5): one unit of the organization's daily quota. */
    @POST
    @Path("{id}/scrape")
    public Uni<Envelope> scrape(@RestPath String id) {
        UUID entityId = Params.pathId(id, "id");
        return scraper.manualCreator(caller.orgId(), caller.get().tier(), entityId).map(Envelope::of);
    }

    /** Day-bucketed stats (stats-and-metrics.md); parameters are resolved and checked in the contract's order. */
    @GET
    @Path("{id}/stats")
    public Uni<Envelope> stats(@RestPath String id, @BeanParam StatsParams params) {
        UUID entityId = Params.pathId(id, "id");
        return stats.creator(caller.get(), entityId, params.raw());
    }
}
