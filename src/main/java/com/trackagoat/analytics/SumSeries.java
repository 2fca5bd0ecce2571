package com.trackagoat.analytics;

import com.trackagoat.stats.calc.Series;

import java.time.LocalDate;
import java.util.List;

/**
 * Several entities' per-day aggregates taken together (the {@code __other__} series of a breakdown,
 * docs/reference/analytics.md §1): counters and gains summed, a gain when any part has one, so that
 * rates are recomputed from the summed parts. Pure.
 */
final class SumSeries implements Series {

    private final List<Series> parts;

    SumSeries(List<Series> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public LocalDate firstDay() {
        LocalDate first = null;
        for (Series s : parts) {
            LocalDate f = s.firstDay();
            if (f != null && (first == null || f.isBefore(first))) {
                first = f;
            }
        }
        return first;
    }

    @Override
    public long[] cumulative(LocalDate d) {
        long[] sum = null;
        for (Series s : parts) {
            sum = add(sum, s.cumulative(d));
        }
        return sum == null ? new long[BucketValues.COUNTERS.size()] : sum;
    }

    @Override
    public long[] gained(LocalDate d) {
        long[] sum = null;
        for (Series s : parts) {
            sum = add(sum, s.gained(d));
        }
        return sum;
    }

    @Override
    public Long followers(LocalDate d) {
        return null;   // videos have no followers
    }

    @Override
    public Long followerGains(LocalDate d) {
        return null;
    }

    @Override
    public long postedOnOrBefore(LocalDate d) {
        long n = 0;
        for (Series s : parts) {
            n += s.postedOnOrBefore(d);
        }
        return n;
    }

    private static long[] add(long[] sum, long[] part) {
        if (part == null) {
            return sum;
        }
        long[] out = sum == null ? new long[part.length] : sum;
        for (int k = 0; k < part.length; k++) {
            out[k] += part[k];
        }
        return out;
    }
}
