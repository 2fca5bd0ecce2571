package com.trackagoat.stats;

import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters shared by the three stats endpoints, as sent (docs/reference/stats-and-metrics.md §1). */
public class StatsParams {
    @RestQuery
    public String from;
    @RestQuery
    public String to;
    @RestQuery
    public String tz;
    @RestQuery
    public String metric;
    @RestQuery("base_metric")
    public String baseMetric;
    @RestQuery
    public String granularity;
    @RestQuery
    public String cohort;

    public StatsQuery.Raw raw() {
        return new StatsQuery.Raw(from, to, tz, metric, baseMetric, granularity, cohort);
    }
}
