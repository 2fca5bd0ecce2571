package com.trackagoat.analytics;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /api/v1/analytics} (docs/reference/analytics.md §1): shape, buckets, comparison, CSV and every error. */
@QuarkusTest
class AnalyticsResourceTest extends ApiTest {

    record World(Fixtures.Org org, UUID project, UUID creator, UUID video, UUID campaign) {
    }

    /** A creator with one video, daily snapshots 2026-03-01 … 2026-03-12 (views +100 a day after a 1,000 baseline), in UTC. */
    World world(String tier) {
        var org = fx.org(tier);
        UUID o = org.id();
        UUID p = fx.project(o, "Launch");
        UUID c = fx.creator(o, p, "chef.maria", "active");
        UUID v = fx.video(o, p, c, "auto_tracked");
        fx.sql("UPDATE video SET title = 'Pasta, the \"real\" way' WHERE id = $1", v);
        fx.postedAt(v, "2026-02-28T10:00:00Z");
        for (int d = 1; d <= 12; d++) {
            String at = String.format("2026-03-%02dT12:00:00Z", d);
            long views = 1000 + 100L * (d - 1);
            fx.videoSnapshot(o, v, at, views, views / 10, 5, 2, 1, d == 1 ? "video_added" : null);
            fx.creatorSnapshot(o, c, at, 5000 + 10L * (d - 1), 10, 9000, 3, d == 1 ? "creator_added" : null);
        }
        UUID k = fx.campaign(o, p, "Spring");
        fx.campaignItem(o, p, k, "video", v);
        return new World(org, p, c, v, k);
    }

    @Test
    void weeklyViewsOfACreatorAsInTheContract() {
        var w = world("starter");
        as(w.org()).get("/api/v1/analytics?entity=creator&entity_id=" + w.creator() + "&metric=views&granularity=week&from=2026-03-01&to=2026-03-12&tz=UTC")
                .then().statusCode(200)
                .body(equalTo("{\"data\":{\"series\":[{\"metric\":\"views\",\"unit\":\"count\",\"mode\":\"new\",\"granularity\":\"week\",\"timezone\":\"UTC\","
                        + "\"entity_ref\":{\"type\":\"creator\",\"id\":\"" + w.creator() + "\",\"label\":\"chef.maria\"},"
                        + "\"points\":[{\"bucket_start\":\"2026-03-01\",\"value\":null,\"partial\":true},"
                        + "{\"bucket_start\":\"2026-03-02\",\"value\":700,\"partial\":false},"
                        + "{\"bucket_start\":\"2026-03-09\",\"value\":400,\"partial\":true}]}],"
                        + "\"compare_series\":[],\"breakdown_series\":[],\"annotations\":[],"
                        + "\"baselines\":[" + baselines(w) + "],"
                        + "\"tier_retention_days\":365},\"error\":null,\"meta\":{\"cached\":false}}"));
    }

    /** Baselines of one instant are ordered by entity id as text. */
    private static String baselines(World w) {
        String video = "{\"entity_id\":\"" + w.video() + "\",\"snapshot_at\":\"2026-03-01T12:00:00Z\",\"reason\":\"video_added\"}";
        String creator = "{\"entity_id\":\"" + w.creator() + "\",\"snapshot_at\":\"2026-03-01T12:00:00Z\",\"reason\":\"creator_added\"}";
        return w.video().toString().compareTo(w.creator().toString()) < 0 ? video + "," + creator : creator + "," + video;
    }

    @Test
    void modesMonthsRatesAndTheCacheFlag() {
        var w = world("starter");
        String base = "/api/v1/analytics?entity=campaign&entity_id=" + w.campaign() + "&from=2026-02-20&to=2026-03-12&tz=UTC";
        as(w.org()).get(base + "&metric=views&mode=cumulative&granularity=month").then().statusCode(200)
                .body("data.series[0].entity_ref.label", equalTo("Spring"))
                .body("data.series[0].points.bucket_start", contains("2026-02-20", "2026-03-01"))
                .body("data.series[0].points.value", contains(null, 2100))
                .body("data.series[0].points.partial", contains(true, true));
        as(w.org()).get(base + "&metric=posts&granularity=month").then().statusCode(200)
                .body("data.series[0].points.value", contains(1, 0));
        as(w.org()).get(base + "&metric=engagement_rate_by_views&granularity=month").then().statusCode(200)
                .body("data.series[0].mode", equalTo("rate"))
                .body("data.series[0].unit", equalTo("percent"))
                // March: likes +110, comments, shares, saves flat after the baseline; views +1,100
                .body("data.series[0].points.value", contains(null, 10.0f));
        as(w.org()).get(base + "&metric=posts_per_week&granularity=week").then().statusCode(200)
                .body("data.series[0].unit", equalTo("count"))
                .body("data.series[0].points.bucket_start", contains("2026-02-20", "2026-02-23", "2026-03-02", "2026-03-09"))
                .body("data.series[0].points.value", contains(0.0f, 1.0f, 0.0f, 0.0f))
                .body("meta.cached", equalTo(false));
        as(w.org()).get(base + "&metric=posts_per_week&granularity=week").then().statusCode(200).body("meta.cached", equalTo(true));
    }

    @Test
    void theProjectCoversItsCountedVideosAndFollowersOfItsCreators() {
        var w = world("starter");
        String base = "/api/v1/analytics?entity=project&entity_id=" + w.project() + "&from=2026-03-01&to=2026-03-12&tz=UTC&granularity=month";
        as(w.org()).get(base + "&metric=followers").then().statusCode(200)
                .body("data.series[0].entity_ref.label", equalTo("Launch"))
                .body("data.series[0].points.value", contains(110));
        as(w.org()).get(base + "&metric=followers&mode=cumulative").then().statusCode(200)
                .body("data.series[0].points.value", contains(5110));
        as(w.org()).get(base + "&metric=views").then().statusCode(200).body("data.series[0].points.value", contains(1100));
    }

    @Test
    void comparisonCoversThePriorPeriodBucketByBucket() {
        var w = world("starter");
        as(w.org()).get("/api/v1/analytics?entity=video&entity_id=" + w.video() + "&metric=views&from=2026-03-07&to=2026-03-12&tz=UTC"
                        + "&granularity=week&compare=prior_period").then().statusCode(200)
                .body("data.series[0].points.bucket_start", contains("2026-03-07", "2026-03-09"))
                .body("data.series[0].points.value", contains(200, 400))
                .body("data.compare_series", hasSize(1))
                .body("data.compare_series[0].entity_ref.label", equalTo("Pasta, the \"real\" way"))
                .body("data.compare_series[0].points.bucket_start", contains("2026-03-01", "2026-03-03"))
                .body("data.compare_series[0].points.value", contains(100, 400))
                .body("data.compare_series[0].points.partial", contains(false, false));
    }

    @Test
    void priorDaysBeyondTheRetentionWindowHaveNoValue() {
        var w = world("starter");   // 365 days of history
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String from = today.minusDays(200).toString();
        as(w.org()).get("/api/v1/analytics?entity=creator&entity_id=" + w.creator() + "&metric=posts&granularity=month&compare=prior_period"
                        + "&tz=UTC&from=" + from + "&to=" + today).then().statusCode(200)
                .body("data.compare_series[0].points[0].value", nullValue())
                .body("data.series[0].points[0].value", equalTo(0));
        as(w.org()).get("/api/v1/analytics?entity=creator&entity_id=" + w.creator() + "&metric=posts&tz=UTC&from=" + today.minusDays(366)
                        + "&granularity=week").then().statusCode(402)
                .body("meta.code", equalTo("retention_exceeded"));
    }

    @Test
    void severalEntitiesAnswerInRequestOrder() {
        var w = world("starter");
        UUID other = fx.creator(w.org().id(), w.project(), "zed", "active");
        as(w.org()).get("/api/v1/analytics?entity=creator&entity_id=" + other + "," + w.creator() + "&metric=views&from=2026-03-10&to=2026-03-12&tz=UTC")
                .then().statusCode(200)
                .body("data.series.entity_ref.label", contains("zed", "chef.maria"))
                .body("data.series[0].points.value", contains(null, null, null))
                .body("data.series[1].points.value", contains(100, 100, 100));
    }

    @Test
    void breakdownRanksTheCampaignsVideosAndSumsTheRest() {
        var w = world("starter");
        UUID o = w.org().id();
        UUID k = fx.campaign(o, w.project(), "Twelve");
        List<UUID> videos = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {   // video i gains 10 × (i + 1) views and i likes on 2026-03-02
            UUID v = fx.video(o, w.project(), null, "direct_add");
            fx.videoSnapshot(o, v, "2026-03-01T12:00:00Z", 1000, 0, 0, 0, 0, "video_added");
            fx.videoSnapshot(o, v, "2026-03-02T12:00:00Z", 1000 + 10L * (i + 1), i, 0, 0, 0, null);
            fx.campaignItem(o, w.project(), k, "video", v);
            videos.add(v);
        }
        String base = "/api/v1/analytics?entity=campaign&entity_id=" + k + "&from=2026-03-01&to=2026-03-02&tz=UTC&breakdown=video";
        var answer = as(w.org()).get(base + "&metric=views").then().statusCode(200)
                .body("data.breakdown_series", hasSize(11))
                .body("data.series[0].points.value", contains(null, 780))
                .extract().jsonPath();
        for (int rank = 0; rank < 10; rank++) {
            assertEquals(videos.get(11 - rank).toString(), answer.getString("data.breakdown_series[" + rank + "].entity_ref.id"));
            assertEquals(10 * (12 - rank), answer.getInt("data.breakdown_series[" + rank + "].points[1].value"));
        }
        assertEquals("{type=video, id=__other__, label=Other}", answer.getMap("data.breakdown_series[10].entity_ref").toString());
        assertEquals(10 + 20, answer.getInt("data.breakdown_series[10].points[1].value"));
        as(w.org()).get(base + "&metric=engagement_rate_by_views").then().statusCode(200)
                .body("data.breakdown_series[10].points[1].value", equalTo(3.33f))   // (0 + 1) likes / 30 views
                .body("data.breakdown_series[0].points[1].value", equalTo(9.17f));   // 11 / 120
    }

    @Test
    void csvIsStreamedWithItsHeaderAndFileName() {
        var w = world("starter");
        var response = as(w.org()).get("/api/v1/analytics?entity=video&entity_id=" + w.video()
                + "&metric=views&from=2026-03-11&to=2026-03-12&tz=UTC&compare=prior_period&format=csv");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("text/csv;charset=utf-8", response.contentType().replace(" ", "").toLowerCase());
        assertEquals("attachment; filename=\"trackagoat-video-views-2026-03-11-2026-03-12.csv\"", response.header("Content-Disposition"));
        String label = "\"Pasta, the \"\"real\"\" way\"";
        assertEquals(String.join("\r\n", List.of(
                "series_kind,entity_type,entity_id,entity_label,metric,mode,granularity,bucket_start,value,partial",
                "main,video," + w.video() + "," + label + ",views,new,day,2026-03-11,100,false",
                "main,video," + w.video() + "," + label + ",views,new,day,2026-03-12,100,false",
                "compare,video," + w.video() + "," + label + ",views,new,day,2026-03-09,100,false",
                "compare,video," + w.video() + "," + label + ",views,new,day,2026-03-10,100,false")) + "\r\n", response.asString());
        as(w.org()).get("/api/v1/analytics?entity=video&entity_id=" + UUID.randomUUID() + "&metric=views&format=csv").then().statusCode(404)
                .body(equalTo("{\"data\":null,\"error\":\"Not found\",\"meta\":{\"code\":\"not_found\"}}"));
    }

    @Test
    void annotationsOfTheRequestedEntitiesAndTheOrganizationAreReadFresh() {
        var w = world("starter");
        UUID other = fx.creator(w.org().id(), w.project(), "zed", "active");
        String post = "/api/v1/analytics/annotations";
        String orgWide = as(w.org()).contentType("application/json").body("{\"date\":\"2026-03-05\",\"title\":\"Org\"}").post(post)
                .then().statusCode(201).extract().path("data.id");
        String own = as(w.org()).contentType("application/json")
                .body("{\"date\":\"2026-03-03\",\"title\":\"Mine\",\"kind\":\"launch\",\"entity_type\":\"creator\",\"entity_id\":\"" + w.creator() + "\"}")
                .post(post).then().statusCode(201).extract().path("data.id");
        as(w.org()).contentType("application/json")
                .body("{\"date\":\"2026-03-04\",\"title\":\"Not mine\",\"entity_type\":\"creator\",\"entity_id\":\"" + other + "\"}")
                .post(post).then().statusCode(201);
        as(w.org()).contentType("application/json").body("{\"date\":\"2026-04-01\",\"title\":\"Later\"}").post(post).then().statusCode(201);
        String url = "/api/v1/analytics?entity=creator&entity_id=" + w.creator() + "&metric=views&from=2026-03-01&to=2026-03-12&tz=UTC";
        as(w.org()).get(url).then().statusCode(200)
                .body("data.annotations.id", contains(own, orgWide))
                .body("data.annotations[0].kind", equalTo("launch"));
        String added = as(w.org()).contentType("application/json").body("{\"date\":\"2026-03-01\",\"title\":\"Added\"}").post(post)
                .then().statusCode(201).extract().path("data.id");
        as(w.org()).get(url).then().statusCode(200)
                .body("meta.cached", equalTo(true))
                .body("data.annotations.id", contains(added, own, orgWide));
    }

    @Test
    void foreignAndUnknownIdsAre404() {
        var w = world("starter");
        var other = fx.org("starter");
        for (String q : List.of("entity=creator&entity_id=" + w.creator(), "entity=video&entity_id=" + w.video(),
                "entity=campaign&entity_id=" + w.campaign(), "entity=project&entity_id=" + w.project())) {
            as(other).get("/api/v1/analytics?metric=views&" + q).then().statusCode(404)
                    .body(equalTo("{\"data\":null,\"error\":\"Not found\",\"meta\":{\"code\":\"not_found\"}}"));
        }
        as(w.org()).get("/api/v1/analytics?metric=views&entity=creator&entity_id=" + w.creator() + "," + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void everyErrorOfTheTable() {
        var w = world("starter");
        String c = "entity=creator&entity_id=" + w.creator();
        String k = "entity=campaign&entity_id=" + w.campaign();
        String v = "entity=video&entity_id=" + w.video();
        String ids = w.creator() + "," + UUID.randomUUID() + "," + UUID.randomUUID() + "," + UUID.randomUUID() + "," + UUID.randomUUID();
        String[][] cases = {
                {"metric=views", "invalid_query", "entity"},
                {"entity=channel&entity_id=" + w.creator() + "&metric=views", "invalid_query", "entity"},
                {"entity=creator&metric=views", "invalid_query", "entity_id"},
                {"entity=creator&entity_id=nope&metric=views", "invalid_params", "entity_id"},
                {"entity=creator&entity_id=" + ids + "," + UUID.randomUUID() + "&metric=views", "invalid_query", "entity_id"},
                {"entity=creator&entity_id=" + w.creator() + "," + w.creator() + "&metric=views", "invalid_query", "entity_id"},
                {c, "invalid_query", "metric"},
                {c + "&metric=reach", "invalid_query", "metric"},
                {c + "&metric=views&mode=total", "invalid_query", "mode"},
                {c + "&metric=views&mode=rate", "invalid_query", "mode"},
                {c + "&metric=posts_per_week&mode=new", "invalid_query", "mode"},
                {c + "&metric=views&granularity=year", "invalid_query", "granularity"},
                {c + "&metric=views&from=2026-02-30", "invalid_query", "from"},
                {c + "&metric=views&to=yesterday", "invalid_query", "to"},
                {c + "&metric=views&tz=Mars/Olympus", "invalid_query", "tz"},
                {c + "&metric=views&from=2025-01-01&to=2026-03-01", "invalid_query", "from"},
                {c + "&metric=views&granularity=week&from=2020-01-01&to=2026-03-01", "invalid_query", "from"},
                {c + "&metric=views&from=2026-03-05&to=2026-03-01", "invalid_query", "from"},
                {c + "&metric=growth_rate_pop", "invalid_query", "base_metric"},
                {c + "&metric=growth_rate_pop&base_metric=reach", "invalid_query", "base_metric"},
                {k + "&metric=growth_rate_pop&base_metric=followers", "invalid_query", "base_metric"},
                {c + "&metric=views&compare=last_year", "invalid_query", "compare"},
                {k + "&metric=views&breakdown=creator", "invalid_query", "breakdown"},
                {c + "&metric=views&breakdown=video", "invalid_query", "breakdown"},
                {k + "&metric=followers&breakdown=video", "invalid_query", "breakdown"},
                {c + "&metric=views&format=xml", "invalid_query", "format"},
                {v + "&metric=followers", "invalid_query", "metric"},
                {v + "&metric=posts", "invalid_query", "metric"},
                {v + "&metric=posts_per_week", "invalid_query", "metric"},
        };
        for (String[] e : cases) {
            String message = e[1].equals("invalid_params") ? "Invalid parameter: " : "Invalid query parameter: ";
            as(w.org()).get("/api/v1/analytics?" + e[0]).then().statusCode(400)
                    .body(equalTo("{\"data\":null,\"error\":\"" + message + e[2] + "\",\"meta\":{\"code\":\"" + e[1] + "\",\"param\":\"" + e[2] + "\"}}"));
        }
    }
}
