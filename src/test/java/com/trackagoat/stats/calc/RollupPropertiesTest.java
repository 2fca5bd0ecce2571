package com.trackagoat.stats.calc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The rollup math ({@link Rollup}) against its definition: a creator's day rows, kept by applying
 * one video change after another (videos added, re-written, no longer counted, counted again, in
 * any order), carry on every day the sums of {@link DaySeries} over its counted videos, hold no
 * redundant row, and equal the rows of one application of the final state; the velocity sums are
 * the sums of {@link Velocity#of}.
 */
class RollupPropertiesTest {

    static final UUID ORG = new UUID(0, 1);
    static final UUID CREATOR = new UUID(0, 2);
    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    /** A video: when it was posted (hours after START, null: unknown) and its snapshots. */
    record Video(Integer postedHour, List<Snap> snaps) {
        Rollup.VideoState state(boolean counted, ZoneId zone) {
            List<DaySeries.Day> days = days(zone);
            Long day0 = postedHour == null ? null : day(START.plusSeconds(3600L * postedHour), zone);
            return new Rollup.VideoState(counted, CREATOR, day0, days.isEmpty() ? null : days.get(0).epochDay(),
                    !snaps.isEmpty() && DaySeries.zeroBaseline(snaps.get(0)));
        }

        List<DaySeries.Day> days(ZoneId zone) {
            return DaySeries.days(snaps, null, zone, true);
        }
    }

    record Step(int video, boolean counted) {
    }

    record Case(List<Video> videos, List<Step> steps, ZoneId zone) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Snap> snap = Combinators.combine(Arbitraries.integers().between(0, 30 * 24), Arbitraries.longs().between(0, 5000),
                        Arbitraries.integers().between(0, 5))
                .as((hour, views, kind) -> new Snap(START.plusSeconds(3600L * hour + 60),
                        kind == 0 ? new long[5] : new long[]{views, views / 10, views / 100, 1, 2}, kind <= 1));
        Arbitrary<Video> video = Combinators.combine(Arbitraries.integers().between(0, 20 * 24).injectNull(0.2),
                        snap.list().ofMaxSize(25).map(RollupPropertiesTest::sorted))
                .as(Video::new);
        Arbitrary<List<Video>> videos = video.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<ZoneId> zones = Arbitraries.of("UTC", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe").map(ZoneId::of);
        return Combinators.combine(videos, Arbitraries.integers().between(0, 3).list().ofMaxSize(10), Arbitraries.of(true, false).list().ofSize(10),
                zones).as((vs, order, counted, zone) -> {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < vs.size(); i++) {
                steps.add(new Step(i, true));   // every video once
            }
            for (int i = 0; i < order.size(); i++) {
                steps.add(new Step(order.get(i) % vs.size(), counted.get(i)));   // then changes in any order
            }
            return new Case(vs, steps, zone);
        });
    }

    private static List<Snap> sorted(List<Snap> snaps) {
        Map<Instant, Snap> unique = new TreeMap<>();
        snaps.forEach(s -> unique.put(s.at(), s));
        return List.copyOf(unique.values());
    }

    private static long day(Instant at, ZoneId zone) {
        return java.time.LocalDate.ofInstant(at, zone).toEpochDay();
    }

    /** The stored rollups of one creator: its day rows, each video's applied state and rows, the velocity sums. */
    static final class Store {
        final TreeMap<Long, Rollup.CreatorDay> rows = new TreeMap<>();
        final Map<Integer, Rollup.VideoState> applied = new HashMap<>();
        final Map<UUID, TreeMap<Integer, long[]>> velocity = new HashMap<>();

        /** Applies one video's whole history in the state {@code now}, as the rollup service does for a full run. */
        void apply(int index, Video video, Rollup.VideoState now, ZoneId zone) {
            Rollup.VideoState was = applied.get(index);
            Rollup.Deltas deltas = new Rollup.Deltas();
            deltas.add(new Rollup.VideoChange(ORG, null, was == null ? List.of() : video.days(zone), video.days(zone), was, now, true));
            applied.put(index, now);
            TreeMap<Long, long[]> steps = deltas.creatorSteps().getOrDefault(CREATOR, new TreeMap<>());
            if (!steps.isEmpty()) {
                long first = steps.firstKey();
                Map.Entry<Long, Rollup.CreatorDay> before = rows.lowerEntry(first);
                List<Rollup.CreatorDay> existing = new ArrayList<>(rows.tailMap(first, true).values().stream().map(Store::copy).toList());
                Rollup.Applied result = Rollup.apply(before == null ? null : before.getValue(), existing, steps, null);
                result.removed().forEach(rows::remove);
                result.changed().forEach(r -> rows.put(r.day, r));
            }
            deltas.velocity().forEach((owner, sums) -> sums.forEach((n, acc) -> {
                long[] total = velocity.computeIfAbsent(owner, k -> new TreeMap<>()).computeIfAbsent(n, k -> new long[2]);
                total[0] += acc[0];
                total[1] += acc[1];
            }));
            velocity.values().forEach(m -> m.values().removeIf(acc -> acc[0] == 0 && acc[1] == 0));
        }

        private static Rollup.CreatorDay copy(Rollup.CreatorDay d) {
            return new Rollup.CreatorDay(d.day, d.totals.clone(), d.gains.clone(), d.gainCount, d.own, d.ownSnapshot, d.ownGain);
        }
    }

    @Property(tries = 300)
    void incrementalRowsFollowTheDefinition(@ForAll("cases") Case c) {
        Store store = new Store();
        boolean[] counted = new boolean[c.videos().size()];
        for (Step s : c.steps()) {
            Video v = c.videos().get(s.video());
            store.apply(s.video(), v, v.state(s.counted(), c.zone()), c.zone());
            counted[s.video()] = s.counted();
        }

        // on every day: C and G are the sums over the counted videos' days
        Map<Long, long[]> totals = new TreeMap<>();
        Map<Long, long[]> gains = new TreeMap<>();
        long firstDay = day(START, c.zone()) - 2;
        long lastDay = firstDay + 40;
        for (int i = 0; i < counted.length; i++) {
            if (!counted[i]) {
                continue;
            }
            DaySeries series = DaySeries.of(c.videos().get(i).snaps(), c.zone(), true);
            for (long d = firstDay; d <= lastDay; d++) {
                long[] carried = series.carried(java.time.LocalDate.ofEpochDay(d));
                long[] gain = series.gain(java.time.LocalDate.ofEpochDay(d));
                long[] t = totals.computeIfAbsent(d, k -> new long[6]);
                long[] g = gains.computeIfAbsent(d, k -> new long[6]);
                for (int k = 0; k < 5; k++) {
                    t[k] += carried == null ? 0 : carried[k];
                    g[k] += gain == null ? 0 : gain[k];
                }
                g[5] += gain == null ? 0 : 1;
            }
        }
        for (long d = firstDay; d <= lastDay; d++) {
            Map.Entry<Long, Rollup.CreatorDay> row = store.rows.floorEntry(d);
            long[] t = totals.getOrDefault(d, new long[6]);
            long[] g = gains.getOrDefault(d, new long[6]);
            assertArrayEquals(java.util.Arrays.copyOf(t, 5), row == null ? new long[5] : row.getValue().totals, "C on day " + d);
            boolean onDay = row != null && row.getKey() == d;
            assertArrayEquals(java.util.Arrays.copyOf(g, 5), onDay ? row.getValue().gains : new long[5], "G on day " + d);
            assertEquals(g[5], onDay ? row.getValue().gainCount : 0, "gain count on day " + d);
        }

        // canonical: no redundant row, and the same rows as one application of the final state
        Rollup.CreatorDay previous = null;
        for (Rollup.CreatorDay row : store.rows.values()) {
            assertFalse(Rollup.redundant(row, previous), "redundant row on day " + row.day);
            previous = row;
        }
        Store once = new Store();
        for (int i = 0; i < counted.length; i++) {
            once.apply(i, c.videos().get(i), c.videos().get(i).state(counted[i], c.zone()), c.zone());
        }
        assertEquals(text(once.rows), text(store.rows));

        // velocity: per owner and day number, the sum and count of views_gained of the counted videos
        TreeMap<Integer, long[]> expected = new TreeMap<>();
        for (int i = 0; i < counted.length; i++) {
            Video v = c.videos().get(i);
            if (counted[i] && v.postedHour() != null) {
                for (Velocity.Point p : Velocity.of(DaySeries.of(v.snaps(), c.zone(), true), START.plusSeconds(3600L * v.postedHour()), c.zone())) {
                    if (p.viewsGained() != null) {
                        long[] acc = expected.computeIfAbsent(p.dayNumber(), k -> new long[2]);
                        acc[0] += p.viewsGained();
                        acc[1]++;
                    }
                }
            }
        }
        assertEquals(text2(expected), text2(store.velocity.getOrDefault(ORG, new TreeMap<>())), "org velocity");
        assertEquals(text2(expected), text2(store.velocity.getOrDefault(CREATOR, new TreeMap<>())), "creator velocity");
    }

    private static List<String> text(TreeMap<Long, Rollup.CreatorDay> rows) {
        return rows.values().stream().map(r -> r.day + " " + java.util.Arrays.toString(r.totals) + " " + java.util.Arrays.toString(r.gains)
                + " " + r.gainCount).toList();
    }

    private static List<String> text2(TreeMap<Integer, long[]> sums) {
        return sums.entrySet().stream().map(e -> e.getKey() + "=" + java.util.Arrays.toString(e.getValue())).toList();
    }
}
