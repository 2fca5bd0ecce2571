package com.trackagoat.campaign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Body;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.Deleted;
import java.util.List;
import com.trackagoat.stats.StatsResponses.StatsData;
import com.trackagoat.api.Idempotency;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;
import com.trackagoat.auth.CurrentCaller;
import com.trackagoat.stats.StatsParams;
import com.trackagoat.stats.StatsResponses;
import com.trackagoat.stats.StatsService;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/campaigns")
public class CampaignResource {

    @Inject
    CampaignService service;
    @Inject
    CurrentCaller caller;
    @Inject
    StatsService stats;
    @Inject
    Idempotency idempotency;
    @Inject
    Body bodies;

    @Operation(summary = "List campaigns")
    @APIResponse(responseCode = "200", description = "One page, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CampaignDto.class)))
    @GET
    public Uni<Envelope<List<CampaignDto>>> list(@RestQuery("project_id") String projectId, @RestQuery String limit, @RestQuery String cursor) {
        UUID project = Params.queryId(projectId, "project_id");
        PageRequest page = PageRequest.parse(limit, cursor);
        return service.list(caller.orgId(), project, page).map(Envelope::list);
    }

    @Operation(summary = "Get a campaign")
    @APIResponse(responseCode = "200", description = "The campaign", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignDto.class)))
    @GET
    @Path("{id}")
    public Uni<Envelope<CampaignDto>> get(@RestPath String id) {
        return service.get(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @Operation(summary = "Update a campaign")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignPatch.class)))
    @APIResponse(responseCode = "200", description = "The updated campaign", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignDto.class)))
    @PATCH
    @Path("{id}")
    public Uni<Envelope<CampaignDto>> patch(@RestPath String id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID campaignId = Params.pathId(id, "id");
        CampaignPatch patch = bodies.read(contentType, body, CampaignPatch.class);
        return service.patch(caller.orgId(), campaignId, patch).map(Envelope::of);
    }
    @Operation(summary = "Delete a campaign with its items and memberships")
    @APIResponse(responseCode = "200", description = "Deleted", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Deleted.class)))
    @DELETE
    @Path("{id}")
    public Uni<Envelope<Deleted>> delete(@RestPath String id) {
        return service.delete(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @Operation(summary = "List the direct items of a campaign")
    @APIResponse(responseCode = "200", description = "One page, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CampaignItemDto.class)))
    @GET
    @Path("{id}/items")
    public Uni<Envelope<List<CampaignItemDto>>> items(@RestPath String id, @RestQuery String limit, @RestQuery String cursor) {
        UUID campaignId = Params.pathId(id, "id");
        PageRequest page = PageRequest.parse(limit, cursor);
        return service.listItems(caller.orgId(), campaignId, page).map(Envelope::list);
    }

    @Operation(summary = "Add a creator, video or sub-campaign to a campaign")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignItemCreate.class)))
    @APIResponse(responseCode = "201", description = "The membership", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignItemDto.class)))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_campaign_items_per_campaign`, `current`, `max`): the plan limit is reached.")
    @APIResponse(responseCode = "409", description = "`duplicate`: already an item of this campaign; `cycle_detected`: the sub-campaign contains this campaign.")
    @POST
    @Path("{id}/items")
    public Uni<Response> addItem(@RestPath String id, @HeaderParam("Content-Type") String contentType,
                                 @HeaderParam(Idempotency.HEADER) String idemKey, @Parameter(hidden = true) HttpServerRequest request, byte[] body) {
        UUID campaignId = Params.pathId(id, "id");
        return idempotency.create(caller.orgId(), idemKey, request, contentType, body, json -> itemAdded(campaignId, json));
    }

    private Uni<RestResponse<Envelope<CampaignItemDto>>> itemAdded(UUID campaignId, ObjectNode json) {
        CampaignItemCreate item = bodies.bind(json, CampaignItemCreate.class);
        return service.addItem(caller.get(), campaignId, item).map(Envelope::created);
    }

    /** Removes one item, named by the query parameters {@code item_type} and {@code item_id}. */
    @Operation(summary = "Remove a direct item from a campaign")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignItemDeleted.class)))
    @DELETE
    @Path("{id}/items")
    public Uni<Envelope<CampaignItemDeleted>> removeItem(@RestPath String id, @RestQuery("item_type") String itemType, @RestQuery("item_id") String itemId) {
        UUID campaignId = Params.pathId(id, "id");
        if (Params.isAbsent(itemType) || !CampaignService.ITEM_TYPES.contains(itemType)) {
            throw ApiException.invalidQuery("item_type");
        }
        if (Params.isAbsent(itemId)) {
            throw ApiException.invalidQuery("item_id");
        }
        UUID item = Params.queryId(itemId, "item_id");
        return service.removeItem(caller.orgId(), campaignId, itemType, item).map(Envelope::of);
    }

    /** Day-bucketed stats (docs/reference/stats-and-metrics.md); parameters are resolved and checked in the contract's order. */
    @Operation(summary = "Day-bucketed stats of a campaign over its covered videos (each counted once)")
    @APIResponse(responseCode = "200", description = "Without `metric`: the counters' shape; with `metric`: the derived series", content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {StatsResponses.CampaignStats.class, StatsResponses.DerivedStats.class})))
    @APIResponse(responseCode = "402", description = "`retention_exceeded` (meta `retention_days`, `earliest_from`): `from` lies before the plan's history retention.")
    @GET
    @Path("{id}/stats")
    public Uni<Envelope<StatsData>> stats(@RestPath String id, @BeanParam StatsParams params) {
        UUID entityId = Params.pathId(id, "id");
        return stats.campaign(caller.get(), entityId, params.raw()).map(Envelope::cached);
    }
}
