package com.trackagoat.creator;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CreatorWriteTest extends ApiTest {

    @Test
    void deleteRemovesTheCreatorAndHidesItsVideos() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "maria", "active");
        var v = fx.video(org.id(), p, c, "auto_tracked");
        var camp = fx.campaign(org.id(), p, "C");
        fx.campaignItem(org.id(), p, camp, "creator", c);
        as(fx.org("starter")).delete("/api/v1/creators/" + c).then().statusCode(404);
        as(org).delete("/api/v1/creators/" + c).then().statusCode(200).body("data.id", equalTo(c.toString())).body("data.deleted", equalTo(true));
        as(org).get("/api/v1/creators/" + c).then().statusCode(404);
        as(org).get("/api/v1/videos/" + v).then().statusCode(404);
        as(org).get("/api/v1/creators").then().body("data", hasSize(0));
        as(org).delete("/api/v1/creators/" + c).then().statusCode(404);
        assertEquals(1, fx.count("SELECT count(*) FROM campaign_item WHERE item_id = $1", c), "memberships are kept for a reactivation");
        as(org).get("/api/v1/campaigns/" + camp + "/stats").then().statusCode(200).body("data.totals.creators", equalTo(0))
                .body("data.totals.videos", equalTo(0));
        // its handle is free again
        var other = fx.creator(org.id(), p, "other", "active");
        as(org).contentType("application/json").body("{\"tiktok_handle\":\"maria\"}").patch("/api/v1/creators/" + other).then().statusCode(200);
    }
}
