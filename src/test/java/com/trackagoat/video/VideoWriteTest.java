package com.trackagoat.video;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class VideoWriteTest extends ApiTest {

    @Test
    void deleteIsASoftDeleteThatLeavesCampaigns() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var v = fx.video(org.id(), p, null, "direct_add");
        var c = fx.campaign(org.id(), p, "C");
        fx.campaignItem(org.id(), p, c, "video", v);
        as(fx.org("starter")).delete("/api/v1/videos/" + v).then().statusCode(404);
        as(org).delete("/api/v1/videos/" + v).then().statusCode(200).body("data.id", equalTo(v.toString())).body("data.deleted", equalTo(true));
        as(org).get("/api/v1/videos/" + v).then().statusCode(404);
        as(org).delete("/api/v1/videos/" + v).then().statusCode(404);
        assertEquals(1, fx.count("SELECT count(*) FROM video WHERE id = $1 AND deleted_at IS NOT NULL", v), "tombstone kept");
        as(org).get("/api/v1/campaigns/" + c + "/items").then().body("data", hasSize(0));
    }

    @Test
    void trackingDisableAndEnableAreIdempotent() {
        var org = fx.org("starter");
        var v = fx.video(org.id(), fx.project(org.id(), "P"), null, "direct_add");
        for (int i = 0; i < 2; i++) {
            as(org).post("/api/v1/videos/" + v + "/tracking-disable").then().statusCode(200)
                    .body("data.tracking_disabled", equalTo(true)).body("data.id", equalTo(v.toString()));
        }
        assertEquals(0, fx.count("SELECT count(*) FROM video WHERE id = $1 AND resume_baseline", v));
        for (int i = 0; i < 2; i++) {
            as(org).post("/api/v1/videos/" + v + "/tracking-enable").then().statusCode(200).body("data.tracking_disabled", equalTo(false));
        }
        assertEquals(1, fx.count("SELECT count(*) FROM video WHERE id = $1 AND resume_baseline", v), "the next snapshot is a tracking_resumed baseline");
        as(org).post("/api/v1/videos/" + UUID.randomUUID() + "/tracking-disable").then().statusCode(404);
        as(fx.newKey(org.id(), "read")).post("/api/v1/videos/" + v + "/tracking-disable").then().statusCode(403);
    }

    @Test
    void bulkTrackingDisable() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var a = fx.video(org.id(), p, null, "direct_add");
        var b = fx.video(org.id(), p, null, "direct_add");
        fx.sql("UPDATE video SET tracking_disabled = true WHERE id = $1", b);
        var elsewhere = fx.video(org.id(), fx.project(org.id(), "Q"), null, "direct_add");
        UUID unknown = UUID.randomUUID();
        String url = "/api/v1/projects/" + p + "/videos/bulk-tracking-disable";
        as(org).contentType("application/json").body("{\"video_ids\":[\"" + a + "\",\"" + b + "\",\"" + elsewhere + "\",\"" + unknown + "\"]}")
                .post(url).then().statusCode(200)
                .body("data.disabled", contains(a.toString(), b.toString()))
                .body("data.errors.video_id", contains(elsewhere.toString(), unknown.toString()))
                .body("data.errors[0].code", equalTo("not_found")).body("data.errors[0].error", equalTo("Not found"));
        assertEquals(1, fx.count("SELECT count(*) FROM video WHERE id = $1 AND tracking_disabled", a));
        for (String bad : new String[]{"{}", "{\"video_ids\":[]}", "{\"video_ids\":[\"x\"]}", "{\"video_ids\":\"" + a + "\"}"}) {
            as(org).contentType("application/json").body(bad).post(url).then().statusCode(400).body("meta.code", equalTo("invalid_body"));
        }
        as(fx.org("starter")).contentType("application/json").body("{\"video_ids\":[\"" + a + "\"]}").post(url).then().statusCode(404);
    }
}
