package com.trackagoat.analytics;

import com.trackagoat.stats.StatsQuery;
import com.trackagoat.stats.calc.Aggregate;
import com.trackagoat.stats.calc.Rates;
import com.trackagoat.stats.calc.Series;

import java.time.LocalDate;
import java.util.List;

/**
 * The value of one analytics bucket (docs/reference/analytics.md §1, "Values per bucket"), from an
 * entity's per-day aggregates. Pure. For a bucket of one day every value equals the stats value of
 * that day (docs/reference/stats-and-metrics.md §2 and §6).
 */
public final class BucketValues {

    /** The raw counter metrics, in the order of the per-day counter arrays. */
    public static final List<String> COUNTERS = List.of("views", "likes", "comments", "shares", "saves");

    private BucketValues() {
    }

    /**
     * @param metric   a raw metric (the counters, {@code followers}, {@code posts}) or a derived one
     * @param mode     {@code new}, {@code cumulative} or {@code rate}
     * @param base     the base metric of {@code growth_rate_pop}, else null
     * @param own      the creator's own series (creators only; growth of followers and videos), else null
     * @param previous the bucket before {@code b}, null for the first
     * @return a {@link Long} for raw metrics, a {@link Double} for derived ones, or null
     */
    public static Number value(String metric, String mode, String base, Series s, Series.Own own, Buckets.Bucket b, Buckets.Bucket previous) {
        int k = COUNTERS.indexOf(metric);
        if (mode.equals("new")) {
            if (k >= 0) {
                long[] g = gained(s, b);
                return g == null ? null : g[k];
            }
            return metric.equals("followers") ? followerGains(s, b) : Long.valueOf(posts(s, b));
        }
        if (mode.equals("cumulative")) {
            if (k >= 0) {
                LocalDate first = s.firstDay();
                return first == null || b.end().isBefore(first) ? null : s.cumulative(b.end())[k];
            }
            return metric.equals("followers") ? s.followers(b.end()) : Long.valueOf(s.postedOnOrBefore(b.end()));
        }
        return rate(metric, base, s, own, b, previous);
    }

    private static Double rate(String metric, String base, Series s, Series.Own own, Buckets.Bucket b, Buckets.Bucket previous) {
        switch (metric) {
            case StatsQuery.ENGAGEMENT_BY_VIEWS -> {
                long[] g = gained(s, b);
                return g == null ? null : Rates.percent(Aggregate.engagement(g), g[0]);
            }
            case StatsQuery.ENGAGEMENT_BY_FOLLOWERS -> {
                long[] g = gained(s, b);
                Long followers = s.followers(b.end());
                return g == null || followers == null ? null : Rates.percent(Aggregate.engagement(g), followers);
            }
            case StatsQuery.POSTS_PER_WEEK -> {
                return Rates.ratio(posts(s, b) * 7, b.days(), 2);
            }
            case StatsQuery.AVG_VIEWS_PER_POST -> {
                long[] g = gained(s, b);
                return g == null ? null : Rates.ratio(g[0], s.postedOnOrBefore(b.end()), 2);
            }
            case StatsQuery.GROWTH_RATE_POP -> {
                return previous == null ? null : growth(base, s, own, b, previous.end());
            }
            default -> throw new IllegalArgumentException(metric);
        }
    }

    /** Σgain over the bucket ÷ X on the last day of the previous bucket × 100. */
    private static Double growth(String base, Series s, Series.Own own, Buckets.Bucket b, LocalDate before) {
        if (base.equals("followers") || base.equals("videos")) {
            int k = base.equals("followers") ? 0 : 3;
            Long gain = null;
            for (LocalDate d = b.start(); !d.isAfter(b.end()); d = d.plusDays(1)) {
                long[] a = own.gain(d);
                if (a != null) {
                    gain = (gain == null ? 0 : gain) + a[k];
                }
            }
            long[] x = own.carried(before);
            return gain == null || x == null ? null : Rates.percent(gain, x[k]);
        }
        int k = COUNTERS.indexOf(base);
        long[] g = gained(s, b);
        return g == null ? null : Rates.percent(g[k], s.cumulative(before)[k]);
    }

    /** ΣG over the bucket's days, null when no day has a gain. */
    static long[] gained(Series s, Buckets.Bucket b) {
        long[] sum = null;
        for (LocalDate d = b.start(); !d.isAfter(b.end()); d = d.plusDays(1)) {
            long[] g = s.gained(d);
            if (g != null) {
                if (sum == null) {
                    sum = new long[g.length];
                }
                for (int k = 0; k < g.length; k++) {
                    sum[k] += g[k];
                }
            }
        }
        return sum;
    }

    private static Long followerGains(Series s, Buckets.Bucket b) {
        Long sum = null;
        for (LocalDate d = b.start(); !d.isAfter(b.end()); d = d.plusDays(1)) {
            Long g = s.followerGains(d);
            if (g != null) {
                sum = (sum == null ? 0 : sum) + g;
            }
        }
        return sum;
    }

    private static long posts(Series s, Buckets.Bucket b) {
        return s.postedOnOrBefore(b.end()) - s.postedOnOrBefore(b.start().minusDays(1));
    }
}
