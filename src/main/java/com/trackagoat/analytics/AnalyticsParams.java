package com.trackagoat.analytics;

import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters of {@code GET /api/v1/analytics}, as sent (docs/reference/analytics.md §1). */
public class AnalyticsParams {
    @RestQuery
    public String entity;
    @RestQuery("entity_id")
    public String entityId;
    @RestQuery
    public String metric;
    @RestQuery
    public String mode;
    @RestQuery
    public String granularity;
    @RestQuery
    public String from;
    @RestQuery
    public String to;
    @RestQuery
    public String tz;
    @RestQuery("base_metric")
    public String baseMetric;
    @RestQuery
    public String compare;
    @RestQuery
    public String breakdown;
    @RestQuery
    public String format;

    public AnalyticsQuery.Raw raw() {
        return new AnalyticsQuery.Raw(entity, entityId, metric, mode, granularity, from, to, tz, baseMetric, compare, breakdown, format);
    }
}
