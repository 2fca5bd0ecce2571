package com.trackagoat.stats.calc;

import java.time.LocalDate;
import java.util.List;

/**
 * Entity aggregates over a set of counted videos (docs/reference/stats-and-metrics.md §2): summed gains G and
 * cumulative carried totals C. Each video is counted once.
 */
public final class Aggregate {

    public static final int COUNTERS = 5;

    private final List<DaySeries> videos;

    public Aggregate(List<DaySeries> videos) {
        this.videos = videos;
    }

    /** G(d) per counter, or null when no video has a gain that day. */
    public long[] gained(LocalDate day) {
        long[] sum = null;
        for (DaySeries s : videos) {
            long[] g = s.gain(day);
            if (g != null) {
                if (sum == null) {
                    sum = new long[COUNTERS];
                }
                for (int k = 0; k < COUNTERS; k++) {
                    sum[k] += g[k];
                }
            }
        }
        return sum;
    }

    /** C(d) per counter: the sum of carried values (0 when none has one). */
    public long[] cumulative(LocalDate day) {
        long[] sum = new long[COUNTERS];
        for (DaySeries s : videos) {
            long[] c = s.carried(day);
            if (c != null) {
                for (int k = 0; k < COUNTERS; k++) {
                    sum[k] += c[k];
                }
            }
        }
        return sum;
    }

    /** The earliest day with a snapshot of any video, or null. */
    public LocalDate firstDay() {
        LocalDate first = null;
        for (DaySeries s : videos) {
            LocalDate d = s.firstDay();
            if (d != null && (first == null || d.isBefore(first))) {
                first = d;
            }
        }
        return first;
    }

    /** Engagement = likes + comments + shares + saves of a counter array. */
    public static long engagement(long[] counters) {
        return counters[1] + counters[2] + counters[3] + counters[4];
    }
}
