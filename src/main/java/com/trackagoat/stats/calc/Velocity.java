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
        Snap b = series.first();
        boolean zeroBaseline = b.baseline() && b.counters()[0] == 0;
        long start = Math.max(0, series.firstDay().toEpochDay() - day0.toEpochDay() + (zeroBaseline ? 0 : 1));
        long end = series.lastDay().toEpochDay() - day0.toEpochDay();
        List<Point> points = new ArrayList<>();
        for (long n = start; n <= end && n < start + MAX_ENTRIES; n++) {
            long[] gain = series.gain(day0.plusDays(n));
            points.add(new Point((int) n, gain == null ? null : gain[0]));
        }
        return points;
    }
}
