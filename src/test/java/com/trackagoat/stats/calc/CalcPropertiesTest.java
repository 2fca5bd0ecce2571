package com.trackagoat.stats.calc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the stats math over random snapshot histories. */
class CalcPropertiesTest {

    /** A monotone video history: one baseline, then snapshots at random gaps (hours), never decreasing. */
    record History(Instant postedAt, List<Snap> snaps, ZoneId zone) {
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<List<Integer>> gaps = Arbitraries.integers().between(1, 60).list().ofMinSize(1).ofMaxSize(60);
        Arbitrary<List<Integer>> increments = Arbitraries.integers().between(0, 5000).list().ofSize(61);
        Arbitrary<Integer> firstViews = Arbitraries.integers().between(0, 3).map(i -> i == 0 ? 0 : i * 1000);
        Arbitrary<Integer> delayHours = Arbitraries.integers().between(0, 72);
        Arbitrary<ZoneId> zones = Arbitraries.of("UTC", "America/New_York", "Asia/Kolkata", "Pacific/Apia", "Etc/GMT+12").map(ZoneId::of);
        return Combinators.combine(gaps, increments, firstViews, delayHours, zones).as((g, inc, first, delay, zone) -> {
            Instant posted = Instant.parse("2026-03-01T14:00:00Z");
            Instant at = posted.plusSeconds(3600L * delay);
            long views = first;
            List<Snap> snaps = new ArrayList<>();
            snaps.add(new Snap(at, new long[]{views, views / 10, 0, 0, 0}, true));
            for (int i = 0; i < g.size(); i++) {
                at = at.plusSeconds(3600L * g.get(i));
                views += inc.get(i);
                snaps.add(new Snap(at, new long[]{views, views / 10, 0, 0, 0}, false));
            }
            return new History(posted, snaps, zone);
        });
    }

    @Property
    void velocitySumsToLastMinusBaselineDayValue(@ForAll("histories") History h) {
        DaySeries series = DaySeries.of(h.snaps(), h.zone(), true);
        List<Velocity.Point> v = Velocity.of(series, h.postedAt(), h.zone());
        long sum = v.stream().map(Velocity.Point::viewsGained).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        long last = h.snaps().get(h.snaps().size() - 1).counters()[0];
        boolean zero = h.snaps().get(0).counters()[0] == 0;
        long baselineDay = zero ? 0 : series.carried(series.firstDay())[0];
        if (v.size() < Velocity.MAX_ENTRIES) {
            assertEquals(last - baselineDay, sum);
        }
    }

    @Property
    void gainsBetweenTwoDaysAddUpToTheCarriedDifference(@ForAll("histories") History h) {
        DaySeries series = DaySeries.of(h.snaps(), h.zone(), true);
        LocalDate first = series.firstDay();
        long sum = 0;
        for (LocalDate d = first.plusDays(1); !d.isAfter(series.lastDay()); d = d.plusDays(1)) {
            long[] g = series.gain(d);
            sum += g == null ? 0 : g[0];
        }
        assertEquals(series.carried(series.lastDay())[0] - series.carried(first)[0], sum);
    }

    @Property
    void cumulativeTotalsNeverDecreaseForMonotoneCounters(@ForAll("histories") History a, @ForAll("histories") History b) {
        Aggregate agg = new Aggregate(List.of(DaySeries.of(a.snaps(), a.zone(), true), DaySeries.of(b.snaps(), a.zone(), true)));
        long previous = -1;
        for (LocalDate d = LocalDate.parse("2026-02-27"); d.isBefore(LocalDate.parse("2026-05-15")); d = d.plusDays(1)) {
            long c = agg.cumulative(d)[0];
            assertTrue(c >= previous);
            previous = c;
        }
    }

    @Property
    void aRateIsNullExactlyWhenItsDenominatorIsZero(@ForAll long numerator, @ForAll long denominator) {
        numerator = numerator % 1_000_000_000L;
        denominator = denominator % 1_000_000_000L;
        if (denominator == 0) {
            assertNull(Rates.percent(numerator, denominator));
        } else {
            Double r = Rates.percent(numerator, denominator);
            double exact = numerator * 100.0 / denominator;
            assertEquals(exact, r, 0.005 + Math.ulp(exact) * 4, "within half a cent of the exact value");
            java.math.BigDecimal expected = java.math.BigDecimal.valueOf(numerator).multiply(java.math.BigDecimal.valueOf(100))
                    .divide(java.math.BigDecimal.valueOf(denominator), 2, java.math.RoundingMode.HALF_UP);
            assertEquals(expected.doubleValue(), r);
        }
    }
}
