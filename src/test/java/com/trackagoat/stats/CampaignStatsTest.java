package com.trackagoat.stats;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Campaign stats over the recursive union of covered videos, each counted once. */
@QuarkusTest
class CampaignStatsTest extends ApiTest {

    record World(Fixtures.Org org, UUID campaign, UUID sub, List<String[]> baselines) {
    }

    World world() {
        var org = fx.org("starter");
        UUID o = org.id();
        var p = fx.project(o, "P");
        var k1 = fx.creator(o, p, "k1", "active");
        var k2 = fx.creator(o, p, "k2", "removed");
        var k3 = fx.creator(o, p, "k3", "disabled");
        fx.creatorSnapshot(o, k1, "2026-03-01T12:00:00Z", 500, 1, 1, 1, "creator_added");
        fx.creatorSnapshot(o, k3, "2026-03-02T12:00:00Z", 300, 1, 1, 1, "creator_added");
        fx.creatorSnapshot(o, k2, "2026-03-02T12:00:00Z", 99999, 1, 1, 1, "creator_added");

        var a1 = fx.video(o, p, k1, "auto_tracked");
        fx.postedAt(a1, "2026-02-28T12:00:00Z");
        snaps(o, a1, new String[]{"2026-03-01T12:00:00Z", "2026-03-02T12:00:00Z", "2026-03-03T12:00:00Z"}, 100, 300, 600);
        var a2 = fx.video(o, p, k1, "pending_review");
        snaps(o, a2, new String[]{"2026-03-01T12:00:00Z", "2026-03-03T12:00:00Z"}, 5000, 9000);
        var d = fx.video(o, p, null, "direct_add");
        fx.postedAt(d, "2026-03-01T12:00:00Z");
        snaps(o, d, new String[]{"2026-03-02T12:00:00Z", "2026-03-03T12:00:00Z"}, 1000, 1500);
        var c1 = fx.video(o, p, k3, "auto_tracked");
        fx.postedAt(c1, "2026-03-02T12:00:00Z");
        snaps(o, c1, new String[]{"2026-03-01T12:00:00Z", "2026-03-03T12:00:00Z"}, 50, 80);
        var r1 = fx.video(o, p, k2, "auto_tracked");
        snaps(o, r1, new String[]{"2026-03-01T12:00:00Z", "2026-03-03T12:00:00Z"}, 70000, 90000);

        var m = fx.campaign(o, p, "Main");
        var s = fx.campaign(o, p, "Sub");
        fx.campaignItem(o, p, m, "creator", k1);
        fx.campaignItem(o, p, m, "video", d);
        fx.campaignItem(o, p, m, "campaign", s);
        fx.campaignItem(o, p, s, "video", a1);      // also covered through k1: counted once
        fx.campaignItem(o, p, s, "creator", k3);
        fx.campaignItem(o, p, s, "creator", k2);    // removed: not covered
        fx.campaignItem(o, p, s, "campaign", m);    // a cycle in the data must not loop
        fx.sql("UPDATE campaign SET target_views = 1000, target_at = '2026-06-30T22:00:00Z' WHERE id = $1", m);

        List<String[]> baselines = new ArrayList<>(List.of(
                new String[]{a1.toString(), "2026-03-01T12:00:00Z", "video_added"},
                new String[]{c1.toString(), "2026-03-01T12:00:00Z", "video_added"},
                new String[]{k1.toString(), "2026-03-01T12:00:00Z", "creator_added"},
                new String[]{d.toString(), "2026-03-02T12:00:00Z", "video_added"},
                new String[]{k3.toString(), "2026-03-02T12:00:00Z", "creator_added"}));
        baselines.sort(Comparator.<String[], String>comparing(b -> b[1]).thenComparing(b -> b[0]));
        return new World(org, m, s, baselines);
    }

    /** Snapshots with likes = views / 10, the first one a baseline. */
    void snaps(UUID org, UUID video, String[] at, long... views) {
        for (int i = 0; i < at.length; i++) {
            fx.videoSnapshot(org, video, at[i], views[i], views[i] / 10, 0, 0, 0, i == 0 ? "video_added" : null);
        }
    }

    @Test
    void legacyShape() {
        var w = world();
        String body = as(w.org()).get("/api/v1/campaigns/" + w.campaign() + "/stats?from=2026-03-01&to=2026-03-03&tz=UTC")
                .then().statusCode(200).extract().asString();
        StringBuilder expected = new StringBuilder("{\"data\":{\"campaign_id\":\"" + w.campaign() + "\",\"timezone\":\"UTC\","
                + "\"from\":\"2026-03-01\",\"to\":\"2026-03-03\","
                + "\"totals\":{\"videos\":3,\"creators\":2,\"views\":2180,\"likes\":218,\"comments\":0,\"shares\":0,\"saves\":0},"
                + "\"history\":["
                + "{\"date\":\"2026-03-01\",\"views\":150,\"likes\":15,\"comments\":0,\"shares\":0,\"saves\":0,\"views_gained\":null,"
                + "\"likes_gained\":null,\"comments_gained\":null,\"shares_gained\":null,\"saves_gained\":null,\"posts\":1},"
                + "{\"date\":\"2026-03-02\",\"views\":1350,\"likes\":135,\"comments\":0,\"shares\":0,\"saves\":0,\"views_gained\":200,"
                + "\"likes_gained\":20,\"comments_gained\":0,\"shares_gained\":0,\"saves_gained\":0,\"posts\":1},"
                + "{\"date\":\"2026-03-03\",\"views\":2180,\"likes\":218,\"comments\":0,\"shares\":0,\"saves\":0,\"views_gained\":830,"
                + "\"likes_gained\":83,\"comments_gained\":0,\"shares_gained\":0,\"saves_gained\":0,\"posts\":0}],"
                + "\"target_views\":1000,\"target_at\":\"2026-06-30T22:00:00Z\",\"progress_pct\":218.0,\"baselines\":[");
        for (int i = 0; i < w.baselines().size(); i++) {
            String[] b = w.baselines().get(i);
            expected.append(i == 0 ? "" : ",").append("{\"entity_id\":\"").append(b[0]).append("\",\"snapshot_at\":\"").append(b[1])
                    .append("\",\"reason\":\"").append(b[2]).append("\"}");
        }
        expected.append("],\"first_data_date\":\"2026-03-01\"},\"error\":null,\"meta\":{\"cached\":false}}");
        org.junit.jupiter.api.Assertions.assertEquals(expected.toString(), body);
    }

    @Test
    void progressRoundsToTwoDecimalsAndIsNullWithoutTarget() {
        var w = world();
        fx.sql("UPDATE campaign SET target_views = 3000 WHERE id = $1", w.campaign());
        as(w.org()).get("/api/v1/campaigns/" + w.campaign() + "/stats?from=2026-03-01&to=2026-03-03&tz=UTC").then()
                .body("data.progress_pct", equalTo(72.67f));
        as(w.org()).get("/api/v1/campaigns/" + w.sub() + "/stats?from=2026-03-01&to=2026-03-03&tz=UTC").then().statusCode(200)
                .body("data.progress_pct", nullValue()).body("data.target_views", nullValue())
                .body("data.totals.videos", equalTo(3)).body("data.totals.creators", equalTo(2));
    }

    @Test
    void derivedMetrics() {
        var w = world();
        String url = "/api/v1/campaigns/" + w.campaign() + "/stats?from=2026-03-01&to=2026-03-03&tz=UTC&metric=";
        as(w.org()).get(url + "engagement_rate_by_followers").then().statusCode(200)
                .body("data.series[0].points.value", equalTo(Arrays.asList(null, 2.5f, 10.38f)));
        as(w.org()).get(url + "posts_per_week").then().body("data.series[0].points.value", contains(7.0f, 7.0f, 0.0f));
        as(w.org()).get(url + "avg_views_per_post").then().body("data.series[0].points.value", equalTo(Arrays.asList(null, 66.67f, 276.67f)));
        as(w.org()).get(url + "growth_rate_pop&base_metric=views").then()
                .body("data.series[0].points.value", equalTo(Arrays.asList(null, 133.33f, 61.48f)));
        as(w.org()).get(url + "growth_rate_pop&base_metric=followers").then().statusCode(400).body("meta.param", equalTo("base_metric"));
    }

    @Test
    void foreignCampaignIs404() {
        var w = world();
        as(fx.org("starter")).get("/api/v1/campaigns/" + w.campaign() + "/stats").then().statusCode(404);
    }
}
