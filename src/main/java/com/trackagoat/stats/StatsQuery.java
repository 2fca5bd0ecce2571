package com.trackagoat.stats;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Params;
import com.trackagoat.api.Zones;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The resolved parameters of a stats request (docs/reference/stats-and-metrics.md §1, docs/reference/conventions.md §7),
 * validated in the contract's order: the format of each parameter in table order, then the range,
 * then the metric for the entity. Lookup (404) and retention (402) come after, in the service.
 */
public record StatsQuery(LocalDate from, LocalDate to, ZoneId zone, LocalDate today, String metric, String baseMetric,
                         boolean cohort) {

    public enum Entity { VIDEO, CREATOR, CAMPAIGN }

    public static final String ENGAGEMENT_BY_VIEWS = "engagement_rate_by_views";
    public static final String ENGAGEMENT_BY_FOLLOWERS = "engagement_rate_by_followers";
    public static final String POSTS_PER_WEEK = "posts_per_week";
    public static final String AVG_VIEWS_PER_POST = "avg_views_per_post";
    public static final String GROWTH_RATE_POP = "growth_rate_pop";
    public static final List<String> METRICS =
            List.of(ENGAGEMENT_BY_VIEWS, ENGAGEMENT_BY_FOLLOWERS, POSTS_PER_WEEK, AVG_VIEWS_PER_POST, GROWTH_RATE_POP);
    public static final Set<String> COUNTER_BASES = Set.of("views", "likes", "comments", "shares", "saves");
    public static final Set<String> CREATOR_BASES = Set.of("views", "likes", "comments", "shares", "saves", "followers", "videos");

    static final int MAX_RANGE_DAYS = 366;

    /** The raw query parameters, as sent (empty = absent). */
    public record Raw(String from, String to, String tz, String metric, String baseMetric, String granularity, String cohort) {
    }

    public static StatsQuery resolve(Raw raw, Entity entity, String orgTimezone, Clock clock) {
        LocalDate from = Params.queryDate(raw.from(), "from");
        LocalDate to = Params.queryDate(raw.to(), "to");
        ZoneId zone = Params.isAbsent(raw.tz()) ? ZoneId.of(orgTimezone) : zone(raw.tz(), "tz");
        String metric = Params.isAbsent(raw.metric()) ? null : raw.metric();
        if (metric != null && !METRICS.contains(metric)) {
            throw ApiException.invalidQuery("metric");
        }
        String baseMetric = Params.isAbsent(raw.baseMetric()) ? null : raw.baseMetric();
        if (!Params.isAbsent(raw.granularity()) && !raw.granularity().equals("day")) {
            throw ApiException.invalidQuery("granularity");
        }
        boolean cohort = cohort(raw.cohort());

        LocalDate today = LocalDate.now(clock.withZone(zone));
        Range range = range(from, to, today, MAX_RANGE_DAYS);
        from = range.from();
        to = range.to();

        if (metric != null) {
            boolean forVideo = entity == Entity.VIDEO;
            if (forVideo && !(metric.equals(ENGAGEMENT_BY_VIEWS) || metric.equals(GROWTH_RATE_POP))) {
                throw ApiException.invalidQuery("metric");
            }
            if (metric.equals(GROWTH_RATE_POP)) {
                Set<String> allowed = entity == Entity.CREATOR ? CREATOR_BASES : COUNTER_BASES;
                if (baseMetric == null || !allowed.contains(baseMetric)) {
                    throw ApiException.invalidQuery("base_metric");
                }
            } else {
                baseMetric = null;
            }
        } else {
            baseMetric = null;
        }
        return new StatsQuery(from, to, zone, today, metric, baseMetric, cohort);
    }

    /** The unit of a metric: {@code percent} for the rates, {@code count} for everything else. */
    public static String unit(String metric) {
        return metric.equals(ENGAGEMENT_BY_VIEWS) || metric.equals(ENGAGEMENT_BY_FOLLOWERS) || metric.equals(GROWTH_RATE_POP) ? "percent" : "count";
    }

    /** A resolved date range. */
    public record Range(LocalDate from, LocalDate to) {
    }

    /**
     * The range of docs/reference/conventions.md §7: the last 30 days by default, one bound given → 30
     * days from or to it, {@code to} never after today; longer than {@code maxDays} or reversed →
     * 400 invalid_query ({@code from}).
     */
    public static Range range(LocalDate from, LocalDate to, LocalDate today, int maxDays) {
        if (from == null && to == null) {
            to = today;
            from = today.minusDays(29);
        } else if (to == null) {
            to = from.plusDays(29).isAfter(today) ? today : from.plusDays(29);
        } else if (from == null) {
            from = to.minusDays(29);
        }
        if (to.isAfter(today)) {
            to = today;
        }
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw ApiException.invalidQuery("from");
        }
        return new Range(from, to);
    }

    /**
     * 402 retention_exceeded when {@code from} is earlier than today − retention days;
     * {@code retentionDays} null = unlimited.
     */
    public void checkRetention(Long retentionDays) {
        checkRetention(from, today, retentionDays);
    }

    /** As {@link #checkRetention(Long)} for any range starting at {@code from}. */
    public static void checkRetention(LocalDate from, LocalDate today, Long retentionDays) {
        LocalDate earliest = earliest(today, retentionDays);
        if (earliest != null && from.isBefore(earliest)) {
            throw ApiException.retentionExceeded(retentionDays, earliest);
        }
    }

    /** The earliest day the tier keeps (today − retention days), null when unlimited. */
    public static LocalDate earliest(LocalDate today, Long retentionDays) {
        return retentionDays == null ? null : today.minusDays(retentionDays);
    }

    /** A cache key holding every resolved parameter. */
    public String cacheKey() {
        return from + "|" + to + "|" + zone.getId() + "|" + metric + "|" + baseMetric + "|" + cohort;
    }

    /** An IANA zone id, matched case-sensitively; anything else → 400 invalid_query. */
    public static ZoneId zone(String value, String param) {
        if (!Zones.isValid(value)) {
            throw ApiException.invalidQuery(param);
        }
        return ZoneId.of(value);
    }

    static boolean cohort(String value) {
        if (Params.isAbsent(value)) {
            return false;
        }
        return switch (value) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw ApiException.invalidQuery("cohort");
        };
    }
}
