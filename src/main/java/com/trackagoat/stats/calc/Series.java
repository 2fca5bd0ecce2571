package com.trackagoat.stats.calc;

import java.time.LocalDate;

/**
 * The per-day aggregates of a creator or campaign (docs/reference/stats-and-metrics.md §2) that the
 * answers read: C, G, F, P and N per day, and first_data_date. Built either over the whole history
 * from snapshots ({@link EntitySeries}) or over a requested range from the daily rollups ({@link RangeSeries}).
 */
public interface Series {

    /** first_data_date: the earliest day holding a snapshot of a covered entity, or null. */
    LocalDate firstDay();

    /** C(d): carried totals (0 before any data). */
    long[] cumulative(LocalDate d);

    /** G(d), or null when no covered video gained that day. */
    long[] gained(LocalDate d);

    /** F(d): followers carried forward, summed over the covered creators that have a value; null when none has. */
    Long followers(LocalDate d);

    /** The summed follower gains of the covered creators that day (their A_followers), null when none has one. */
    Long followerGains(LocalDate d);

    /** P(d). */
    default long posts(LocalDate d) {
        return postedOnOrBefore(d) - postedOnOrBefore(d.minusDays(1));
    }

    /** N(d). */
    long postedOnOrBefore(LocalDate d);

    /** How many of the sorted epoch days are on or before {@code d} (N(d) over the posting days). */
    static long onOrBefore(long[] sortedDays, LocalDate d) {
        long key = d.toEpochDay();
        int lo = 0;
        int hi = sortedDays.length;
        while (lo < hi) {   // first index with a day > key
            int mid = (lo + hi) >>> 1;
            if (sortedDays[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A creator's own counters per day: CV and A (followers, following, likes, videos). */
    interface Own {
        /** CV(d), or null before the first snapshot. */
        long[] carried(LocalDate day);

        /** A(d), or null. */
        long[] gain(LocalDate day);
    }
}
