package com.trackagoat.stats.calc;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A creator's or campaign's aggregates over one requested range [{@code from}, {@code to}], summed
 * from daily rollup rows of that range (plus, per entity, the row before it for carried values).
 * Each part is added with its own carried rows; days between rows carry the previous row.
 */
public final class RangeSeries implements Series {

    private final long from;
    private final int length;
    private final long[][] cumulative;
    private final long[][] gained;
    private final Long[] followers;
    private final Long[] followerGains;
    private final long[] postedDays;
    private final LocalDate first;

    /**
     * @param postedAtDays epoch days of the covered videos' posting days (P and N)
     * @param first        first_data_date, or null
     */
    public RangeSeries(LocalDate from, LocalDate to, long[] postedAtDays, LocalDate first) {
        this.from = from.toEpochDay();
        this.length = (int) (to.toEpochDay() - this.from + 1);
        this.cumulative = new long[length][Rollup.VIDEO];
        this.gained = new long[length][];
        this.followers = new Long[length];
        this.followerGains = new Long[length];
        this.postedDays = postedAtDays.clone();
        Arrays.sort(this.postedDays);
        this.first = first;
    }

    /** Adds one entity's carried totals: {@code before} (or null) and its rows in the range by epoch day. */
    public RangeSeries addTotals(long[] before, NavigableMap<Long, long[]> rows) {
        forEachDay(before, rows, (i, v) -> {
            for (int k = 0; k < Rollup.VIDEO; k++) {
                cumulative[i][k] += v[k];
            }
        });
        return this;
    }

    /** Adds the gains of {@code count} videos on one day of the range (nothing when count is 0). */
    public RangeSeries addGain(long epochDay, long[] gains, int count) {
        int i = (int) (epochDay - from);
        if (count > 0 && i >= 0 && i < length) {
            if (gained[i] == null) {
                gained[i] = new long[Rollup.VIDEO];
            }
            for (int k = 0; k < Rollup.VIDEO; k++) {
                gained[i][k] += gains[k];
            }
        }
        return this;
    }

    /** Adds one creator's carried follower counts: {@code before} (or null) and its values in the range. */
    public RangeSeries addFollowers(Long before, NavigableMap<Long, Long> rows) {
        forEachDay(before, rows, (i, v) -> followers[i] = (followers[i] == null ? 0 : followers[i]) + v);
        return this;
    }

    /** Adds one creator's follower gain on one day of the range. */
    public RangeSeries addFollowerGain(long epochDay, long gain) {
        int i = (int) (epochDay - from);
        if (i >= 0 && i < length) {
            followerGains[i] = (followerGains[i] == null ? 0 : followerGains[i]) + gain;
        }
        return this;
    }

    private interface DayConsumer<V> {
        void accept(int index, V value);
    }

    /** Calls back with the carried value of each day of the range that has one. */
    private <V> void forEachDay(V before, NavigableMap<Long, V> rows, DayConsumer<V> consumer) {
        V carried = before;
        for (int i = 0; i < length; i++) {
            V today = rows.get(from + i);
            if (today != null) {
                carried = today;
            }
            if (carried != null) {
                consumer.accept(i, carried);
            }
        }
    }

    private int index(LocalDate d) {
        long i = d.toEpochDay() - from;
        if (i < 0 || i >= length) {
            throw new IllegalArgumentException(d + " is outside the range");
        }
        return (int) i;
    }

    @Override
    public LocalDate firstDay() {
        return first;
    }

    @Override
    public long[] cumulative(LocalDate d) {
        return cumulative[index(d)];
    }

    @Override
    public long[] gained(LocalDate d) {
        return gained[index(d)];
    }

    @Override
    public Long followers(LocalDate d) {
        return followers[index(d)];
    }

    @Override
    public Long followerGains(LocalDate d) {
        return followerGains[index(d)];
    }

    @Override
    public long postedOnOrBefore(LocalDate d) {
        return Series.onOrBefore(postedDays, d);
    }

    /** A creator's own counters over the range from its rollup rows: carried values and gains by epoch day. */
    public static Own own(long[] before, Map<Long, long[]> carried, Map<Long, long[]> gains) {
        TreeMap<Long, long[]> rows = new TreeMap<>(carried);
        return new Own() {
            @Override
            public long[] carried(LocalDate day) {
                Map.Entry<Long, long[]> e = rows.floorEntry(day.toEpochDay());
                return e != null ? e.getValue() : before;
            }

            @Override
            public long[] gain(LocalDate day) {
                return gains.get(day.toEpochDay());
            }
        };
    }
}
