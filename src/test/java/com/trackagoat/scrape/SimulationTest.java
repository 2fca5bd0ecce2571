package com.trackagoat.scrape;

import com.trackagoat.scrape.Simulation.VideoCounters;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationTest {

    static final Instant SLOT = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void sameEntityAndSlotGiveTheSameNumbers() {
        UUID v = UUID.fromString("c9bf9e57-1685-4c89-bafb-ff5af830be8a");
        Instant posted = Instant.parse("2026-03-08T15:00:00Z");
        assertEquals(Simulation.firstVideo(v, SLOT, posted), Simulation.firstVideo(v, SLOT, posted));
        assertNotEquals(Simulation.firstVideo(v, SLOT, posted), Simulation.firstVideo(v, SLOT.plusSeconds(3600), posted));
        UUID c = UUID.fromString("8f14e45f-ceea-4e7a-9a2b-1c3d5e7f9a21");
        assertEquals(Simulation.discover(c, SLOT, SLOT.minus(Duration.ofDays(5)), Instant.EPOCH),
                Simulation.discover(c, SLOT, SLOT.minus(Duration.ofDays(5)), Instant.EPOCH));
        assertEquals(Simulation.firstCreator(c, SLOT, 3), Simulation.firstCreator(c, SLOT, 3));
    }

    @Property(tries = 200)
    void videoCountersNeverDecreaseAndKeepPlausibleRatios(@ForAll @IntRange(min = 1, max = 60) int days, @ForAll long seed) {
        UUID v = new UUID(seed, ~seed);
        Instant posted = SLOT.minus(Duration.ofHours(Math.floorMod(seed, 48)));
        Instant at = SLOT;
        VideoCounters c = Simulation.firstVideo(v, at, posted);
        for (int i = 0; i < days; i++) {
            Instant next = at.plus(Duration.ofDays(1));
            VideoCounters n = Simulation.nextVideo(v, next, posted, at, c);
            assertTrue(n.views() >= c.views() && n.likes() >= c.likes() && n.comments() >= c.comments()
                    && n.shares() >= c.shares() && n.saves() >= c.saves(), n + " after " + c);
            c = n;
            at = next;
        }
        if (c.views() > 10_000) {
            double likeRatio = (double) c.likes() / c.views();
            assertTrue(likeRatio > 0.01 && likeRatio < 0.3, "likes/views " + likeRatio);
            assertTrue((double) c.comments() / c.views() < 0.03);
        }
    }

    @Test
    void growthIsFastEarlyThenDecays() {
        UUID v = UUID.fromString("00000000-0000-4000-8000-000000000001");
        Simulation.VideoTraits t = Simulation.VideoTraits.of(v);
        double firstDay = t.expected(1) - t.expected(0);
        double tenthDay = t.expected(10) - t.expected(9);
        assertTrue(firstDay > 3 * tenthDay);
    }

    @Test
    void discoveredPostsLieInDaytimeInsideTheWindow() {
        UUID c = UUID.fromString("8f14e45f-ceea-4e7a-9a2b-1c3d5e7f9a21");
        Instant from = SLOT.minus(Duration.ofDays(20));
        Instant notBefore = SLOT.minus(Duration.ofDays(10));
        List<Simulation.Post> posts = Simulation.discover(c, SLOT, from, notBefore);
        assertTrue(!posts.isEmpty());
        for (Simulation.Post p : posts) {
            assertTrue(p.postedAt().isAfter(notBefore) && !p.postedAt().isAfter(SLOT), p.toString());
            int hour = p.postedAt().atOffset(ZoneOffset.UTC).getHour();
            assertTrue(hour >= 10 && (hour < 22 || p.postedAt().atOffset(ZoneOffset.UTC).getMinute() == 0), p.toString());
            assertEquals(p.postedAt().getEpochSecond(), Long.parseUnsignedLong(p.tiktokVideoId()) >>> 32);
            assertEquals(UUID.nameUUIDFromBytes((c + ":" + p.tiktokVideoId()).getBytes()), p.id());
        }
        assertEquals(List.of(), Simulation.discover(c, SLOT, SLOT, Instant.EPOCH));
    }

    @Test
    void slotsAreMultiplesOfTheInterval() {
        assertEquals(Instant.parse("2026-03-10T12:00:00Z"), Simulation.slot(Instant.parse("2026-03-10T12:59:59.900Z"), Duration.ofHours(1)));
        assertEquals(Instant.parse("2026-03-10T12:15:00Z"), Simulation.slot(Instant.parse("2026-03-10T12:29:00Z"), Duration.ofMinutes(15)));
    }
}
