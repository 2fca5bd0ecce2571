package com.trackagoat.stats;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The worked example of docs/reference/stats-and-metrics.md §7 and the cohort averages of §4. */
@QuarkusTest
class VideoStatsTest extends ApiTest {

    record World(Fixtures.Org org, UUID video, UUID creator) {
    }

    /** The §7 video: posted 2026-03-01T14:00Z, five snapshots, baseline on 03-02. */
    World example() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "maria", "active");
        var v = fx.video(org.id(), p, c, "auto_tracked");
        fx.postedAt(v, "2026-03-01T14:00:00Z");
        fx.videoSnapshot(org.id(), v, "2026-03-02T12:00:00Z", 1000, 100, 10, 5, 20, "video_added");
        fx.videoSnapshot(org.id(), v, "2026-03-03T12:00:00Z", 3000, 260, 22, 9, 50, null);
        fx.videoSnapshot(org.id(), v, "2026-03-04T12:00:00Z", 4500, 380, 30, 12, 70, null);
        fx.videoSnapshot(org.id(), v, "2026-03-06T12:00:00Z", 6000, 500, 40, 15, 90, null);
        fx.videoSnapshot(org.id(), v, "2026-03-06T20:00:00Z", 6400, 520, 41, 16, 95, null);
        return new World(org, v, c);
    }

    @Test
    void legacyShapeOfTheWorkedExample() {
        var w = example();
        String body = as(w.org()).get("/api/v1/videos/" + w.video() + "/stats?from=2026-03-01&to=2026-03-07&tz=UTC")
                .then().statusCode(200).extract().asString();
        String v = w.video().toString();
        assertEquals("{\"data\":{\"video_id\":\"" + v + "\",\"timezone\":\"UTC\",\"from\":\"2026-03-01\",\"to\":\"2026-03-07\","
                + "\"history\":["
                + "{\"date\":\"2026-03-02\",\"view_count\":1000,\"like_count\":100,\"comment_count\":10,\"share_count\":5,\"save_count\":20},"
                + "{\"date\":\"2026-03-03\",\"view_count\":3000,\"like_count\":260,\"comment_count\":22,\"share_count\":9,\"save_count\":50},"
                + "{\"date\":\"2026-03-04\",\"view_count\":4500,\"like_count\":380,\"comment_count\":30,\"share_count\":12,\"save_count\":70},"
                + "{\"date\":\"2026-03-05\",\"view_count\":4500,\"like_count\":380,\"comment_count\":30,\"share_count\":12,\"save_count\":70},"
                + "{\"date\":\"2026-03-06\",\"view_count\":6400,\"like_count\":520,\"comment_count\":41,\"share_count\":16,\"save_count\":95},"
                + "{\"date\":\"2026-03-07\",\"view_count\":6400,\"like_count\":520,\"comment_count\":41,\"share_count\":16,\"save_count\":95}],"
                + "\"velocity\":[{\"day_number\":2,\"views_gained\":2000},{\"day_number\":3,\"views_gained\":1500},"
                + "{\"day_number\":4,\"views_gained\":null},{\"day_number\":5,\"views_gained\":1900}],"
                + "\"baselines\":[{\"entity_id\":\"" + v + "\",\"snapshot_at\":\"2026-03-02T12:00:00Z\",\"reason\":\"video_added\"}],"
                + "\"first_data_date\":\"2026-03-02\"},\"error\":null,\"meta\":{\"cached\":false}}", body);
    }

    @Test
    void derivedShapesOfTheWorkedExample() {
        var w = example();
        as(w.org()).get("/api/v1/videos/" + w.video() + "/stats?metric=engagement_rate_by_views&from=2026-03-01&to=2026-03-07&tz=UTC")
                .then().statusCode(200)
                .body("data.series", hasSize(1))
                .body("data.series[0].metric", equalTo("engagement_rate_by_views"))
                .body("data.series[0].unit", equalTo("percent"))
                .body("data.series[0].mode", equalTo("rate"))
                .body("data.series[0].granularity", equalTo("day"))
                .body("data.series[0].timezone", equalTo("UTC"))
                .body("data.series[0].points.bucket_start", contains("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04",
                        "2026-03-05", "2026-03-06", "2026-03-07"))
                .body("data.series[0].points.value", equalTo(Arrays.asList(null, null, 10.3f, 10.07f, null, 9.47f, null)))
                .body("data.baselines[0].snapshot_at", equalTo("2026-03-02T12:00:00Z"))
                .body("data.first_data_date", equalTo("2026-03-02"))
                .body("data", not(hasKey("history")));
        as(w.org()).get("/api/v1/videos/" + w.video() + "/stats?metric=growth_rate_pop&base_metric=views&from=2026-03-01&to=2026-03-07&tz=UTC")
                .then().statusCode(200)
                .body("data.series[0].points.value", equalTo(Arrays.asList(null, null, 200.0f, 50.0f, null, 42.22f, null)));
        String raw = as(w.org()).get("/api/v1/videos/" + w.video() + "/stats?metric=growth_rate_pop&base_metric=views&from=2026-03-02&to=2026-03-03&tz=UTC")
                .then().extract().asString();
        assertEquals(true, raw.contains("{\"bucket_start\":\"2026-03-03\",\"value\":200.0}"), raw);
    }

    @Test
    void resultsAreCachedUntilSomethingCountedChanges() {
        var w = example();
        var p = fx.project(w.org().id(), "Other");
        var pending = fx.video(w.org().id(), p, null, "pending_review");
        String url = "/api/v1/videos/" + w.video() + "/stats?from=2026-03-01&to=2026-03-07&tz=UTC";
        String first = as(w.org()).get(url).then().body("meta.cached", equalTo(false)).extract().asString();
        String second = as(w.org()).get(url).then().body("meta.cached", equalTo(true)).extract().asString();
        assertEquals(first.replace("\"cached\":false", "\"cached\":true"), second);
        as(w.org()).get(url.replace("tz=UTC", "tz=Etc/GMT-1")).then().body("meta.cached", equalTo(false));
        as(w.org()).contentType("application/json").body("{\"tracking_status\":\"included\"}").patch("/api/v1/videos/" + pending)
                .then().statusCode(200);
        as(w.org()).get(url).then().body("meta.cached", equalTo(false));
    }

    @Test
    void cohortAveragesComeFromTheOtherCountedVideosOfTheCreatorAndTheOrganization() {
        var w = example();
        UUID org = w.org().id();
        var p = fx.project(org, "P2");
        // another video of the same creator, with a zero baseline: velocity n=0..4 = [300, 500, 200, null, 600]
        var sibling = fx.video(org, p, w.creator(), "included");
        fx.postedAt(sibling, "2026-03-01T10:00:00Z");
        fx.videoSnapshot(org, sibling, "2026-03-01T12:00:00Z", 0, 0, 0, 0, 0, "video_added");
        fx.videoSnapshot(org, sibling, "2026-03-01T20:00:00Z", 300, 30, 3, 1, 2, null);
        fx.videoSnapshot(org, sibling, "2026-03-02T12:00:00Z", 800, 80, 8, 2, 4, null);
        fx.videoSnapshot(org, sibling, "2026-03-03T12:00:00Z", 1000, 90, 9, 3, 5, null);
        fx.videoSnapshot(org, sibling, "2026-03-05T12:00:00Z", 1600, 99, 9, 3, 5, null);
        // a video of another creator in the organization: velocity n=1..5 = [300, 500, 100, 300, 50]
        var otherCreator = fx.creator(org, p, "other", "active");
        var stranger = fx.video(org, p, otherCreator, "auto_tracked");
        fx.postedAt(stranger, "2026-03-02T10:00:00Z");
        long[] views = {100, 400, 900, 1000, 1300, 1350};
        for (int i = 0; i < views.length; i++) {
            fx.videoSnapshot(org, stranger, "2026-03-0" + (2 + i) + "T12:00:00Z", views[i], 1, 1, 1, 1, i == 0 ? "video_added" : null);
        }
        // not counted, hence in no pool: a pending video of the creator, an excluded one, a video of a removed creator
        var removedCreator = fx.creator(org, p, "gone", "removed");
        for (UUID noise : new UUID[]{fx.video(org, p, w.creator(), "pending_review"), fx.video(org, p, w.creator(), "excluded"),
                fx.video(org, p, removedCreator, "auto_tracked")}) {
            fx.postedAt(noise, "2026-03-01T10:00:00Z");
            fx.videoSnapshot(org, noise, "2026-03-01T12:00:00Z", 10, 1, 1, 1, 1, "video_added");
            fx.videoSnapshot(org, noise, "2026-03-03T12:00:00Z", 99999, 1, 1, 1, 1, null);
            fx.videoSnapshot(org, noise, "2026-03-04T12:00:00Z", 199999, 1, 1, 1, 1, null);
        }
        // another organization's video never counts
        var foreign = fx.org("starter");
        var fp = fx.project(foreign.id(), "F");
        var fv = fx.video(foreign.id(), fp, fx.creator(foreign.id(), fp, "f", "active"), "auto_tracked");
        fx.postedAt(fv, "2026-03-01T10:00:00Z");
        fx.videoSnapshot(foreign.id(), fv, "2026-03-01T12:00:00Z", 10, 1, 1, 1, 1, "video_added");
        fx.videoSnapshot(foreign.id(), fv, "2026-03-03T12:00:00Z", 99999, 1, 1, 1, 1, null);

        as(w.org()).get("/api/v1/videos/" + w.video() + "/stats?from=2026-03-01&to=2026-03-07&tz=UTC&cohort=1")
                .then().statusCode(200)
                .body("data.cohort.creator_avg.day_number", contains(2, 4))
                .body("data.cohort.creator_avg.avg_views_gained", contains(200.0f, 600.0f))
                .body("data.cohort.creator_avg.sample_size", contains(1, 1))
                .body("data.cohort.org_avg.day_number", contains(2, 3, 4, 5))
                .body("data.cohort.org_avg.avg_views_gained", contains(350.0f, 100.0f, 450.0f, 50.0f))
                .body("data.cohort.org_avg.sample_size", contains(2, 1, 2, 1));
        // the sibling's own cohort excludes itself and includes the example video
        as(w.org()).get("/api/v1/videos/" + sibling + "/stats?tz=UTC&cohort=true&from=2026-03-01&to=2026-03-07")
                .then().statusCode(200)
                .body("data.velocity.views_gained", equalTo(Arrays.asList(300, 500, 200, null, 600)))
                .body("data.cohort.creator_avg.day_number", contains(2, 3))
                .body("data.cohort.creator_avg.avg_views_gained", contains(2000.0f, 1500.0f))
                .body("data.cohort.org_avg.day_number", contains(1, 2, 3, 4))
                .body("data.cohort.org_avg.avg_views_gained", contains(300.0f, 1250.0f, 800.0f, 300.0f))
                .body("data.cohort.org_avg.sample_size", contains(1, 2, 2, 1));
    }

    @Test
    void cohortKeyOnlyWithCohortAndACreator() {
        var w = example();
        var direct = fx.video(w.org().id(), fx.project(w.org().id(), "D"), null, "direct_add");
        as(w.org()).get("/api/v1/videos/" + direct + "/stats?cohort=1").then().statusCode(200)
                .body("data", not(hasKey("cohort"))).body("data.velocity", hasSize(0)).body("data.history", hasSize(0))
                .body("data.first_data_date", nullValue());
        as(w.org()).get("/api/v1/videos/" + w.video() + "/stats?from=2026-03-01&to=2026-03-07").then().body("data", not(hasKey("cohort")));
        as(w.org()).get("/api/v1/videos/" + w.video() + "/stats?from=2026-03-01&to=2026-03-07&cohort=0").then().body("data", not(hasKey("cohort")));
    }

    @Test
    void timezoneMovesSnapshotsAcrossDays() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var v = fx.video(org.id(), p, null, "direct_add");
        fx.videoSnapshot(org.id(), v, "2026-03-02T12:00:00Z", 100, 0, 0, 0, 0, "video_added");
        fx.videoSnapshot(org.id(), v, "2026-03-03T03:30:00Z", 250, 0, 0, 0, 0, null);   // 2026-03-02 in New York
        as(org).get("/api/v1/videos/" + v + "/stats?from=2026-03-02&to=2026-03-03&tz=America/New_York").then().statusCode(200)
                .body("data.history.date", contains("2026-03-02", "2026-03-03"))
                .body("data.history.view_count", contains(250, 250))
                .body("data.timezone", equalTo("America/New_York"));
        as(org).get("/api/v1/videos/" + v + "/stats?from=2026-03-02&to=2026-03-03&tz=UTC").then()
                .body("data.history.view_count", contains(100, 250));
    }

    @Test
    void parameterErrorsAndRetention() {
        var w = example();
        String url = "/api/v1/videos/" + w.video() + "/stats";
        String[][] cases = {{"from=2026-02-30", "from"}, {"to=yesterday", "to"}, {"tz=Mars/Base", "tz"}, {"tz=UTC%2B25", "tz"},
                {"metric=nope", "metric"}, {"metric=engagement_rate_by_followers", "metric"}, {"metric=posts_per_week", "metric"},
                {"metric=growth_rate_pop", "base_metric"}, {"metric=growth_rate_pop&base_metric=followers", "base_metric"},
                {"granularity=week", "granularity"}, {"cohort=yes", "cohort"}, {"from=2026-03-07&to=2026-03-01", "from"},
                {"from=2025-01-01&to=2026-03-01", "from"}};
        for (String[] c : cases) {
            as(w.org()).get(url + "?" + c[0]).then().statusCode(400)
                    .body("meta.code", equalTo("invalid_query")).body("meta.param", equalTo(c[1]))
                    .body("error", equalTo("Invalid query parameter: " + c[1]));
        }
        as(w.org()).get("/api/v1/videos/nope/stats?tz=Mars/Base").then().statusCode(400).body("meta.code", equalTo("invalid_params"));
        as(w.org()).get("/api/v1/videos/" + UUID.randomUUID() + "/stats?from=2020-01-01&to=2020-01-02").then().statusCode(404);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String from = today.minusDays(400).toString();
        String body = as(w.org()).get(url + "?tz=UTC&from=" + from + "&to=" + today.minusDays(300))
                .then().statusCode(402).extract().asString();
        assertEquals("{\"data\":null,\"error\":\"Requested range starts before the history retention window\",\"meta\":{"
                + "\"code\":\"retention_exceeded\",\"retention_days\":365,\"earliest_from\":\"" + today.minusDays(365) + "\"}}", body);
        as(w.org()).get(url + "?tz=UTC&from=" + today.minusDays(365)).then().statusCode(200);
    }

    @Test
    void foreignAndInvisibleVideosAre404() {
        var w = example();
        var other = fx.org("starter");
        as(other).get("/api/v1/videos/" + w.video() + "/stats").then().statusCode(404).body("meta.code", equalTo("not_found"));
        var excluded = fx.video(w.org().id(), fx.project(w.org().id(), "X"), null, "excluded");
        as(w.org()).get("/api/v1/videos/" + excluded + "/stats").then().statusCode(404);
    }
}
