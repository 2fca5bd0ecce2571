package com.trackagoat.auth;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counter's logic against an in-memory store and a clock the test moves. */
class RequestCounterTest {

    static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-03-10");

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        Instant now = NOON;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** org_daily_usage as a map, with the statement's semantics; can fail or hold its answer. */
    static final class FakeStore implements RequestCounter.Store {
        final Map<String, Long> rows = new HashMap<>();
        final List<List<RequestCounter.Delta>> flushes = new ArrayList<>();
        int loads;
        boolean fail;
        CompletableFuture<Void> hold;

        static String key(UUID org, LocalDate day) {
            return org + "/" + day;
        }

        long row(UUID org, LocalDate day) {
            return rows.getOrDefault(key(org, day), 0L);
        }

        @Override
        public Uni<Long> apiRequests(UUID orgId, LocalDate day) {
            loads++;
            return Uni.createFrom().item(row(orgId, day));
        }

        @Override
        public Uni<List<RequestCounter.Total>> addApiRequests(List<RequestCounter.Delta> deltas) {
            flushes.add(List.copyOf(deltas));
            if (fail) {
                return Uni.createFrom().failure(new IllegalStateException("database down"));
            }
            Uni<Void> gate = hold == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(hold);
            return gate.map(v -> {
                List<RequestCounter.Total> totals = new ArrayList<>();
                for (RequestCounter.Delta d : deltas) {
                    rows.merge(key(d.orgId(), d.day()), d.count(), Long::sum);
                    totals.add(new RequestCounter.Total(d.orgId(), d.day(), row(d.orgId(), d.day())));
                }
                return totals;
            });
        }
    }

    final TestClock clock = new TestClock();
    final FakeStore store = new FakeStore();
    final RequestCounter counter = new RequestCounter(store, clock, Duration.ofSeconds(1));
    final UUID org = UUID.randomUUID();

    boolean count(Long max) {
        return counter.tryCount(org, clock.instant(), max).await().indefinitely();
    }

    void flush() {
        counter.flush().await().indefinitely();
    }

    @Test
    void theFirstRequestReadsTheTotalThenTheQuotaIsDecidedInMemory() {
        store.rows.put(FakeStore.key(org, DAY), 2L);
        assertTrue(count(4L));
        assertTrue(count(4L));
        assertFalse(count(4L), "2 in the database + 2 counted here = the quota of 4");
        assertFalse(count(4L));
        assertEquals(1, store.loads);
        assertEquals(2, counter.unflushed(org, DAY), "refused requests are not counted");
        assertTrue(store.flushes.isEmpty(), "nothing written on the request path");

        flush();
        assertEquals(4, store.row(org, DAY));
        assertEquals(0, counter.unflushed(org, DAY));
        assertEquals(4, counter.known(org, DAY));
        assertFalse(count(4L), "known total 4 after the flush");
        assertEquals(1, store.loads);
    }

    @Test
    void aQuotaOfZeroRefusesEverythingAndUnlimitedCountsWithoutReading() {
        assertFalse(count(0L));
        assertEquals(0, counter.unflushed(org, DAY));
        for (int i = 0; i < 5; i++) {
            assertTrue(count(null));
        }
        assertEquals(0, store.loads, "an unlimited quota needs no total");
        assertEquals(5, counter.unflushed(org, DAY));
        flush();
        assertEquals(5, store.row(org, DAY));
        assertEquals(5, counter.known(org, DAY));
    }

    @Test
    void aFailedFlushKeepsItsCountsForTheNextOne() {
        assertTrue(count(3L));
        assertTrue(count(3L));
        store.fail = true;
        assertThrows(IllegalStateException.class, this::flush);
        assertEquals(2, counter.unflushed(org, DAY), "kept");
        assertTrue(count(3L), "the kept counts still count against the quota");
        assertFalse(count(3L));
        assertThrows(IllegalStateException.class, this::flush);

        store.fail = false;
        flush();
        assertEquals(3, store.row(org, DAY), "nothing lost, nothing doubled");
        assertEquals(0, counter.unflushed(org, DAY));
        assertEquals(List.of(new RequestCounter.Delta(org, DAY, 2)), store.flushes.get(0));
        assertEquals(List.of(new RequestCounter.Delta(org, DAY, 3)), store.flushes.get(2));
    }

    @Test
    void requestsCountedWhileAFlushIsRunningAreNeitherLostNorDoubled() {
        store.hold = new CompletableFuture<>();
        assertTrue(count(3L));
        assertTrue(count(3L));
        var running = counter.flush().subscribeAsCompletionStage();
        assertEquals(2, counter.unflushed(org, DAY), "in flight");
        assertTrue(count(3L));
        assertFalse(count(3L), "counts in flight still count against the quota");
        store.hold.complete(null);
        running.join();
        assertEquals(2, store.row(org, DAY));
        assertEquals(1, counter.unflushed(org, DAY), "the request counted during the flush waits for the next one");
        store.hold = null;
        flush();
        assertEquals(3, store.row(org, DAY));
        assertEquals(0, counter.unflushed(org, DAY));
    }

    @Test
    void otherInstancesCountsAreSeenAtTheNextFlush() {
        assertTrue(count(10L));
        flush();
        assertEquals(1, counter.known(org, DAY));
        store.rows.merge(FakeStore.key(org, DAY), 9L, Long::sum);   // another instance wrote 9
        assertTrue(count(10L), "not seen yet: the quota may be overshot within one interval");
        flush();
        assertEquals(11, counter.known(org, DAY));
        assertFalse(count(10L));
        flush();   // nothing pending: the total is still re-read for a recently used organization
        assertEquals(List.of(new RequestCounter.Delta(org, DAY, 0)), store.flushes.get(2));
        store.rows.put(FakeStore.key(org, DAY), 20L);
        flush();
        assertEquals(20, counter.known(org, DAY));
    }

    @Test
    void theDayRollsOverAtMidnightUtc() {
        LocalDate next = DAY.plusDays(1);
        clock.now = Instant.parse("2026-03-10T23:59:59.900Z");
        assertTrue(count(2L));
        assertTrue(count(2L));
        assertFalse(count(2L));
        clock.now = Instant.parse("2026-03-11T00:00:00Z");
        assertTrue(count(2L), "a new day, a new quota");
        assertEquals(2, counter.unflushed(org, DAY));
        assertEquals(1, counter.unflushed(org, next));

        flush();   // after midnight: the last requests of the day still go to that day's row
        assertEquals(2, store.row(org, DAY));
        assertEquals(1, store.row(org, next));
        flush();   // the past day had nothing left: dropped, only today is re-read
        assertEquals(List.of(new RequestCounter.Delta(org, next, 0)), store.flushes.get(1));
        assertEquals(-1, counter.known(org, DAY));
        assertEquals(2, store.loads);
    }

    @Test
    void anIdleOrganizationIsDroppedAndReadAgainOnItsNextRequest() {
        assertTrue(count(5L));
        flush();
        clock.now = NOON.plus(RequestCounter.IDLE).plusSeconds(1);
        flush();
        assertEquals(-1, counter.known(org, DAY), "dropped");
        assertEquals(1, store.flushes.size(), "and not re-read");
        store.rows.put(FakeStore.key(org, DAY), 5L);
        assertFalse(count(5L), "read again: 5 of 5");
        assertEquals(2, store.loads);
    }

    @Test
    void flushWritesAllOrganizationsInOneStatementInAFixedOrder() {
        UUID a = new UUID(0, 2);
        UUID b = new UUID(0, 1);
        counter.tryCount(a, NOON, null).await().indefinitely();
        counter.tryCount(b, NOON, null).await().indefinitely();
        counter.tryCount(b, NOON, null).await().indefinitely();
        flush();
        assertEquals(List.of(List.of(new RequestCounter.Delta(b, DAY, 2), new RequestCounter.Delta(a, DAY, 1))), store.flushes);
        flush();
        assertEquals(List.of(new RequestCounter.Delta(b, DAY, 0), new RequestCounter.Delta(a, DAY, 0)), store.flushes.get(1));
    }

    @Test
    void readsWithUnflushedCountEveryRequestOnce() {
        store.rows.put(FakeStore.key(org, DAY), 41L);
        assertTrue(count(100L));
        Uni<Long> read = Uni.createFrom().item(() -> store.row(org, DAY));
        assertEquals(42, counter.withUnflushed(org, DAY, () -> read, Long::sum).await().indefinitely());
        flush();
        assertEquals(42, counter.withUnflushed(org, DAY, () -> read, Long::sum).await().indefinitely());
    }

    @Test
    void aReadOverlappingAFlushIsRepeated() {
        assertTrue(count(100L));
        store.hold = new CompletableFuture<>();
        int[] reads = {0};
        Uni<Long> read = Uni.createFrom().item(() -> {
            if (++reads[0] == 1) {
                // the flush starts while the first read runs, and commits before it answers
                var running = counter.flush().subscribeAsCompletionStage();
                store.hold.complete(null);
                running.join();
            }
            return 0L;   // as read before the flush committed
        });
        assertEquals(1, counter.withUnflushed(org, DAY, () -> read.map(v -> reads[0] == 1 ? v : store.row(org, DAY)), Long::sum)
                .await().indefinitely());
        assertEquals(2, reads[0]);
    }

    @Test
    void drainWritesEverythingAndReportsWhatItCouldNot() {
        assertTrue(count(null));
        assertTrue(counter.drain(Duration.ofSeconds(1)));
        assertEquals(1, store.row(org, DAY));
        assertTrue(count(null));
        store.fail = true;
        assertFalse(counter.drain(Duration.ofMillis(200)));
        assertEquals(1, counter.unflushed());
    }
}
