package com.trackagoat.stats.calc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Views gained per day since posting (docs/reference/stats-and-metrics.md §4), independent of from/to. */
public final class Velocity {

    public static final int MAX_ENTRIES = 365;

    /** One entry: day number since posting and the views gained that day, null when none. */
    public record Point(int dayNumber, Long viewsGained) {
    }

    private Velocity() {
    }

    /** The first day number: the day after the first snapshot's, or its day for a zero baseline; never below 0. */
    public static long start(long firstEpochDay, boolean firstIsZeroBaseline, long day0) {
        return Math.max(0, firstEpochDay - day0 + (firstIsZeroBaseline ? 0 : 1));
    }

    /** Whether day number {@code n} is one of the (first {@value #MAX_ENTRIES}) entries from {@code start}. */
    public static boolean inWindow(long n, long start) {
        return n >= start && n < start + MAX_ENTRIES;
    }

    /**
     * Day 0 is the day of {@code postedAt} in the zone. Start is the day after the first snapshot
     * (the baseline), or its day for a zero baseline, never below 0; end is the day of the latest
     * snapshot; at most the first 365 entries.
     */
    public static List<Point> of(DaySeries series, Instant postedAt, ZoneId zone) {
        if (postedAt == null || series.isEmpty()) {
            return List.of();
        }
        LocalDate day0 = LocalDate.ofInstant(postedAt, zone);
        long start = start(series.firstDay().toEpochDay(), DaySeries.zeroBaseline(series.first()), day0.toEpochDay());
        long end = series.lastDay().toEpochDay() - day0.toEpochDay();
        List<Point> points = new ArrayList<>();
        for (long n = start; n <= end && n < start + MAX_ENTRIES; n++) {
            long[] gain = series.gain(day0.plusDays(n));
            points.add(new Point((int) n, gain == null ? null : gain[0]));
        }
        return points;
    }
}
