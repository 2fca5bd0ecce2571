package com.trackagoat.stats.calc;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Hand-computed cases of docs/reference/stats-and-metrics.md §2, §4 and §6. */
class CalcTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Snap s(String at, boolean baseline, long... counters) {
        return new Snap(Instant.parse(at), counters, baseline);
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    /** The worked example of §7. */
    static List<Snap> example() {
        return List.of(
                s("2026-03-02T12:00:00Z", true, 1000, 100, 10, 5, 20),
                s("2026-03-03T12:00:00Z", false, 3000, 260, 22, 9, 50),
                s("2026-03-04T12:00:00Z", false, 4500, 380, 30, 12, 70),
                s("2026-03-06T12:00:00Z", false, 6000, 500, 40, 15, 90),
                s("2026-03-06T20:00:00Z", false, 6400, 520, 41, 16, 95));
    }

    @Test
    void workedExampleGainsAndCarriedValues() {
        DaySeries series = DaySeries.of(example(), UTC, true);
        assertEquals(d("2026-03-02"), series.firstDay());
        assertNull(series.carried(d("2026-03-01")));
        assertNull(series.gain(d("2026-03-02")), "baseline day");
        assertArrayEquals(new long[]{2000, 160, 12, 4, 30}, series.gain(d("2026-03-03")));
        assertArrayEquals(new long[]{1500, 120, 8, 3, 20}, series.gain(d("2026-03-04")));
        assertNull(series.gain(d("2026-03-05")), "no snapshot");
        assertArrayEquals(new long[]{4500, 380, 30, 12, 70}, series.carried(d("2026-03-05")));
        assertArrayEquals(new long[]{1900, 140, 11, 4, 25}, series.gain(d("2026-03-06")), "last snapshot of the day, gap growth");
        assertArrayEquals(new long[]{6400, 520, 41, 16, 95}, series.carried(d("2026-03-31")));

        Aggregate single = new Aggregate(List.of(series));
        long[] g = single.gained(d("2026-03-03"));
        assertEquals(10.3, Rates.percent(Aggregate.engagement(g), g[0]));
        g = single.gained(d("2026-03-04"));
        assertEquals(10.07, Rates.percent(Aggregate.engagement(g), g[0]));
        g = single.gained(d("2026-03-06"));
        assertEquals(9.47, Rates.percent(Aggregate.engagement(g), g[0]));
        assertEquals(42.22, Rates.percent(1900, single.cumulative(d("2026-03-05"))[0]));
    }

    @Test
    void workedExampleVelocity() {
        List<Velocity.Point> v = Velocity.of(DaySeries.of(example(), UTC, true), Instant.parse("2026-03-01T14:00:00Z"), UTC);
        assertEquals(List.of(new Velocity.Point(2, 2000L), new Velocity.Point(3, 1500L), new Velocity.Point(4, null),
                new Velocity.Point(5, 1900L)), v);
    }

    @Test
    void zeroBaselineGainsFromZeroAndStartsVelocityOnItsDay() {
        List<Snap> snaps = List.of(s("2026-03-01T12:00:00Z", true, 0, 0, 0, 0, 0), s("2026-03-01T20:00:00Z", false, 300, 30, 3, 1, 2),
                s("2026-03-02T12:00:00Z", false, 800, 80, 8, 2, 4));
        DaySeries series = DaySeries.of(snaps, UTC, true);
        assertArrayEquals(new long[]{300, 30, 3, 1, 2}, series.gain(d("2026-03-01")));
        List<Velocity.Point> v = Velocity.of(series, Instant.parse("2026-03-01T10:00:00Z"), UTC);
        assertEquals(List.of(new Velocity.Point(0, 300L), new Velocity.Point(1, 500L)), v);
        // creators have no zero-baseline rule
        assertNull(DaySeries.of(snaps, UTC, false).gain(d("2026-03-01")));
    }

    /** Several baselines on one day: the last one decides, so counters a later baseline brings in are no gain. */
    @Test
    void theDaysLastBaselineDecides() {
        List<Snap> zeroThenResumed = List.of(s("2026-03-01T08:00:00Z", true, 0, 0, 0, 0, 0),
                s("2026-03-01T12:00:00Z", true, 700, 70, 7, 0, 0), s("2026-03-01T20:00:00Z", false, 900, 90, 9, 0, 0),
                s("2026-03-02T12:00:00Z", false, 1000, 95, 9, 0, 0));
        DaySeries series = DaySeries.of(zeroThenResumed, UTC, true);
        assertNull(series.gain(d("2026-03-01")), "the resumed baseline's 700 views are not gained");
        assertArrayEquals(new long[]{100, 5, 0, 0, 0}, series.gain(d("2026-03-02")));

        List<Snap> resumedThenZero = List.of(s("2026-03-01T08:00:00Z", true, 50, 5, 0, 0, 0),
                s("2026-03-01T12:00:00Z", true, 0, 0, 0, 0, 0), s("2026-03-01T20:00:00Z", false, 40, 4, 0, 0, 0));
        assertArrayEquals(new long[]{40, 4, 0, 0, 0}, DaySeries.of(resumedThenZero, UTC, true).gain(d("2026-03-01")));
    }

    @Test
    void resumedBaselineMidHistoryIsNotAGain() {
        List<Snap> snaps = List.of(s("2026-03-01T12:00:00Z", true, 100, 0, 0, 0, 0), s("2026-03-02T12:00:00Z", false, 150, 0, 0, 0, 0),
                s("2026-03-05T12:00:00Z", true, 900, 0, 0, 0, 0), s("2026-03-06T12:00:00Z", false, 1000, 0, 0, 0, 0));
        DaySeries series = DaySeries.of(snaps, UTC, true);
        assertNull(series.gain(d("2026-03-05")));
        assertEquals(100, series.gain(d("2026-03-06"))[0]);
        List<Velocity.Point> v = Velocity.of(series, Instant.parse("2026-03-01T00:00:00Z"), UTC);
        assertEquals(Arrays.asList(50L, null, null, null, 100L), v.stream().map(Velocity.Point::viewsGained).toList());
    }

    @Test
    void negativeGainsAreReportedAsTheyAre() {
        DaySeries series = DaySeries.of(List.of(s("2026-03-01T12:00:00Z", false, 500, 0, 0, 0, 0),
                s("2026-03-02T12:00:00Z", false, 450, 0, 0, 0, 0)), UTC, true);
        assertNull(series.gain(d("2026-03-01")), "no earlier snapshot");
        assertEquals(-50, series.gain(d("2026-03-02"))[0]);
    }

    @Test
    void dayBucketingFollowsTheTimeZoneIncludingDst() {
        // 2026-03-08 is a 23-hour day in New York (DST starts at 02:00 local = 07:00Z)
        List<Snap> snaps = List.of(s("2026-03-08T04:30:00Z", false, 10, 0, 0, 0, 0),   // 03-07 23:30 EST
                s("2026-03-08T05:30:00Z", false, 20, 0, 0, 0, 0),                      // 03-08 00:30 EST
                s("2026-03-09T03:30:00Z", false, 30, 0, 0, 0, 0),                      // 03-08 23:30 EDT
                s("2026-03-09T04:30:00Z", false, 40, 0, 0, 0, 0));                     // 03-09 00:30 EDT
        DaySeries ny = DaySeries.of(snaps, NEW_YORK, true);
        assertEquals(d("2026-03-07"), ny.firstDay());
        assertEquals(30, ny.carried(d("2026-03-08"))[0]);
        assertEquals(20, ny.gain(d("2026-03-08"))[0]);
        assertEquals(10, ny.gain(d("2026-03-09"))[0]);
        DaySeries utc = DaySeries.of(snaps, UTC, true);
        assertEquals(d("2026-03-08"), utc.firstDay());
        assertEquals(20, utc.carried(d("2026-03-08"))[0]);
    }

    @Test
    void velocityIsCappedAt365EntriesAndNeverStartsBeforeDayZero() {
        List<Snap> snaps = new ArrayList<>();
        Instant start = Instant.parse("2025-01-01T12:00:00Z");
        for (int i = 0; i < 400; i++) {
            snaps.add(new Snap(start.plusSeconds(86400L * i), new long[]{i * 10L, 0, 0, 0, 0}, i == 0));
        }
        List<Velocity.Point> v = Velocity.of(DaySeries.of(snaps, UTC, true), Instant.parse("2025-01-05T00:00:00Z"), UTC);
        assertEquals(365, v.size());
        assertEquals(0, v.get(0).dayNumber(), "snapshots before posting: start clipped to 0");
        assertEquals(364, v.get(364).dayNumber());
        assertEquals(List.of(), Velocity.of(DaySeries.of(snaps, UTC, true), null, UTC));
        assertEquals(List.of(), Velocity.of(DaySeries.EMPTY, start, UTC));
    }

    @Test
    void aggregatesSumGainsAndCarriedValuesAndCountPosts() {
        DaySeries a = DaySeries.of(List.of(s("2026-03-01T12:00:00Z", true, 100, 0, 0, 0, 0), s("2026-03-02T12:00:00Z", false, 300, 0, 0, 0, 0)), UTC, true);
        DaySeries b = DaySeries.of(List.of(s("2026-03-02T12:00:00Z", true, 50, 0, 0, 0, 0)), UTC, true);
        Aggregate agg = new Aggregate(List.of(a, b));
        DaySeries creator = DaySeries.of(List.of(s("2026-03-02T12:00:00Z", true, 1000, 1, 1, 1)), UTC, false);
        EntitySeries entity = new EntitySeries(List.of(a, b), Arrays.asList(Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("2026-03-02T11:00:00Z"), null), List.of(creator), UTC);
        assertNull(agg.gained(d("2026-03-01")));
        assertEquals(200, agg.gained(d("2026-03-02"))[0]);
        assertEquals(100, agg.cumulative(d("2026-03-01"))[0]);
        assertEquals(350, agg.cumulative(d("2026-03-02"))[0]);
        assertEquals(0, agg.cumulative(d("2026-02-28"))[0]);
        assertEquals(d("2026-03-01"), agg.firstDay());
        assertEquals(1, entity.posts(d("2026-03-01")));
        assertEquals(2, entity.posts(d("2026-03-02")));
        assertEquals(0, entity.posts(d("2026-03-03")));
        assertEquals(3, entity.postedOnOrBefore(d("2026-03-05")));
        assertEquals(0, entity.postedOnOrBefore(d("2026-02-28")));
        assertEquals(d("2026-03-01"), entity.firstDay());
        assertEquals(350, entity.cumulative(d("2026-03-09"))[0], "carried after the last day");
        assertEquals(0, entity.cumulative(d("2026-02-01"))[0]);
        assertNull(entity.gained(d("2026-03-01")));
        assertEquals(200, entity.gained(d("2026-03-02"))[0]);
        assertNull(entity.gained(d("2026-03-03")));
        assertNull(entity.followers(d("2026-03-01")));
        assertEquals(1000, entity.followers(d("2026-03-20")));
    }

    @Test
    void roundingIsHalfUp() {
        assertEquals(1.73, Rates.percent(19, 1100));
        assertEquals(0.01, Rates.percent(1, 20000));   // 0.005 → 0.01
        assertEquals(2450.5, Rates.ratio(4901, 2, 1));
        assertEquals(0.1, Rates.ratio(1, 20, 1));      // 0.05 → 0.1
        assertNull(Rates.percent(5, 0));
        assertEquals(-50.0, Rates.percent(-1, 2));
    }
}
