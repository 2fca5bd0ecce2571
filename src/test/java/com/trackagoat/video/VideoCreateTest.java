package com.trackagoat.video;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class VideoCreateTest extends ApiTest {

    static final String ID = "7612286648732826701";   // upper 32 bits: 2026-02-27T…

    String body(String url) {
        return "{\"url\":\"" + url + "\"}";
    }

    @Test
    void addsAVideoByUrlWithItsBaseline() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var creator = fx.creator(org.id(), p, "chef.maria", "active");
        var res = as(org).contentType("application/json")
                .body("{\"url\":\"https://m.tiktok.com/@Chef.Maria/video/" + ID + "?is_from_webapp=1\",\"readme\":\"Paid\",\"metadata\":{\"deal\":\"Q1\"}}")
                .post("/api/v1/projects/" + p + "/videos").then().statusCode(201)
                .body("data.url", equalTo("https://www.tiktok.com/@chef.maria/video/" + ID))
                .body("data.tiktok_video_id", equalTo(ID))
                .body("data.creator_id", equalTo(creator.toString()))
                .body("data.tracking_status", equalTo("direct_add"))
                .body("data.readme", equalTo("Paid"))
                .body("data.metadata.deal", equalTo("Q1"))
                .body("data.posted_at", equalTo(Instant.ofEpochSecond(Long.parseUnsignedLong(ID) >>> 32).toString()))
                .extract();
        UUID id = UUID.fromString(res.path("data.id"));
        assertEquals(1, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1 AND baseline_reason = 'video_added' AND source = 'initial'", id));
        as(org).contentType("application/json").body(body("https://www.tiktok.com/@x/video/" + ID)).post("/api/v1/projects/" + p + "/videos")
                .then().statusCode(409).body("meta.code", equalTo("duplicate")).body("error", equalTo("Video is already tracked in this project"));
        as(org).contentType("application/json").body(body("https://www.tiktok.com/@brand/photo/123")).post("/api/v1/projects/" + p + "/videos")
                .then().statusCode(201).body("data.creator_id", nullValue()).body("data.posted_at", nullValue());
    }

    @Test
    void aDeletedVideoIsRestored() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        String id = as(org).contentType("application/json").body(body("https://www.tiktok.com/@a/video/" + ID)).post("/api/v1/projects/" + p + "/videos")
                .then().statusCode(201).extract().path("data.id");
        as(org).delete("/api/v1/videos/" + id).then().statusCode(200);
        fx.sql("UPDATE video_snapshot SET captured_at = captured_at - interval '1 day' WHERE video_id = $1", UUID.fromString(id));
        fx.sql("UPDATE video SET last_scraped_at = last_scraped_at - interval '1 day' WHERE id = $1", UUID.fromString(id));
        as(org).contentType("application/json").body(body("https://www.tiktok.com/@a/video/" + ID)).post("/api/v1/projects/" + p + "/videos")
                .then().statusCode(200).body("data.id", equalTo(id));
        assertEquals(1, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1 AND baseline_reason = 'tracking_resumed'", UUID.fromString(id)));
    }

    @Test
    void validationAndLimits() {
        var org = fx.org("starter");   // 200 tracked videos
        var p = fx.project(org.id(), "P");
        String url = "/api/v1/projects/" + p + "/videos";
        for (String bad : new String[]{"https://www.youtube.com/watch?v=1", "https://www.tiktok.com/@a/video/", "https://www.tiktok.com/@a/video/12x",
                "https://www.tiktok.com/@a/video/" + "1".repeat(26), "ftp://tiktok.com/@a/video/1"}) {
            as(org).contentType("application/json").body(body(bad)).post(url).then().statusCode(400).body("meta.field", equalTo("url"));
        }
        as(org).contentType("application/json").body("{}").post(url).then().statusCode(400).body("error", equalTo("Missing required field: url"));
        var other = fx.project(org.id(), "Other");
        var elsewhere = fx.creator(org.id(), other, "elsewhere", "active");
        as(org).contentType("application/json").body("{\"url\":\"https://www.tiktok.com/@a/video/1\",\"creator_id\":\"" + elsewhere + "\"}")
                .post(url).then().statusCode(400).body("meta.field", equalTo("creator_id"));
        as(org).contentType("application/json").body("{\"url\":\"https://www.tiktok.com/@a/video/1\",\"creator_id\":\"" + UUID.randomUUID() + "\"}")
                .post(url).then().statusCode(404);
        as(fx.org("starter")).contentType("application/json").body(body("https://www.tiktok.com/@a/video/1")).post(url).then().statusCode(404);
        for (int i = 0; i < 200; i++) {
            fx.video(org.id(), p, null, "direct_add");
        }
        String limit = as(org).contentType("application/json").body(body("https://www.tiktok.com/@a/video/99")).post(url)
                .then().statusCode(402).extract().asString();
        assertEquals("{\"data\":null,\"error\":\"Limit reached: max_tracked_videos_per_org\",\"meta\":{\"code\":\"limit_reached\","
                + "\"limitKey\":\"max_tracked_videos_per_org\",\"current\":200,\"max\":200}}", limit);
    }
}
