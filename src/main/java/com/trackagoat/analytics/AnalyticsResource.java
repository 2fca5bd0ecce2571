package com.trackagoat.analytics;

import com.trackagoat.analytics.AnalyticsResponses.AnalyticsData;
import com.trackagoat.api.Envelope;
import com.trackagoat.auth.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** The bucketed analytics time series (docs/reference/analytics.md §1). */
@Path("/api/v1/analytics")
public class AnalyticsResource {

    static final String CSV = "text/csv; charset=utf-8";

    @Inject
    AnalyticsService service;
    @Inject
    CurrentCaller caller;
    @Inject
    Clock clock;

    @Operation(summary = "Bucketed time series of 1–5 videos, creators, campaigns or projects, with comparison and breakdown, as JSON or CSV")
    @APIResponse(responseCode = "200", description = "JSON: the series; with `format=csv`: RFC 4180 rows, one per point (a file download)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsData.class)),
                    @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "402", description = "`retention_exceeded` (meta `retention_days`, `earliest_from`): `from` lies before the plan's history retention.")
    @GET
    public Uni<RestResponse<Object>> analytics(@BeanParam AnalyticsParams params) {
        AnalyticsQuery q = AnalyticsQuery.resolve(params.raw(), caller.get().timezone(), clock);
        return service.analytics(caller.get(), q).map(answer -> q.csv()
                ? RestResponse.ResponseBuilder.ok((Object) AnalyticsCsv.of(answer.data()), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + AnalyticsCsv.fileName(q) + "\"").build()
                : RestResponse.ResponseBuilder.ok((Object) Envelope.cached(answer), MediaType.APPLICATION_JSON).build());
    }
}
