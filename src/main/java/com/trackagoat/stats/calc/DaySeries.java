package com.trackagoat.stats.calc;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The snapshots of one entity bucketed into days of a time zone (docs/reference/stats-and-metrics.md §2): day
 * values, carried values and attributed gains. Pure and allocation-light: days are kept as sorted
 * epoch-day numbers and looked up by binary search.
 */
public final class DaySeries implements Series.Own {

    private final long[] days;          // epoch days holding a snapshot, ascending
    private final long[][] dayValues;   // DV: counters of the day's last snapshot
    private final long[][] gains;       // A: attributed gain per day, null = none
    private final Snap first;

    private DaySeries(long[] days, long[][] dayValues, long[][] gains, Snap first) {
        this.days = days;
        this.dayValues = dayValues;
        this.gains = gains;
        this.first = first;
    }

    public static final DaySeries EMPTY = new DaySeries(new long[0], new long[0][], new long[0][], null);

    /** One day of one entity: its epoch day, day value DV and attributed gain A (null = none). */
    public record Day(long epochDay, long[] value, long[] gain) {
    }

    /**
     * @param snaps   the entity's snapshots, sorted by {@code at} ascending
     * @param isVideo videos have the zero-baseline rule (a baseline with view_count 0 gains from 0)
     */
    public static DaySeries of(List<Snap> snaps, ZoneId zone, boolean isVideo) {
        if (snaps.isEmpty()) {
            return EMPTY;
        }
        List<Day> rows = days(snaps, null, zone, isVideo);
        int n = rows.size();
        long[] days = new long[n];
        long[][] values = new long[n][];
        long[][] gains = new long[n][];
        for (int i = 0; i < n; i++) {
            days[i] = rows.get(i).epochDay();
            values[i] = rows.get(i).value();
            gains[i] = rows.get(i).gain();
        }
        return new DaySeries(days, values, gains, snaps.get(0));
    }

    /**
     * The days of {@code snaps} (sorted by {@code at}): per day, the last snapshot's counters and
     * the attributed gain (§2). {@code previous} is the day value of the latest earlier day (PV of
     * the first day), null when there is none: a run of days can so be recomputed on its own.
     */
    public static List<Day> days(List<Snap> snaps, long[] previous, ZoneId zone, boolean isVideo) {
        List<Day> out = new ArrayList<>();
        int n = snaps.size();
        int i = 0;
        while (i < n) {
            long day = epochDay(snaps.get(i), zone);
            long[] lastBaseline = null;
            long[] last = null;
            for (; i < n && epochDay(snaps.get(i), zone) == day; i++) {
                Snap s = snaps.get(i);
                if (s.baseline()) {
                    lastBaseline = s.counters();
                }
                last = s.counters();
            }
            long[] gain;
            if (lastBaseline != null) {
                // The day's last baseline decides: the counters any baseline brings in are never
                // gains, so only a zero baseline with no later baseline that day gains from zero.
                gain = isVideo && lastBaseline[0] == 0 ? minus(last, lastBaseline) : null;
            } else {
                gain = previous == null ? null : minus(last, previous);
            }
            out.add(new Day(day, last, gain));
            previous = last;
        }
        return out;
    }

    /** Whether a snapshot is a zero baseline (a video baseline with view_count 0: velocity starts on its day). */
    public static boolean zeroBaseline(Snap s) {
        return s.baseline() && s.counters()[0] == 0;
    }

    private static long epochDay(Snap s, ZoneId zone) {
        return LocalDate.ofInstant(s.at(), zone).toEpochDay();
    }

    private static long[] minus(long[] a, long[] b) {
        long[] r = new long[a.length];
        for (int k = 0; k < a.length; k++) {
            r[k] = a[k] - b[k];
        }
        return r;
    }

    public boolean isEmpty() {
        return days.length == 0;
    }

    /** The first day holding a snapshot, or null. */
    public LocalDate firstDay() {
        return days.length == 0 ? null : LocalDate.ofEpochDay(days[0]);
    }

    public LocalDate lastDay() {
        return days.length == 0 ? null : LocalDate.ofEpochDay(days[days.length - 1]);
    }

    /** The entity's first snapshot (its baseline), or null. */
    public Snap first() {
        return first;
    }

    /** CV(d): the day value of the latest day ≤ d with a snapshot, or null. */
    @Override
    public long[] carried(LocalDate day) {
        int idx = Arrays.binarySearch(days, day.toEpochDay());
        if (idx >= 0) {
            return dayValues[idx];
        }
        int before = -idx - 2;
        return before >= 0 ? dayValues[before] : null;
    }

    /** A(d): the attributed gain of the day, or null (no snapshot that day, a baseline day, or no earlier snapshot). */
    @Override
    public long[] gain(LocalDate day) {
        int idx = Arrays.binarySearch(days, day.toEpochDay());
        return idx >= 0 ? gains[idx] : null;
    }
}
