package com.trackagoat.scrape;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ManualScrapeTest extends ApiTest {

    @Test
    void videoScrapeWritesOneSnapshotAndUsesTheQuota() {
        var org = fx.org("starter");   // 10 manual scrapes a day
        var p = fx.project(org.id(), "P");
        var v = fx.video(org.id(), p, null, "direct_add");
        fx.sql("UPDATE video SET tracking_disabled = true WHERE id = $1", v);
        as(org).post("/api/v1/videos/" + v + "/scrape").then().statusCode(200)
                .body("data.entity_type", equalTo("video")).body("data.entity_id", equalTo(v.toString()))
                .body("data.captured_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"))
                .body("data.snapshots_written", equalTo(1)).body("data.videos_discovered", equalTo(0));
        assertEquals(1, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1 AND source = 'manual' AND baseline_reason = 'video_added'", v));
        assertEquals(1, fx.count("SELECT count(*) FROM video WHERE id = $1 AND tracking_disabled", v), "state unchanged");
        as(org).get("/api/v1/organization").then().body("data.usage.manual_scrapes_today", equalTo(1));
        as(org).post("/api/v1/videos/" + UUID.randomUUID() + "/scrape").then().statusCode(404);
        as(fx.newKey(org.id(), "read")).post("/api/v1/videos/" + v + "/scrape").then().statusCode(403);
    }

    @Test
    void creatorScrapeDiscoversAndSnapshotsItsVideos() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "scraped", "active");
        fx.sql("UPDATE creator SET tracking_start_date = (now() AT TIME ZONE 'UTC')::date - 5 WHERE id = $1", c);
        var known = fx.video(org.id(), p, c, "auto_tracked");
        as(org).post("/api/v1/creators/" + c + "/scrape").then().statusCode(200)
                .body("data.entity_type", equalTo("creator"))
                .body("data.snapshots_written", greaterThan(1));
        assertEquals(1, fx.count("SELECT count(*) FROM creator_snapshot WHERE creator_id = $1 AND source = 'manual'", c));
        assertEquals(1, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1 AND source = 'manual'", known));
    }

    @Test
    void theDailyQuotaIsEnforced() {
        var org = fx.org("starter");
        var v = fx.video(org.id(), fx.project(org.id(), "P"), null, "direct_add");
        fx.sql("INSERT INTO org_daily_usage (org_id, day, manual_scrapes) VALUES ($1, (now() AT TIME ZONE 'UTC')::date, 10)", org.id());
        String body = as(org).post("/api/v1/videos/" + v + "/scrape").then().statusCode(402).extract().asString();
        assertEquals("{\"data\":null,\"error\":\"Limit reached: max_manual_scrape_triggers_per_day\",\"meta\":{\"code\":\"limit_reached\","
                + "\"limitKey\":\"max_manual_scrape_triggers_per_day\",\"current\":10,\"max\":10}}", body);
        assertEquals(0, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1", v));
    }
}
