package com.trackagoat;

import com.trackagoat.support.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.trackagoat.PackagedAppIT.DEMO;
import static com.trackagoat.PackagedAppIT.as;
import static com.trackagoat.PackagedAppIT.json;
import static com.trackagoat.PackagedAppIT.newOrganization;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box tests of the three stats endpoints (legacy shapes, cohort, derived metrics, caching,
 * parameter errors) against the packaged application, on entities the test creates itself (their
 * initial scrape and baseline are the only snapshots) and, read only, on the demo organization's
 * backfilled history.
 */
@QuarkusIntegrationTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@TestProfile(PackagedAppIT.Demo.class)
class StatsIT {

    record Setup(String key, String project, String creator, String video, String campaign) {
    }

    static Setup setUp() {
        String key = newOrganization("ultra");
        String project = json(key, "{\"name\":\"Stats\"}").post("/api/v1/projects").then().statusCode(201).extract().path("data.id");
        String creator = json(key, "{\"tiktok_handle\":\"stats.creator\"}").post("/api/v1/projects/" + project + "/creators")
                .then().statusCode(201).extract().path("data.id");
        String video = json(key, "{\"url\":\"https://www.tiktok.com/@stats.creator/video/" + WriteApiIT.VIDEO_ID + "\"}")
                .post("/api/v1/projects/" + project + "/videos").then().statusCode(201).extract().path("data.id");
        String campaign = json(key, "{\"name\":\"Stats campaign\",\"target_views\":1000}").post("/api/v1/projects/" + project + "/campaigns")
                .then().statusCode(201).extract().path("data.id");
        json(key, WriteApiIT.item("video", video)).post("/api/v1/campaigns/" + campaign + "/items").then().statusCode(201);
        json(key, WriteApiIT.item("creator", creator)).post("/api/v1/campaigns/" + campaign + "/items").then().statusCode(201);
        return new Setup(key, project, creator, video, campaign);
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    void videoStatsLegacyCohortAndDerived() {
        Setup s = setUp();
        int views = as(s.key()).get("/api/v1/videos/" + s.video()).then().statusCode(200).extract().path("data.view_count");
        String url = "/api/v1/videos/" + s.video() + "/stats";
        var legacy = as(s.key()).get(url).then().statusCode(200)
                .body("data.video_id", equalTo(s.video())).body("data.timezone", equalTo("UTC"))
                .body("data.to", equalTo(today()))
                // per-day arrays start at the first data (the baseline taken today); derived points do not
                .body("data.history", hasSize(1))
                .body("data.history[0].date", equalTo(today())).body("data.history[0].view_count", equalTo(views))
                .body("data.baselines.reason", contains("video_added")).body("data.baselines[0].entity_id", equalTo(s.video()))
                .body("data.first_data_date", equalTo(today())).body("data", not(hasKey("cohort")))
                .body("data.velocity", notNullValue()).body("error", nullValue()).body("meta.cached", equalTo(false))
                .extract().asString();
        // the same request again is answered from the cache, with the same data
        String cached = as(s.key()).get(url).then().statusCode(200).body("meta.cached", equalTo(true)).extract().asString();
        assertEquals(legacy.replace("\"cached\":false", "\"cached\":true"), cached);

        as(s.key()).get(url + "?cohort=1&tz=Europe/Berlin").then().statusCode(200)
                .body("data.timezone", equalTo("Europe/Berlin"))
                .body("data.cohort.creator_avg", notNullValue()).body("data.cohort.org_avg", notNullValue());
        as(s.key()).get(url + "?metric=engagement_rate_by_views").then().statusCode(200)
                .body("data.series", hasSize(1)).body("data.series[0].metric", equalTo("engagement_rate_by_views"))
                .body("data.series[0].unit", equalTo("percent")).body("data.series[0].mode", equalTo("rate"))
                .body("data.series[0].granularity", equalTo("day")).body("data.series[0].points", hasSize(30))
                .body("data.series[0].points[29].bucket_start", equalTo(today())).body("data.first_data_date", equalTo(today()));
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(6).toString();
        as(s.key()).get(url + "?metric=growth_rate_pop&base_metric=views&from=" + from + "&to=" + today()).then().statusCode(200)
                .body("data.series[0].points", hasSize(7)).body("data.series[0].points[0].value", nullValue());
    }

    @Test
    void creatorAndCampaignStats() {
        Setup s = setUp();
        as(s.key()).get("/api/v1/creators/" + s.creator() + "/stats").then().statusCode(200)
                .body("data.creator_id", equalTo(s.creator())).body("data.history", hasSize(1))
                .body("data.history[0].date", equalTo(today())).body("data.history[0].follower_count", notNullValue())
                .body("data.history[0].posts", notNullValue()).body("data.first_data_date", equalTo(today()))
                .body("meta.cached", equalTo(false));
        as(s.key()).get("/api/v1/creators/" + s.creator() + "/stats?metric=posts_per_week").then().statusCode(200)
                .body("data.series[0].unit", equalTo("count")).body("data.series[0].points.value", everyItem(notNullValue()));
        as(s.key()).get("/api/v1/creators/" + s.creator() + "/stats?metric=growth_rate_pop&base_metric=followers").then().statusCode(200)
                .body("data.series[0].metric", equalTo("growth_rate_pop"));

        var campaign = as(s.key()).get("/api/v1/campaigns/" + s.campaign() + "/stats").then().statusCode(200)
                .body("data.campaign_id", equalTo(s.campaign())).body("data.target_views", equalTo(1000))
                .body("data.totals.videos", greaterThan(0)).body("data.totals.creators", equalTo(1))
                .body("data.history", hasSize(1)).body("data.history[0].date", equalTo(today()))
                .extract();
        Number views = campaign.path("data.totals.views");
        Number progress = campaign.path("data.progress_pct");
        assertEquals(Math.round(views.doubleValue() * 100 / 1000 * 100) / 100.0, progress.doubleValue(), 0.001);
        as(s.key()).get("/api/v1/campaigns/" + s.campaign() + "/stats?metric=engagement_rate_by_followers").then().statusCode(200)
                .body("data.series[0].metric", equalTo("engagement_rate_by_followers")).body("data.series[0].points", hasSize(30));
    }

    @Test
    void statsParameterErrors() {
        Setup s = setUp();
        String video = "/api/v1/videos/" + s.video() + "/stats";
        Map<String, String> cases = Map.of(
                "?tz=Mars/Base", "tz", "?from=2026-02-30", "from", "?cohort=maybe", "cohort", "?granularity=week", "granularity",
                "?metric=posts_per_week", "metric", "?metric=growth_rate_pop", "base_metric",
                "?from=" + today() + "&to=" + LocalDate.now(ZoneOffset.UTC).minusDays(1), "from");
        cases.forEach((query, param) -> as(s.key()).get(video + query).then().statusCode(400)
                .body("data", nullValue()).body("error", equalTo("Invalid query parameter: " + param))
                .body("meta.code", equalTo("invalid_query")).body("meta.param", equalTo(param)));
        as(s.key()).get("/api/v1/creators/" + UUID.randomUUID() + "/stats").then().statusCode(404).body("meta.code", equalTo("not_found"));
        as(s.key()).get("/api/v1/campaigns/not-a-uuid/stats").then().statusCode(400).body("meta.code", equalTo("invalid_params"));
        // another organization's entities are not found
        as(DEMO).get(video).then().statusCode(404);
    }

    @Test
    void demoHistoryHasVelocityAndCohorts() {
        List<Map<String, Object>> videos = as(DEMO).get("/api/v1/videos?limit=100").then().statusCode(200).extract().path("data");
        Map<String, Object> withCreator = videos.stream().filter(v -> v.get("creator_id") != null && v.get("posted_at") != null)
                .findFirst().orElseThrow();
        as(DEMO).get("/api/v1/videos/" + withCreator.get("id") + "/stats?cohort=true").then().statusCode(200)
                .body("data.history", not(empty())).body("data.history[-1].date", equalTo(today())).body("data.cohort", hasKey("creator_avg")).body("data.cohort", hasKey("org_avg"));
        List<Map<String, Object>> campaigns = as(DEMO).get("/api/v1/campaigns").then().statusCode(200).extract().path("data");
        assertTrue(campaigns.size() >= 3, "demo campaigns: " + campaigns.size());
        as(DEMO).get("/api/v1/campaigns/" + campaigns.get(0).get("id") + "/stats").then().statusCode(200)
                .body("data.totals", hasKey("views")).body("data.history", not(empty())).body("meta.cached", notNullValue());
    }
}
