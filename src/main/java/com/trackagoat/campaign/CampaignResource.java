package com.trackagoat.campaign;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Idempotency;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;
import com.trackagoat.auth.CurrentCaller;
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
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/campaigns")
public class CampaignResource {

    private final CampaignService service;
    private final CurrentCaller caller;
    private final StatsService stats;
    private final Idempotency idempotency;

    public CampaignResource(CampaignService service, CurrentCaller caller, StatsService stats, Idempotency idempotency) {
        this.service = service;
        this.caller = caller;
        this.stats = stats;
        this.idempotency = idempotency;
    }

    @GET
    public Uni<Envelope> list(@RestQuery("project_id") String projectId, @RestQuery String limit, @RestQuery String cursor) {
        UUID project = Params.queryId(projectId, "project_id");
        PageRequest page = PageRequest.parse(limit, cursor);
        return service.list(caller.orgId(), project, page).map(Envelope::list);
    }

    @GET
    @Path("{id}")
    public Uni<Envelope> get(@RestPath String id) {
        return service.get(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @PATCH
    @Path("{id}")
    public Uni<Envelope> patch(@RestPath String id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID campaignId = Params.pathId(id, "id");
        return service.patch(caller.orgId(), campaignId, JsonBody.parse(contentType, body)).map(Envelope::of);
    }
    @DELETE
    @Path("{id}")
    public Uni<Envelope> delete(@RestPath String id) {
        return service.delete(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @GET
    @Path("{id}/items")
    public Uni<Envelope> items(@RestPath String id, @RestQuery String limit, @RestQuery String cursor) {
        UUID campaignId = Params.pathId(id, "id");
        PageRequest page = PageRequest.parse(limit, cursor);
        return service.listItems(caller.orgId(), campaignId, page).map(Envelope::list);
    }

    @POST
    @Path("{id}/items")
    public Uni<Response> addItem(@RestPath String id, @HeaderParam("Content-Type") String contentType,
                                 @HeaderParam(Idempotency.HEADER) String idemKey, HttpServerRequest request, byte[] body) {
        UUID campaignId = Params.pathId(id, "id");
        String key = Idempotency.key(idemKey);
        JsonBody json = JsonBody.parse(contentType, body);
        return idempotency.run(caller.orgId(), key, "POST", request.path(), body, () -> service.addItem(caller.get(), campaignId, json)
                .map(i -> RestResponse.status(RestResponse.Status.CREATED, Envelope.of(i))));
    }

    /** Removes one item, named by the query parameters {@code item_type} and {@code item_id}. */
    @DELETE
    @Path("{id}/items")
    public Uni<Envelope> removeItem(@RestPath String id, @RestQuery("item_type") String itemType, @RestQuery("item_id") String itemId) {
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

    /** Day-bucketed stats (stats-and-metrics.md); parameters are resolved and checked in the contract's order. */
    @GET
    @Path("{id}/stats")
    public Uni<Envelope> stats(@RestPath String id, @BeanParam StatsParams params) {
        UUID entityId = Params.pathId(id, "id");
        return stats.campaign(caller.get(), entityId, params.raw());
    }
}
