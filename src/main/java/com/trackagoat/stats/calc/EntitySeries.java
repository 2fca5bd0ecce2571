package com.trackagoat.stats.calc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The per-day aggregates of a creator or campaign (docs/reference/stats-and-metrics.md §2) over its whole
 * history in one zone: cumulative totals C, summed gains G, followers F, posts P and N. Built once
 * from the covered entities' day series; any {@code from}/{@code to} range is then a slice, so one
 * computation serves every range and metric of the entity until its data changes.
 */
public final class EntitySeries implements Series {

    private final long firstEpochDay;      // first day with a snapshot of any covered entity; MIN when none
    private final long[][] cumulative;     // C per day from the first to the last snapshot day
    private final long[][] gained;         // G per day, null = none
    private final Long[] followers;        // F per day, null = none
    private final Long[] followerGains;    // summed A_followers per day, null = none
    private final long[] postedDays;       // epoch days of posted_at, sorted
    private final LocalDate first;

    public EntitySeries(List<DaySeries> videos, List<Instant> postedAt, List<DaySeries> creators, ZoneId zone) {
        Aggregate aggregate = new Aggregate(videos);
        this.postedDays = postedAt.stream().filter(Objects::nonNull)
                .mapToLong(p -> LocalDate.ofInstant(p, zone).toEpochDay()).sorted().toArray();
        LocalDate firstDay = aggregate.firstDay();
        LocalDate lastDay = null;
        for (DaySeries s : videos) {
            lastDay = max(lastDay, s.lastDay());
        }
        for (DaySeries c : creators) {
            firstDay = c.firstDay() != null && (firstDay == null || c.firstDay().isBefore(firstDay)) ? c.firstDay() : firstDay;
            lastDay = max(lastDay, c.lastDay());
        }
        this.first = firstDay;
        int n = firstDay == null ? 0 : (int) (lastDay.toEpochDay() - firstDay.toEpochDay() + 1);
        this.firstEpochDay = firstDay == null ? Long.MIN_VALUE : firstDay.toEpochDay();
        this.cumulative = new long[n][];
        this.gained = new long[n][];
        this.followers = new Long[n];
        this.followerGains = new Long[n];
        for (int i = 0; i < n; i++) {
            LocalDate d = firstDay.plusDays(i);
            cumulative[i] = aggregate.cumulative(d);
            gained[i] = aggregate.gained(d);
            Long f = null;
            Long fg = null;
            for (DaySeries c : creators) {
                long[] cv = c.carried(d);
                if (cv != null) {
                    f = (f == null ? 0 : f) + cv[0];
                }
                long[] a = c.gain(d);
                if (a != null) {
                    fg = (fg == null ? 0 : fg) + a[0];
                }
            }
            followers[i] = f;
            followerGains[i] = fg;
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return b == null ? a : a == null || b.isAfter(a) ? b : a;
    }

    /** first_data_date: the earliest day holding a snapshot of a covered entity, or null. */
    @Override
    public LocalDate firstDay() {
        return first;
    }

    private int index(LocalDate d) {
        if (cumulative.length == 0) {
            return -1;
        }
        long i = d.toEpochDay() - firstEpochDay;
        return i < 0 ? -1 : (int) Math.min(i, cumulative.length - 1);
    }

    private boolean afterLast(LocalDate d) {
        return d.toEpochDay() - firstEpochDay >= cumulative.length;
    }

    /** C(d): carried totals (0 before any data, the last values after it). */
    @Override
    public long[] cumulative(LocalDate d) {
        int i = index(d);
        return i < 0 ? new long[Aggregate.COUNTERS] : cumulative[i];
    }

    /** G(d), or null when no covered video gained that day. */
    @Override
    public long[] gained(LocalDate d) {
        int i = index(d);
        return i < 0 || afterLast(d) ? null : gained[i];
    }

    /** F(d): followers carried forward, summed over the covered creators that have a value; null when none has. */
    @Override
    public Long followers(LocalDate d) {
        int i = index(d);
        return i < 0 ? null : followers[i];
    }

    @Override
    public Long followerGains(LocalDate d) {
        int i = index(d);
        return i < 0 || afterLast(d) ? null : followerGains[i];
    }

    @Override
    public long postedOnOrBefore(LocalDate d) {
        return Series.onOrBefore(postedDays, d);
    }
}
