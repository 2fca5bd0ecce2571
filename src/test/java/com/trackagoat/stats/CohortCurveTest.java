package com.trackagoat.stats;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CohortCurveTest extends ApiTest {

    @Inject
    CohortCurveRepository curves;

    @Test
    void curvesOfZonesWithoutRollupsAreComputedOncePerVersion() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "c", "active");
        UUID v = fx.video(org.id(), p, c, "auto_tracked");
        fx.postedAt(v, "2026-03-01T10:00:00Z");
        fx.videoSnapshot(org.id(), v, "2026-03-01T12:00:00Z", 100, 0, 0, 0, 0, "video_added");
        fx.videoSnapshot(org.id(), v, "2026-03-02T12:00:00Z", 300, 0, 0, 0, 0, null);
        as(org).get("/api/v1/videos/" + v + "/stats?cohort=1&tz=Asia/Tokyo").then().statusCode(200);
        as(org).get("/api/v1/videos/" + v + "/stats?cohort=1&tz=Asia/Tokyo&from=2026-03-01").then().statusCode(200);
        assertEquals(1, fx.count("SELECT count(DISTINCT stats_version) FROM cohort_curve WHERE org_id = $1 AND tz = 'Asia/Tokyo'", org.id()));
        assertEquals(1, fx.count("SELECT sample_size FROM cohort_curve WHERE org_id = $1 AND tz = 'Asia/Tokyo' AND day_number = 1", org.id()));

        fx.videoSnapshot(org.id(), v, "2026-03-03T12:00:00Z", 350, 0, 0, 0, 0, null);
        fx.sql("UPDATE organization SET stats_version = stats_version + 1 WHERE id = $1", org.id());
        as(org).get("/api/v1/videos/" + v + "/stats?cohort=1&tz=Asia/Tokyo").then().statusCode(200);
        long version = fx.count("SELECT stats_version FROM organization WHERE id = $1", org.id());
        assertEquals(version, fx.count("SELECT max(stats_version) FROM cohort_curve WHERE org_id = $1 AND tz = 'Asia/Tokyo'", org.id()));
        assertEquals(1, fx.count("SELECT count(DISTINCT stats_version) FROM cohort_curve WHERE org_id = $1", org.id()), "older versions dropped");
        assertEquals(50, fx.count("SELECT gain_sum FROM cohort_curve WHERE org_id = $1 AND day_number = 2", org.id()));
    }

    /** As in the Java math (DaySeries): a day's last baseline decides whether the day has a gain. */
    @Test
    void theCurveFollowsTheDaysLastBaseline() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "c", "active");
        UUID v = fx.video(org.id(), p, c, "auto_tracked");
        fx.postedAt(v, "2026-03-01T10:00:00Z");
        fx.videoSnapshot(org.id(), v, "2026-03-01T11:00:00Z", 0, 0, 0, 0, 0, "video_added");
        fx.videoSnapshot(org.id(), v, "2026-03-01T12:00:00Z", 700, 0, 0, 0, 0, "tracking_resumed");
        fx.videoSnapshot(org.id(), v, "2026-03-01T20:00:00Z", 900, 0, 0, 0, 0, null);
        fx.videoSnapshot(org.id(), v, "2026-03-02T12:00:00Z", 1000, 0, 0, 0, 0, null);
        long version = fx.count("SELECT stats_version FROM organization WHERE id = $1", org.id());
        curves.compute(org.id(), java.time.ZoneOffset.UTC, version).await().atMost(Duration.ofSeconds(30));
        assertEquals(0, fx.count("SELECT count(*) FROM cohort_curve WHERE org_id = $1 AND day_number = 0", org.id()),
                "the resumed baseline's views are no gain of day 0");
        assertEquals(100, fx.count("SELECT gain_sum FROM cohort_curve WHERE org_id = $1 AND day_number = 1", org.id()));
    }
}
