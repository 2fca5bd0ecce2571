package com.trackagoat.stats;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Creator stats in America/New_York, hand-computed (docs/reference/stats-and-metrics.md §2, §5, §6). */
@QuarkusTest
class CreatorStatsTest extends ApiTest {

    record World(Fixtures.Org org, UUID creator, UUID a, UUID b) {
    }

    World world() {
        var org = fx.org("starter");
        UUID o = org.id();
        var p = fx.project(o, "P");
        var k = fx.creator(o, p, "kay", "active");
        fx.creatorSnapshot(o, k, "2026-03-02T15:00:00Z", 1000, 10, 5000, 20, "creator_added");
        fx.creatorSnapshot(o, k, "2026-03-04T15:00:00Z", 1100, 11, 5200, 21, null);
        var a = fx.video(o, p, k, "auto_tracked");
        fx.postedAt(a, "2026-03-01T15:00:00Z");
        fx.videoSnapshot(o, a, "2026-03-02T15:00:00Z", 100, 10, 1, 1, 2, "video_added");
        fx.videoSnapshot(o, a, "2026-03-03T03:30:00Z", 150, 15, 1, 1, 2, null);   // still 03-02 in New York
        fx.videoSnapshot(o, a, "2026-03-03T15:00:00Z", 300, 30, 2, 1, 3, null);
        fx.videoSnapshot(o, a, "2026-03-04T15:00:00Z", 400, 40, 3, 2, 4, null);
        var b = fx.video(o, p, k, "included");
        fx.postedAt(b, "2026-03-03T16:00:00Z");
        fx.videoSnapshot(o, b, "2026-03-04T15:00:00Z", 0, 0, 0, 0, 0, "video_added");   // zero baseline
        fx.videoSnapshot(o, b, "2026-03-04T20:00:00Z", 50, 5, 0, 0, 1, null);
        // not counted: pending and excluded videos of the creator
        for (String status : new String[]{"pending_review", "excluded"}) {
            var n = fx.video(o, p, k, status);
            fx.postedAt(n, "2026-03-03T16:00:00Z");
            fx.videoSnapshot(o, n, "2026-03-03T15:00:00Z", 7777, 7, 7, 7, 7, "video_added");
            fx.videoSnapshot(o, n, "2026-03-04T15:00:00Z", 9999, 9, 9, 9, 9, null);
        }
        return new World(org, k, a, b);
    }

    String url(World w, String query) {
        return "/api/v1/creators/" + w.creator() + "/stats?from=2026-03-01&to=2026-03-05&tz=America/New_York" + query;
    }

    @Test
    void legacyShape() {
        var w = world();
        String body = as(w.org()).get(url(w, "")).then().statusCode(200).extract().asString();
        String expected = "{\"data\":{\"creator_id\":\"" + w.creator() + "\",\"timezone\":\"America/New_York\",\"from\":\"2026-03-01\",\"to\":\"2026-03-05\",\"history\":["
                + "{\"date\":\"2026-03-02\",\"follower_count\":1000,\"following_count\":10,\"likes_count\":5000,\"video_count\":20,"
                + "\"views\":150,\"likes\":15,\"comments\":1,\"shares\":1,\"saves\":2,"
                + "\"views_gained\":null,\"likes_gained\":null,\"comments_gained\":null,\"shares_gained\":null,\"saves_gained\":null,\"posts\":0},"
                + "{\"date\":\"2026-03-03\",\"follower_count\":1000,\"following_count\":10,\"likes_count\":5000,\"video_count\":20,"
                + "\"views\":300,\"likes\":30,\"comments\":2,\"shares\":1,\"saves\":3,"
                + "\"views_gained\":150,\"likes_gained\":15,\"comments_gained\":1,\"shares_gained\":0,\"saves_gained\":1,\"posts\":1},"
                + "{\"date\":\"2026-03-04\",\"follower_count\":1100,\"following_count\":11,\"likes_count\":5200,\"video_count\":21,"
                + "\"views\":450,\"likes\":45,\"comments\":3,\"shares\":2,\"saves\":5,"
                + "\"views_gained\":150,\"likes_gained\":15,\"comments_gained\":1,\"shares_gained\":1,\"saves_gained\":2,\"posts\":0},"
                + "{\"date\":\"2026-03-05\",\"follower_count\":1100,\"following_count\":11,\"likes_count\":5200,\"video_count\":21,"
                + "\"views\":450,\"likes\":45,\"comments\":3,\"shares\":2,\"saves\":5,"
                + "\"views_gained\":null,\"likes_gained\":null,\"comments_gained\":null,\"shares_gained\":null,\"saves_gained\":null,\"posts\":0}],"
                + "\"baselines\":[";
        List<String> sameInstant = Arrays.asList(w.creator().toString(), w.a().toString());
        sameInstant.sort(null);
        for (String id : sameInstant) {
            expected += "{\"entity_id\":\"" + id + "\",\"snapshot_at\":\"2026-03-02T15:00:00Z\",\"reason\":\""
                    + (id.equals(w.creator().toString()) ? "creator_added" : "video_added") + "\"},";
        }
        expected += "{\"entity_id\":\"" + w.b() + "\",\"snapshot_at\":\"2026-03-04T15:00:00Z\",\"reason\":\"video_added\"}],"
                + "\"first_data_date\":\"2026-03-02\"},\"error\":null,\"meta\":{\"cached\":false}}";
        org.junit.jupiter.api.Assertions.assertEquals(expected, body);
    }

    @Test
    void derivedMetrics() {
        var w = world();
        as(w.org()).get(url(w, "&metric=engagement_rate_by_followers")).then().statusCode(200)
                .body("data.series[0].unit", equalTo("percent"))
                .body("data.series[0].points.value", equalTo(Arrays.asList(null, null, 1.7f, 1.73f, null)));
        as(w.org()).get(url(w, "&metric=engagement_rate_by_views")).then()
                .body("data.series[0].points.value", equalTo(Arrays.asList(null, null, 11.33f, 12.67f, null)));
        as(w.org()).get(url(w, "&metric=avg_views_per_post")).then()
                .body("data.series[0].unit", equalTo("count"))
                .body("data.series[0].points.value", equalTo(Arrays.asList(null, null, 75.0f, 75.0f, null)));
        as(w.org()).get(url(w, "&metric=posts_per_week")).then()
                .body("data.series[0].points.value", equalTo(Arrays.asList(7.0f, 0.0f, 7.0f, 0.0f, 0.0f)));
        as(w.org()).get(url(w, "&metric=growth_rate_pop&base_metric=followers")).then()
                .body("data.series[0].points.value", equalTo(Arrays.asList(null, null, null, 10.0f, null)));
        as(w.org()).get(url(w, "&metric=growth_rate_pop&base_metric=videos")).then()
                .body("data.series[0].points.value", equalTo(Arrays.asList(null, null, null, 5.0f, null)));
        as(w.org()).get(url(w, "&metric=growth_rate_pop&base_metric=views")).then()
                .body("data.series[0].points.value", equalTo(Arrays.asList(null, null, 100.0f, 50.0f, null)))
                .body("data.baselines", hasSize(3))
                .body("data.first_data_date", equalTo("2026-03-02"));
    }

    @Test
    void aReviewDecisionChangesTheNextAnswer() {
        var w = world();
        var pending = fx.video(w.org().id(), fx.project(w.org().id(), "Q"), w.creator(), "pending_review");
        fx.videoSnapshot(w.org().id(), pending, "2026-03-02T15:00:00Z", 1000, 0, 0, 0, 0, "video_added");
        as(w.org()).get(url(w, "&metric=posts_per_week")).then().body("meta.cached", equalTo(false));
        as(w.org()).get(url(w, "")).then().body("data.history[0].views", equalTo(150)).body("meta.cached", equalTo(false));
        as(w.org()).get(url(w, "")).then().body("data.history[0].views", equalTo(150)).body("meta.cached", equalTo(true));
        as(w.org()).contentType("application/json").body("{\"tracking_status\":\"included\"}").patch("/api/v1/videos/" + pending)
                .then().statusCode(200);
        as(w.org()).get(url(w, "")).then().body("data.history[0].views", equalTo(1150)).body("meta.cached", equalTo(false));
    }

    @Test
    void creatorWithoutSnapshotsHasNoHistory() {
        var org = fx.org("starter");
        var c = fx.creator(org.id(), fx.project(org.id(), "P"), "new", "active");
        as(org).get("/api/v1/creators/" + c + "/stats").then().statusCode(200)
                .body("data.history", hasSize(0)).body("data.baselines", hasSize(0))
                .body("data.first_data_date", equalTo(null)).body("data.timezone", equalTo("UTC"));
        as(org).get("/api/v1/creators/" + c + "/stats?metric=posts_per_week&from=2026-03-01&to=2026-03-02").then().statusCode(200)
                .body("data.series[0].points.value", contains(0.0f, 0.0f));
    }

    @Test
    void errors() {
        var w = world();
        var removed = fx.creator(w.org().id(), fx.project(w.org().id(), "R"), "removed", "removed");
        as(w.org()).get("/api/v1/creators/" + removed + "/stats").then().statusCode(404);
        as(fx.org("starter")).get("/api/v1/creators/" + w.creator() + "/stats").then().statusCode(404);
        as(w.org()).get("/api/v1/creators/" + w.creator() + "/stats?metric=growth_rate_pop&base_metric=reach").then().statusCode(400)
                .body("meta.param", equalTo("base_metric"));
        as(w.org()).get("/api/v1/creators/" + w.creator() + "/stats?cohort=2").then().statusCode(400).body("meta.param", equalTo("cohort"));
    }
}
