package com.trackagoat.video;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class VideoResourceTest extends ApiTest {

    static final List<String> KEYS = List.of("id", "project_id", "creator_id", "tiktok_video_id", "url", "title", "description",
            "readme", "metadata", "thumbnail_url", "view_count", "like_count", "comment_count", "share_count", "save_count",
            "tracking_status", "tracking_disabled", "posted_at", "last_scraped_at", "created_at", "updated_at");

    @Test
    void getReturnsTheVideoObjectInContractOrder() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var v = fx.video(org.id(), p, null, "direct_add");
        fx.sql("UPDATE video SET view_count = 1520, like_count = 131, tracking_disabled = true, posted_at = '2026-03-10T16:30:00Z', "
                + "metadata = '{\"deal\":\"Q1-17\"}', readme = 'Paid repost.' WHERE id = $1", v);
        var res = as(org).get("/api/v1/videos/" + v).then().statusCode(200)
                .body("data.creator_id", nullValue())
                .body("data.view_count", equalTo(1520))
                .body("data.save_count", equalTo(0))
                .body("data.tracking_status", equalTo("direct_add"))
                .body("data.tracking_disabled", equalTo(true))
                .body("data.posted_at", equalTo("2026-03-10T16:30:00Z"))
                .body("data.metadata.deal", equalTo("Q1-17"))
                .body("data.description", equalTo("Paid repost."))
                .body("data.last_scraped_at", nullValue())
                .extract();
        assertEquals(KEYS, List.copyOf(((Map<String, Object>) res.path("data")).keySet()));
    }

    @Test
    void listOnlyShowsVisibleVideosAndFilters() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var p2 = fx.project(org.id(), "P2");
        var active = fx.creator(org.id(), p, "active", "active");
        var removed = fx.creator(org.id(), p, "removed", "removed");
        var disabled = fx.creator(org.id(), p, "disabled", "disabled");
        var auto = fx.video(org.id(), p, active, "auto_tracked");
        var pending = fx.video(org.id(), p, active, "pending_review");
        fx.video(org.id(), p, active, "excluded");
        var deleted = fx.video(org.id(), p, active, "included");
        fx.sql("UPDATE video SET deleted_at = now() WHERE id = $1", deleted);
        fx.video(org.id(), p, removed, "auto_tracked");
        var ofDisabled = fx.video(org.id(), p, disabled, "included");
        var trackingOff = fx.video(org.id(), p, active, "auto_tracked");
        fx.sql("UPDATE video SET tracking_disabled = true WHERE id = $1", trackingOff);
        var direct = fx.video(org.id(), p2, null, "direct_add");

        as(org).get("/api/v1/videos").then().statusCode(200)
                .body("data.id", contains(direct.toString(), trackingOff.toString(), ofDisabled.toString(), pending.toString(), auto.toString()));
        as(org).queryParam("project_id", p2.toString()).get("/api/v1/videos").then().body("data.id", contains(direct.toString()));
        as(org).queryParam("creator_id", disabled.toString()).get("/api/v1/videos").then().body("data.id", contains(ofDisabled.toString()));
        as(org).queryParam("creator_id", removed.toString()).get("/api/v1/videos").then().body("data", hasSize(0));
        as(org).queryParam("tracking_status", "pending_review").get("/api/v1/videos").then().body("data.id", contains(pending.toString()));
        for (String bad : new String[]{"excluded", "AUTO_TRACKED", "nope"}) {
            as(org).queryParam("tracking_status", bad).get("/api/v1/videos").then().statusCode(400)
                    .body("meta.code", equalTo("invalid_query")).body("meta.param", equalTo("tracking_status"));
        }
    }

    @Test
    void invisibleVideosAre404() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var removed = fx.creator(org.id(), p, "removed", "removed");
        var excluded = fx.video(org.id(), p, null, "excluded");
        var ofRemoved = fx.video(org.id(), p, removed, "auto_tracked");
        var deleted = fx.video(org.id(), p, null, "direct_add");
        fx.sql("UPDATE video SET deleted_at = now() WHERE id = $1", deleted);
        for (UUID id : new UUID[]{excluded, ofRemoved, deleted, UUID.randomUUID()}) {
            as(org).get("/api/v1/videos/" + id).then().statusCode(404).body("meta.code", equalTo("not_found"));
            as(org).contentType("application/json").body("{\"readme\":\"x\"}").patch("/api/v1/videos/" + id).then().statusCode(404);
        }
    }

    @Test
    void reviewDecisions() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "sel", "active", "selective");
        var pending = fx.video(org.id(), p, c, "pending_review");
        var pending2 = fx.video(org.id(), p, c, "pending_review");
        var auto = fx.video(org.id(), p, c, "auto_tracked");
        var direct = fx.video(org.id(), p, null, "direct_add");
        patch(org, pending, "{\"tracking_status\":\"included\"}").then().statusCode(200).body("data.tracking_status", equalTo("included"));
        patch(org, pending, "{\"tracking_status\":\"included\"}").then().statusCode(200).body("data.tracking_status", equalTo("included"));
        patch(org, pending, "{\"tracking_status\":\"pending_review\"}").then().statusCode(400).body("meta.field", equalTo("tracking_status"));
        patch(org, auto, "{\"tracking_status\":\"included\"}").then().statusCode(400).body("meta.field", equalTo("tracking_status"));
        patch(org, direct, "{\"tracking_status\":\"excluded\"}").then().statusCode(400).body("meta.field", equalTo("tracking_status"));
        patch(org, direct, "{\"tracking_status\":\"direct_add\"}").then().statusCode(200);
        patch(org, pending2, "{\"tracking_status\":\"auto_tracked\"}").then().statusCode(400);
        patch(org, pending2, "{\"tracking_status\":5}").then().statusCode(400).body("error", equalTo("Invalid field: tracking_status"));
        // an excluded video is returned once, then invisible
        patch(org, auto, "{\"tracking_status\":\"excluded\",\"readme\":\"off-topic\"}").then().statusCode(200)
                .body("data.tracking_status", equalTo("excluded")).body("data.readme", equalTo("off-topic"));
        as(org).get("/api/v1/videos/" + auto).then().statusCode(404);
        patch(org, pending2, "{\"metadata\":{\"a\":1}}").then().statusCode(200).body("data.metadata.a", equalTo(1));
    }

    private io.restassured.response.Response patch(Fixtures.Org org, UUID id, String body) {
        return as(org).contentType("application/json").body(body).patch("/api/v1/videos/" + id);
    }
}
