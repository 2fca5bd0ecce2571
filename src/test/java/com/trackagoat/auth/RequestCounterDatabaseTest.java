package com.trackagoat.auth;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request counter against PostgreSQL: the application's own, and two more standing for two other instances. */
@QuarkusTest
class RequestCounterDatabaseTest extends ApiTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    RequestCounter counter;
    @Inject
    AuthRepository repository;
    @Inject
    Pool pool;
    @Inject
    Clock clock;

    /** The row as it is now, without flushing first (unlike {@link Fixtures#count}). */
    long row(UUID org, LocalDate day) {
        return pool.preparedQuery("SELECT coalesce((SELECT api_requests FROM org_daily_usage WHERE org_id = $1 AND day = $2), 0)")
                .execute(Tuple.of(org, day)).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    LocalDate today() {
        return RequestCounter.utcDay(clock.instant());
    }

    @Test
    void answeredRequestsAreInTheDatabaseAfterAFlush() {
        var org = fx.org("starter");
        for (int i = 0; i < 7; i++) {
            as(org).get("/api/v1/projects").then().statusCode(200);
        }
        as(org).get("/api/v1/nowhere").then().statusCode(404);   // counted whatever the outcome
        LocalDate day = today();
        assertEquals(8, counter.withUnflushed(org.id(), day, () -> Uni.createFrom().item(() -> row(org.id(), day)), Long::sum)
                .await().atMost(TIMEOUT), "each request once, in the database or in memory");
        assertTrue(counter.drain(TIMEOUT));
        assertEquals(0, counter.unflushed(org.id(), day));
        assertEquals(8, row(org.id(), day));
        as(org).get("/api/v1/organization").then().statusCode(200).body("data.usage.api_requests_today", equalTo(9));
        assertTrue(counter.drain(TIMEOUT));
        assertEquals(9, row(org.id(), day));
    }

    @Test
    void theScheduledFlushWritesWithinAboutASecond() throws InterruptedException {
        var org = fx.org("starter");
        for (int i = 0; i < 3; i++) {
            as(org).get("/api/v1/projects").then().statusCode(200);
        }
        LocalDate day = today();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (row(org.id(), day) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(3, row(org.id(), day), "written by the scheduled flush, nobody forced it");
    }

    @Test
    void twoInstancesFlushingIntoOneDatabaseConvergeOnTheSum() {
        var org = fx.org("starter");
        LocalDate day = today();
        Instant now = clock.instant();
        RequestCounter a = new RequestCounter(repository, clock, TIMEOUT);
        RequestCounter b = new RequestCounter(repository, clock, TIMEOUT);
        for (int i = 0; i < 3; i++) {
            assertTrue(a.tryCount(org.id(), now, 10L).await().atMost(TIMEOUT));
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(b.tryCount(org.id(), now, 10L).await().atMost(TIMEOUT));
        }
        a.flush().await().atMost(TIMEOUT);
        b.flush().await().atMost(TIMEOUT);
        assertEquals(7, row(org.id(), day));
        assertEquals(3, a.known(org.id(), day), "a flushed before b");
        assertEquals(7, b.known(org.id(), day));
        a.flush().await().atMost(TIMEOUT);   // nothing pending: re-reads the total
        assertEquals(7, a.known(org.id(), day));

        // a quota of 8: one more request in all, whichever instance takes it
        assertTrue(a.tryCount(org.id(), now, 8L).await().atMost(TIMEOUT));
        assertFalse(a.tryCount(org.id(), now, 8L).await().atMost(TIMEOUT));
        a.flush().await().atMost(TIMEOUT);
        b.flush().await().atMost(TIMEOUT);
        assertFalse(b.tryCount(org.id(), now, 8L).await().atMost(TIMEOUT), "b sees a's request after its next flush");
        assertEquals(8, row(org.id(), day));
    }

    @Test
    void concurrentCountingAndFlushingOnTwoInstancesLosesAndDoublesNothing() throws Exception {
        var org = fx.org("starter");
        var other = fx.org("starter");
        LocalDate day = today();
        RequestCounter a = new RequestCounter(repository, clock, TIMEOUT);
        RequestCounter b = new RequestCounter(repository, clock, TIMEOUT);
        int threads = 4;
        int perThread = 300;
        AtomicInteger counted = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService executor = Executors.newFixedThreadPool(threads + 2);
        try {
            List<Future<?>> counting = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                RequestCounter c = t % 2 == 0 ? a : b;
                UUID o = t < 2 ? org.id() : other.id();
                counting.add(executor.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        if (c.tryCount(o, clock.instant(), null).await().atMost(TIMEOUT)) {
                            counted.incrementAndGet();
                        }
                    }
                }));
            }
            List<Future<?>> flushing = new ArrayList<>();
            for (RequestCounter c : List.of(a, b)) {
                flushing.add(executor.submit(() -> {
                    while (!done.get()) {
                        c.flush().await().atMost(TIMEOUT);
                    }
                }));
            }
            for (Future<?> f : counting) {
                f.get();
            }
            done.set(true);
            for (Future<?> f : flushing) {
                f.get();
            }
        } finally {
            executor.shutdownNow();
        }
        assertTrue(a.drain(TIMEOUT));
        assertTrue(b.drain(TIMEOUT));
        assertEquals(threads * perThread, counted.get());
        assertEquals(2 * perThread, row(org.id(), day));
        assertEquals(2 * perThread, row(other.id(), day));
        a.flush().await().atMost(TIMEOUT);
        b.flush().await().atMost(TIMEOUT);
        for (RequestCounter c : List.of(a, b)) {
            assertEquals(2 * perThread, c.known(org.id(), day));
            assertEquals(2 * perThread, c.known(other.id(), day));
        }
    }
}
