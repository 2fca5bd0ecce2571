package com.trackagoat.analytics;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Params;
import com.trackagoat.stats.StatsQuery;
import com.trackagoat.stats.StatsService.Kind;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The resolved parameters of {@code GET /api/v1/analytics} (docs/reference/analytics.md §1),
 * validated in order: each parameter's format in table order, then the range, then the metric for
 * the entity, the mode for the metric, {@code base_metric}, {@code breakdown}. Lookup (404) and
 * retention (402) come after, in the service.
 */
public record AnalyticsQuery(Kind entity, List<UUID> ids, String metric, String mode, Buckets.Granularity granularity,
                             LocalDate from, LocalDate to, ZoneId zone, LocalDate today, String baseMetric, boolean compare,
                             boolean breakdown, boolean csv) {

    /** The parameters as received (null = absent). */
    public record Raw(String entity, String entityId, String metric, String mode, String granularity, String from, String to,
                      String tz, String baseMetric, String compare, String breakdown, String format) {
    }

    static final List<String> RAW = List.of("views", "likes", "comments", "shares", "saves", "followers", "posts");
    static final int MAX_IDS = 5;
    static final int MAX_DAY_RANGE = 366;
    static final int MAX_BUCKETED_RANGE = 1830;

    public static AnalyticsQuery resolve(Raw raw, String orgTimezone, Clock clock) {
        Kind entity = switch (required(raw.entity(), "entity")) {
            case "video" -> Kind.VIDEO;
            case "creator" -> Kind.CREATOR;
            case "campaign" -> Kind.CAMPAIGN;
            case "project" -> Kind.PROJECT;
            default -> throw ApiException.invalidQuery("entity");
        };
        List<UUID> ids = ids(required(raw.entityId(), "entity_id"));
        String metric = required(raw.metric(), "metric");
        boolean derived = StatsQuery.METRICS.contains(metric);
        if (!derived && !RAW.contains(metric)) {
            throw ApiException.invalidQuery("metric");
        }
        String mode = Params.isAbsent(raw.mode()) ? (derived ? "rate" : "new") : raw.mode();
        if (!List.of("new", "cumulative", "rate").contains(mode)) {
            throw ApiException.invalidQuery("mode");
        }
        Buckets.Granularity granularity = Params.isAbsent(raw.granularity()) ? Buckets.Granularity.DAY : switch (raw.granularity()) {
            case "day" -> Buckets.Granularity.DAY;
            case "week" -> Buckets.Granularity.WEEK;
            case "month" -> Buckets.Granularity.MONTH;
            default -> throw ApiException.invalidQuery("granularity");
        };
        LocalDate from = Params.queryDate(raw.from(), "from");
        LocalDate to = Params.queryDate(raw.to(), "to");
        ZoneId zone = Params.isAbsent(raw.tz()) ? ZoneId.of(orgTimezone) : StatsQuery.zone(raw.tz(), "tz");
        String baseMetric = Params.isAbsent(raw.baseMetric()) ? null : raw.baseMetric();
        if (baseMetric != null && !StatsQuery.CREATOR_BASES.contains(baseMetric)) {
            throw ApiException.invalidQuery("base_metric");
        }
        boolean compare = flag(raw.compare(), "prior_period", "compare");
        boolean breakdown = flag(raw.breakdown(), "video", "breakdown");
        boolean csv = !Params.isAbsent(raw.format()) && switch (raw.format()) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw ApiException.invalidQuery("format");
        };

        LocalDate today = LocalDate.now(clock.withZone(zone));
        StatsQuery.Range range = StatsQuery.range(from, to, today,
                granularity == Buckets.Granularity.DAY ? MAX_DAY_RANGE : MAX_BUCKETED_RANGE);

        if (!appliesTo(metric, entity)) {
            throw ApiException.invalidQuery("metric");
        }
        if (derived != mode.equals("rate")) {
            throw ApiException.invalidQuery("mode");
        }
        if (metric.equals(StatsQuery.GROWTH_RATE_POP)) {
            Set<String> allowed = entity == Kind.CREATOR ? StatsQuery.CREATOR_BASES : StatsQuery.COUNTER_BASES;
            if (baseMetric == null || !allowed.contains(baseMetric)) {
                throw ApiException.invalidQuery("base_metric");
            }
        } else {
            baseMetric = null;
        }
        if (breakdown && (entity != Kind.CAMPAIGN || ids.size() != 1 || !appliesTo(metric, Kind.VIDEO))) {
            throw ApiException.invalidQuery("breakdown");
        }
        return new AnalyticsQuery(entity, ids, metric, mode, granularity, range.from(), range.to(), zone, today, baseMetric, compare,
                breakdown, csv);
    }

    /**
     * The metric / entity matrix: counters for every entity; {@code followers} and {@code posts} not
     * for videos; derived metrics as the stats allow them, a project as a campaign.
     */
    static boolean appliesTo(String metric, Kind entity) {
        if (entity != Kind.VIDEO) {
            return true;
        }
        return BucketValues.COUNTERS.contains(metric) || metric.equals(StatsQuery.ENGAGEMENT_BY_VIEWS)
                || metric.equals(StatsQuery.GROWTH_RATE_POP);
    }

    /** Days in the range. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public String entityName() {
        return entity.name().toLowerCase(Locale.ROOT);
    }

    /** A cache key holding every resolved parameter that shapes the answer. */
    String cacheKey() {
        return String.join("|", "analytics", entity.name(), ids.toString(), metric, mode, granularity.name(), from.toString(), to.toString(),
                zone.getId(), String.valueOf(baseMetric), String.valueOf(compare), String.valueOf(breakdown));
    }

    private static String required(String value, String param) {
        if (Params.isAbsent(value)) {
            throw ApiException.invalidQuery(param);
        }
        return value;
    }

    /** 1–5 comma-separated UUIDs, no repeats: more or repeated → invalid_query, a non-UUID → invalid_params. */
    private static List<UUID> ids(String value) {
        String[] parts = value.split(",", -1);
        List<UUID> ids = new ArrayList<>(parts.length);
        for (String part : parts) {
            if (!Params.isUuid(part)) {
                throw ApiException.invalidParams("entity_id");
            }
            ids.add(UUID.fromString(part));
        }
        if (ids.size() > MAX_IDS || new HashSet<>(ids).size() != ids.size()) {
            throw ApiException.invalidQuery("entity_id");
        }
        return List.copyOf(ids);
    }

    private static boolean flag(String value, String only, String param) {
        if (Params.isAbsent(value)) {
            return false;
        }
        if (!value.equals(only)) {
            throw ApiException.invalidQuery(param);
        }
        return true;
    }
}
