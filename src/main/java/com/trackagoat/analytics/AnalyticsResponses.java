package com.trackagoat.analytics;

import com.trackagoat.stats.StatsResponses.Baseline;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** The answer of {@code GET /api/v1/analytics} (docs/reference/analytics.md §1, "Response"), in key order. */
public final class AnalyticsResponses {

    private AnalyticsResponses() {
    }

    @RegisterForReflection
    public record AnalyticsData(List<AnalyticsSeries> series, List<AnalyticsSeries> compareSeries, List<AnalyticsSeries> breakdownSeries,
                                List<AnnotationDto> annotations, List<Baseline> baselines, Long tierRetentionDays) {

        /** The same answer with the annotations read now (they are not part of the cached answer). */
        AnalyticsData with(List<AnnotationDto> notes) {
            return new AnalyticsData(series, compareSeries, breakdownSeries, notes, baselines, tierRetentionDays);
        }
    }

    @RegisterForReflection
    public record AnalyticsSeries(String metric, String unit, String mode, String granularity, String timezone, EntityRef entityRef,
                                  List<Point> points) {
    }

    /** {@code id} is a UUID, or {@code __other__} for the rest of a breakdown. */
    @RegisterForReflection
    public record EntityRef(String type, String id, String label) {
    }

    /** {@code value}: an integer for raw metrics, a number for derived ones, or null. */
    @RegisterForReflection
    public record Point(String bucketStart, Number value, boolean partial) {
    }
}
