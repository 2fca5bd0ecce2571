package com.trackagoat.resilience;

import com.trackagoat.scrape.ScrapeService;
import com.trackagoat.support.ApiTest;
import com.trackagoat.support.PostgresControl;
import com.trackagoat.support.RestartablePostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on a PostgreSQL of its own that the test stops, starts again on the same port, and
 * freezes (SIGSTOP), while concurrent clients keep calling a list and a stats endpoint: every
 * answer during the outage is 503 {@code service_unavailable} with Retry-After 5 within a bound,
 * never a 500 or a hang; the service recovers without a restart; a scheduled scrape slot that
 * failed during the outage is skipped and logged, and fills exactly once when run again.
 * The pool timeouts are shortened by the profile so that the bounds are quick to observe.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ShortTimeouts.class)
@WithTestResource(value = RestartablePostgresResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class DatabaseOutageTest extends ApiTest {

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trackagoat.db.statement-timeout", STATEMENT_TIMEOUT.toMillis() + "ms",
                    "trackagoat.http.request-timeout", REQUEST_TIMEOUT.toMillis() + "ms",
                    "trackagoat.db.connect-timeout", "1s",
                    "trackagoat.scrape.cycle-timeout", "2s",
                    "trackagoat.rate-limit.per-key-per-minute", "1000000",
                    "trackagoat.tiers.ultra.max-api-requests-per-day", "-1");
        }
    }

    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    /** A stopped server refuses connections: every answer comes at once. */
    static final Duration STOPPED_BOUND = Duration.ofSeconds(3);
    /** A hung server: the request timeout plus scheduling slack of a busy 2-core machine. */
    static final Duration HUNG_BOUND = REQUEST_TIMEOUT.plusSeconds(2);
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(5);
    static final String UNAVAILABLE = "{\"data\":null,\"error\":\"Service temporarily unavailable\",\"meta\":{\"code\":\"service_unavailable\"}}";
    static final Instant SLOT = Instant.parse("2026-03-10T12:00:00Z");
    static final int CLIENTS = 6;

    @Inject
    ScrapeService scraper;
    @Inject
    Pool pool;

    PostgresControl pg;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void running() {
        pg = PostgresControl.fromConfig();
        pg.resume();
        if (!pg.isRunning()) {
            pg.start();
        }
    }

    @AfterEach
    void restore() {
        running();
    }

    record Call(long startNanos, long millis, int status, String body, String retryAfter) {
    }

    Call call(String path, String key) {
        long start = System.nanoTime();
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key).GET().build();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Call(start, (System.nanoTime() - start) / 1_000_000, res.statusCode(), res.body(),
                    res.headers().firstValue("Retry-After").orElse(null));
        } catch (Exception e) {
            return new Call(start, (System.nanoTime() - start) / 1_000_000, -1, e.toString(), null);
        }
    }

    /** Clients calling {@code paths} in turn until {@link #close()}; every answer is recorded. */
    class Load implements AutoCloseable {
        final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        final AtomicBoolean stop = new AtomicBoolean();
        final ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);

        Load(String key, String... paths) {
            for (int i = 0; i < CLIENTS; i++) {
                int offset = i;
                threads.submit(() -> {
                    for (int n = offset; !stop.get(); n++) {
                        calls.add(call(paths[n % paths.length], key));
                        sleep(20);
                    }
                });
            }
        }

        List<Call> startedAfter(long nanos) {
            return calls.stream().filter(c -> c.startNanos() >= nanos).toList();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            threads.shutdown();
            assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void assertUnavailable(Call c) {
        assertEquals(503, c.status(), c.toString());
        assertEquals(UNAVAILABLE, c.body());
        assertEquals("5", c.retryAfter(), c.toString());
    }

    /** Every call answered 200 or 503 in the envelope; never 500, never a client-side failure. */
    static void assertOnly200Or503(List<Call> calls) {
        for (Call c : calls) {
            assertTrue(c.status() == 200 || c.status() == 503, c.toString());
            if (c.status() == 503) {
                assertUnavailable(c);
            }
        }
    }

    /** The calls relative to {@code origin}, for failure messages. */
    static String describe(List<Call> calls, long origin) {
        StringBuilder b = new StringBuilder();
        calls.stream().sorted(java.util.Comparator.comparingLong(Call::startNanos)).forEach(c -> b.append(String.format("%n  +%d ms: %d in %d ms %s",
                (c.startNanos() - origin) / 1_000_000, c.status(), c.millis(), c.status() == 200 ? "" : c.body())));
        return b.toString();
    }

    static long maxMillis(List<Call> calls) {
        return calls.stream().mapToLong(Call::millis).max().orElse(0);
    }

    /** Polls {@code path} until it answers 200; returns how long that took from now. */
    Duration untilOk(String path, String key, Duration atMost) {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (call(path, key).status() == 200) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            sleep(50);
        }
        return null;
    }

    /** A log handler on one category (default: the scrape service's), collecting messages and the ERROR ones apart. */
    static class Captured extends Handler implements AutoCloseable {
        final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        final java.util.logging.Logger logger;

        Captured() {
            this(ScrapeService.class);
        }

        Captured(Class<?> category) {
            logger = java.util.logging.Logger.getLogger(category.getName());
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord r) {
            String m = r.getMessage();
            if (r.getParameters() != null && r.getParameters().length > 0) {
                m = String.format(m, r.getParameters());   // JBoss Logger's *f methods use printf style
            }
            messages.add(m);
            if (r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                errors.add(m);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    long snapshotsAt(UUID org, Instant at) {
        return fx.count("SELECT (SELECT count(*) FROM creator_snapshot WHERE org_id = $1 AND captured_at = $2)"
                + " + (SELECT count(*) FROM video_snapshot WHERE org_id = $1 AND captured_at = $2)", org, at.atOffset(java.time.ZoneOffset.UTC));
    }

    long allRows(UUID org) {
        return fx.count("SELECT (SELECT count(*) FROM creator_snapshot WHERE org_id = $1) + (SELECT count(*) FROM video_snapshot WHERE org_id = $1)"
                + " + (SELECT count(*) FROM video WHERE org_id = $1)", org);
    }

    @Test
    void poolSessionsCarryTheConfiguredStatementTimeout() {
        String value = pool.query("SHOW statement_timeout").execute().await().atMost(Duration.ofSeconds(30)).iterator().next().getString(0);
        assertEquals("2s", value);
    }

    @Test
    void aStoppedDatabaseAnswers503QuicklyAndTheServiceRecoversWithoutARestart() throws Exception {
        var org = fx.org("ultra");
        var project = fx.project(org.id(), "P");
        var creator = fx.creator(org.id(), project, "outage" + UUID.randomUUID().toString().substring(0, 8), "active");
        String[] paths = {"/api/v1/projects", "/api/v1/creators/" + creator + "/stats"};
        for (String path : paths) {
            assertEquals(200, call(path, org.key()).status(), path);
        }

        long stopped;
        try (Load load = new Load(org.key(), paths); Captured log = new Captured()) {
            sleep(1000);
            pg.stop();
            stopped = System.nanoTime();
            sleep(2500);

            // the scheduled scrape of a slot during the outage: skipped and logged, nothing thrown
            assertNull(scraper.runScheduled(SLOT).await().atMost(Duration.ofSeconds(30)));
            assertTrue(log.messages.stream().anyMatch(m -> m.startsWith("Scrape slot " + SLOT + " skipped")), log.messages.toString());

            long restarting = System.nanoTime();
            pg.start();
            long started = System.nanoTime();
            Duration recovered = untilOk(paths[0], org.key(), Duration.ofSeconds(30));
            sleep(1000);
            load.close();

            List<Call> all = new ArrayList<>(load.calls);
            assertOnly200Or503(all);
            // started after the server was down, answered before the start command was issued
            List<Call> during = all.stream().filter(c -> c.startNanos() >= stopped && c.startNanos() + c.millis() * 1_000_000 < restarting).toList();
            assertTrue(during.size() >= 2 * CLIENTS, "calls during the outage: " + during.size() + describe(all, stopped));
            assertTrue(during.stream().allMatch(c -> c.status() == 503), "outage: stop returned at +0" + describe(all, stopped));
            during.forEach(DatabaseOutageTest::assertUnavailable);
            assertTrue(maxMillis(during) <= STOPPED_BOUND.toMillis(), "slowest answer during the outage: " + maxMillis(during) + " ms");
            assertTrue(maxMillis(all) <= STOPPED_BOUND.toMillis(), "slowest answer overall: " + maxMillis(all) + " ms");

            assertTrue(recovered != null && recovered.compareTo(RECOVERY_BOUND) <= 0, "recovered after " + recovered);
            List<Call> after = load.startedAfter(started + recovered.toNanos());
            assertFalse(after.isEmpty());
            after.forEach(c -> assertEquals(200, c.status(), c.toString()));
            System.out.printf("[resilience] stopped database: %d calls during the outage, all 503, slowest %d ms; 200 again %d ms after the restart%n",
                    during.size(), maxMillis(during), recovered.toMillis());
        }

        // the skipped slot, run again: filled once; a second run writes nothing more
        assertEquals(0, snapshotsAt(org.id(), SLOT));
        assertNull(scraper.runScheduled(SLOT).await().atMost(Duration.ofSeconds(60)));
        long filled = snapshotsAt(org.id(), SLOT);
        long rows = allRows(org.id());
        assertTrue(filled >= 1, "snapshots written for the slot: " + filled);
        assertEquals(1, fx.count("SELECT count(*) FROM creator_snapshot WHERE creator_id = $1 AND captured_at = $2", creator, SLOT.atOffset(java.time.ZoneOffset.UTC)));
        assertNull(scraper.runScheduled(SLOT).await().atMost(Duration.ofSeconds(60)));
        assertEquals(filled, snapshotsAt(org.id(), SLOT));
        assertEquals(rows, allRows(org.id()));
    }

    @Test
    void aHungDatabaseAnswers503WithinTheRequestTimeout() throws Exception {
        var org = fx.org("ultra");
        var project = fx.project(org.id(), "P");
        var creator = fx.creator(org.id(), project, "hung" + UUID.randomUUID().toString().substring(0, 8), "active");
        String[] paths = {"/api/v1/projects", "/api/v1/creators/" + creator + "/stats"};
        for (String path : paths) {
            assertEquals(200, call(path, org.key()).status(), path);
        }
        try (Captured mapperLogs = new Captured(com.trackagoat.api.ErrorMappers.class); Load load = new Load(org.key(), paths)) {
            sleep(1000);
            pg.pause();
            long paused = System.nanoTime();
            var cycle = scraper.runScheduled(SLOT.plus(Duration.ofDays(30)), org.id()).subscribeAsCompletionStage();
            sleep(REQUEST_TIMEOUT.toMillis() * 2 + 1000);
            // the scheduled cycle gave up after its timeout (2 s here) and was skipped, while the server was still frozen
            assertTrue(cycle.toCompletableFuture().isDone(), "scrape cycle still waiting on the hung database");
            assertNull(cycle.toCompletableFuture().join());
            pg.resume();
            long resumed = System.nanoTime();
            Duration recovered = untilOk(paths[0], org.key(), Duration.ofSeconds(30));
            sleep(500);
            load.close();

            List<Call> all = new ArrayList<>(load.calls);
            assertOnly200Or503(all);
            // started while the server was frozen and answered before it was resumed: 503 within the bound
            List<Call> during = all.stream().filter(c -> c.startNanos() >= paused && c.startNanos() + c.millis() * 1_000_000 < resumed).toList();
            assertTrue(during.size() >= CLIENTS, "calls during the freeze: " + during.size() + describe(all, paused));
            during.forEach(DatabaseOutageTest::assertUnavailable);
            assertTrue(maxMillis(all) <= HUNG_BOUND.toMillis(), "slowest answer: " + maxMillis(all) + " ms" + describe(all, paused));
            assertTrue(recovered != null && recovered.compareTo(RECOVERY_BOUND) <= 0, "recovered after " + recovered);
            // the requests answered by the timeout complete late, once the server answers: that is no error
            assertTrue(mapperLogs.errors.isEmpty(), "ERROR logs: " + mapperLogs.errors);
            System.out.printf("[resilience] hung database: %d calls answered during the freeze, all 503, slowest %d ms; 200 again %d ms after SIGCONT%n",
                    during.size(), maxMillis(all), recovered.toMillis());
        }
    }

    @Test
    void aStatementSlowerThanTheStatementTimeoutEndsWith503() throws Exception {
        var org = fx.org("ultra");
        fx.project(org.id(), "P");
        assertEquals(200, call("/api/v1/projects", org.key()).status());
        // another session holds a lock that the list query waits for: the database is "slow"
        try (Connection blocker = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres")) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE project IN ACCESS EXCLUSIVE MODE");
            Call slow = call("/api/v1/projects", org.key());
            blocker.rollback();
            assertUnavailable(slow);
            assertTrue(slow.millis() >= STATEMENT_TIMEOUT.toMillis() - 100, slow.toString());
            assertTrue(slow.millis() <= STATEMENT_TIMEOUT.toMillis() + 3000, slow.toString());
            System.out.printf("[resilience] statement timeout %d ms: 503 after %d ms%n", STATEMENT_TIMEOUT.toMillis(), slow.millis());
        }
        assertEquals(200, call("/api/v1/projects", org.key()).status());
    }
}
