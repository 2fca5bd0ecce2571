package com.trackagoat.creator;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Body;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.Deleted;
import java.util.List;
import com.trackagoat.stats.StatsResponses.StatsData;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;
import com.trackagoat.api.Text;
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

@Path("/api/v1/creators")
public class CreatorResource {

    @Inject
    CreatorService service;
    @Inject
    CurrentCaller caller;
    @Inject
    StatsService stats;
    @Inject
    ScrapeService scraper;
    @Inject
    Body bodies;

    @Operation(summary = "List visible creators")
    @APIResponse(responseCode = "200", description = "One page, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CreatorDto.class)))
    @GET
    public Uni<Envelope<List<CreatorDto>>> list(@RestQuery("project_id") String projectId, @RestQuery String search,
                              @RestQuery String limit, @RestQuery String cursor) {
        UUID project = Params.queryId(projectId, "project_id");
        String term = Params.isAbsent(search) ? null : search;
        if (term != null && (term.codePointCount(0, term.length()) > 100 || !Text.isText(term))) {
            throw ApiException.invalidQuery("search");
        }
        PageRequest page = PageRequest.parse(limit, cursor);
        return service.list(caller.orgId(), project, term, page).map(Envelope::list);
    }

    @Operation(summary = "Get a creator")
    @APIResponse(responseCode = "200", description = "The creator", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatorDto.class)))
    @GET
    @Path("{id}")
    public Uni<Envelope<CreatorDto>> get(@RestPath String id) {
        return service.get(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @Operation(summary = "Update a creator: notes, metadata, tracking mode, or rename its handle")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatorPatch.class)))
    @APIResponse(responseCode = "200", description = "The updated creator", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatorDto.class)))
    @APIResponse(responseCode = "409", description = "Rename: `handle_taken`, `creator_banned`, `invalid_handle` or `no_change`.")
    @PATCH
    @Path("{id}")
    public Uni<Envelope<CreatorDto>> patch(@RestPath String id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID creatorId = Params.pathId(id, "id");
        CreatorPatch patch = bodies.read(contentType, body, CreatorPatch.class);
        return service.patch(caller.orgId(), creatorId, patch).map(Envelope::of);
    }
    @Operation(summary = "Remove a creator (soft; kept for a reactivation)")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Deleted.class)))
    @DELETE
    @Path("{id}")
    public Uni<Envelope<Deleted>> remove(@RestPath String id) {
        return service.remove(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    /** Manual scrape (docs/reference/scraping.md §5): one unit of the organization's daily quota. */
    @Operation(summary = "Scrape a creator now (one unit of the daily manual quota)")
    @APIResponse(responseCode = "200", description = "What the scrape wrote", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScrapeService.ManualResult.class)))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_manual_scrape_triggers_per_day`, `current`, `max`): the plan limit is reached.")
    @POST
    @Path("{id}/scrape")
    public Uni<Envelope<ScrapeService.ManualResult>> scrape(@RestPath String id) {
        UUID entityId = Params.pathId(id, "id");
        return scraper.manualCreator(caller.orgId(), caller.get().tier(), entityId).map(Envelope::of);
    }

    /** Day-bucketed stats (docs/reference/stats-and-metrics.md); parameters are resolved and checked in the contract's order. */
    @Operation(summary = "Day-bucketed stats of a creator: totals, gains, posts, followers, or a derived metric")
    @APIResponse(responseCode = "200", description = "Without `metric`: the counters' shape; with `metric`: the derived series", content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {StatsResponses.CreatorStats.class, StatsResponses.DerivedStats.class})))
    @APIResponse(responseCode = "402", description = "`retention_exceeded` (meta `retention_days`, `earliest_from`): `from` lies before the plan's history retention.")
    @GET
    @Path("{id}/stats")
    public Uni<Envelope<StatsData>> stats(@RestPath String id, @BeanParam StatsParams params) {
        UUID entityId = Params.pathId(id, "id");
        return stats.creator(caller.get(), entityId, params.raw()).map(Envelope::cached);
    }
}
