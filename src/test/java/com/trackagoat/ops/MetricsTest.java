package com.trackagoat.ops;

import com.trackagoat.scrape.ScrapeService;
import com.trackagoat.support.UnreachableDatabase;
import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/metrics: templated HTTP server series and the scrape job's meters. */
@QuarkusTest
class MetricsTest extends ApiTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String SNAPSHOTS = "trackagoat_scrape_snapshots_written_total";
    static final String DISCOVERED = "trackagoat_scrape_videos_discovered_total";
    static final String CYCLES = "trackagoat_scrape_cycle_duration_seconds_count";
    static final String FAILED = "trackagoat_scrape_cycles_failed_total";

    @Inject
    ScrapeService scraper;
    @Inject
    ScrapeMetrics metrics;
    @Inject
    Vertx vertx;

    static String kind(String kind) {
        return "kind=\"" + kind + "\"";
    }

    static String source(String source) {
        return "source=\"" + source + "\"";
    }

    UUID orgWithCreator(String trackingStart) {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "m" + UUID.randomUUID().toString().substring(0, 8), "active", "auto");
        fx.sql("UPDATE creator SET tracking_start_date = $2 WHERE id = $1", c, LocalDate.parse(trackingStart));
        return org.id();
    }

    long rows(String table, UUID org, String source) {
        return fx.count("SELECT count(*) FROM " + table + " WHERE org_id = $1 AND source = $2", org, source);
    }

    @Test
    void httpSeriesAreTemplatedEvenWhenTheKeyIsRefused() {
        var org = fx.org("starter");
        String id = UUID.randomUUID().toString();
        as(org).get("/api/v1/videos/" + id).then().statusCode(404);
        RestAssured.get("/api/v1/videos/" + id).then().statusCode(401);                        // refused before routing
        RestAssured.get("/api/v1/creators/" + id + "/stats").then().statusCode(401);
        RestAssured.get("/api/v1/nowhere/" + id).then().statusCode(401);                       // no route at all
        Prometheus m = Prometheus.scrape();
        assertTrue(m.value("http_server_requests_seconds_count", "uri=\"/api/v1/videos/{id}\"", "status=\"404\"") >= 1);
        assertTrue(m.value("http_server_requests_seconds_count", "uri=\"/api/v1/videos/{id}\"", "status=\"401\"") >= 1);
        assertTrue(m.value("http_server_requests_seconds_count", "uri=\"/api/v1/creators/{id}/stats\"", "status=\"401\"") >= 1);
        assertTrue(m.value("http_server_requests_seconds_count", "uri=\"/UNMATCHED\"", "status=\"401\"") >= 1);
        assertFalse(m.lines().stream().anyMatch(l -> l.contains(id)), "no series per id");
        assertTrue(m.series("http_server_requests_seconds_count").stream().noneMatch(l -> l.contains("uri=\"/q/")),
                "the operational endpoints are not measured");
    }

    @Test
    void everyScrapeSeriesIsExported() {
        Prometheus m = Prometheus.scrape();
        for (String source : new String[]{"scheduled", "manual"}) {
            assertEquals(1, m.series(SNAPSHOTS, kind("creator"), source(source)).size(), source);
            assertEquals(1, m.series(SNAPSHOTS, kind("video"), source(source)).size(), source);
            assertEquals(1, m.series(DISCOVERED, source(source)).size(), source);
        }
        assertEquals(2, m.series(CYCLES).size(), "success and failure");
        assertEquals(1, m.series(FAILED).size());
        assertEquals(1, m.series("trackagoat_scrape_last_success_timestamp_seconds").size());
    }

    @Test
    void aSlotCountsExactlyTheSnapshotsItCommitted() {
        UUID org = orgWithCreator("2026-02-08");
        Instant slot = Instant.parse("2026-03-10T12:00:00Z");
        Prometheus before = Prometheus.scrape();
        ScrapeService.Result r = scraper.runSlot(slot, org).await().atMost(WAIT);
        // a second slot a day later: the discovered videos get their next snapshot
        ScrapeService.Result next = scraper.runSlot(slot.plus(Duration.ofDays(1)), org).await().atMost(WAIT);
        Prometheus after = Prometheus.scrape();

        long creatorRows = rows("creator_snapshot", org, "scheduled");
        long videoRows = rows("video_snapshot", org, "scheduled");
        assertEquals(2, creatorRows);
        assertTrue(r.videosDiscovered() > 0 && next.videoSnapshots() > 0, r + " " + next);
        assertEquals(creatorRows, delta(before, after, SNAPSHOTS, kind("creator"), source("scheduled")));
        assertEquals(videoRows, delta(before, after, SNAPSHOTS, kind("video"), source("scheduled")), "baselines of new videos included");
        assertEquals(fx.count("SELECT count(*) FROM video WHERE org_id = $1", org), delta(before, after, DISCOVERED, source("scheduled")));
        assertEquals(r.videosDiscovered() + next.videosDiscovered(), (long) delta(before, after, DISCOVERED, source("scheduled")));
        assertEquals(0, delta(before, after, SNAPSHOTS, source("manual")));

        // the same slot again writes nothing and counts nothing
        scraper.runSlot(slot.plus(Duration.ofDays(1)), org).await().atMost(WAIT);
        Prometheus again = Prometheus.scrape();
        assertEquals(0, delta(after, again, SNAPSHOTS));
        assertEquals(0, delta(after, again, DISCOVERED));
    }

    @Test
    void aScheduledCycleIsTimedAndCountsWhatItWrote() {
        UUID org = orgWithCreator("2026-04-01");
        Instant slot = Instant.parse("2026-04-20T06:00:00Z");
        Prometheus before = Prometheus.scrape();
        assertNull(scraper.runScheduled(slot, org).await().atMost(WAIT));
        Prometheus after = Prometheus.scrape();
        assertEquals(1, delta(before, after, CYCLES, "outcome=\"success\""));
        assertEquals(0, delta(before, after, CYCLES, "outcome=\"failure\""));
        assertEquals(0, delta(before, after, FAILED));
        assertTrue(after.value("trackagoat_scrape_cycle_duration_seconds_sum", "outcome=\"success\"")
                > before.value("trackagoat_scrape_cycle_duration_seconds_sum", "outcome=\"success\""));
        assertTrue(after.value("trackagoat_scrape_last_success_timestamp_seconds") > Instant.now().minusSeconds(600).getEpochSecond());
        assertEquals(1, rows("creator_snapshot", org, "scheduled"));
        assertEquals(1, delta(before, after, SNAPSHOTS, kind("creator"), source("scheduled")));
        assertEquals(rows("video_snapshot", org, "scheduled"), delta(before, after, SNAPSHOTS, kind("video"), source("scheduled")));
    }

    @Test
    void aFailedCycleIsCounted() throws Exception {
        Pool unreachable = UnreachableDatabase.pool(vertx);
        try {
            ScrapeService offline = scraper.on(unreachable, metrics);
            Prometheus before = Prometheus.scrape();
            assertNull(offline.runScheduled(Instant.parse("2026-03-10T12:00:00Z")).await().atMost(WAIT), "logged and skipped");
            Prometheus after = Prometheus.scrape();
            assertEquals(1, delta(before, after, FAILED));
            assertEquals(1, delta(before, after, CYCLES, "outcome=\"failure\""));
            assertEquals(0, delta(before, after, CYCLES, "outcome=\"success\""));
            assertEquals(0, delta(before, after, SNAPSHOTS));
        } finally {
            unreachable.closeAndAwait();
        }
    }

    @Test
    void manualScrapesCountUnderSourceManual() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "man" + UUID.randomUUID().toString().substring(0, 8), "active");
        fx.sql("UPDATE creator SET tracking_start_date = (now() AT TIME ZONE 'UTC')::date - 5 WHERE id = $1", c);
        fx.video(org.id(), p, c, "auto_tracked");
        var direct = fx.video(org.id(), p, null, "direct_add");
        Prometheus before = Prometheus.scrape();
        as(org).post("/api/v1/creators/" + c + "/scrape").then().statusCode(200);
        as(org).post("/api/v1/videos/" + direct + "/scrape").then().statusCode(200);
        Prometheus after = Prometheus.scrape();
        assertEquals(1, rows("creator_snapshot", org.id(), "manual"));
        assertEquals(rows("creator_snapshot", org.id(), "manual"), delta(before, after, SNAPSHOTS, kind("creator"), source("manual")));
        long videoRows = rows("video_snapshot", org.id(), "manual");
        assertTrue(videoRows >= 2, "the known video, the direct one and the baselines of discovered ones");
        assertEquals(videoRows, delta(before, after, SNAPSHOTS, kind("video"), source("manual")));
        assertEquals(fx.count("SELECT count(*) FROM video WHERE org_id = $1", org.id()) - 2, delta(before, after, DISCOVERED, source("manual")));
        assertEquals(0, delta(before, after, SNAPSHOTS, source("scheduled")));
    }

    static long delta(Prometheus before, Prometheus after, String name, String... labels) {
        return Math.round(after.value(name, labels) - before.value(name, labels));
    }
}
