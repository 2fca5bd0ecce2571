package com.trackagoat.campaign;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CampaignWriteTest extends ApiTest {

    String item(String type, UUID id) {
        return "{\"item_type\":\"" + type + "\",\"item_id\":\"" + id + "\"}";
    }

    @Test
    void createInAProject() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        as(org).contentType("application/json").body("{\"name\":\" Summer \",\"target_views\":1000,\"target_at\":\"2026-07-01T00:00:00+02:00\"}")
                .post("/api/v1/projects/" + p + "/campaigns").then().statusCode(201)
                .body("data.project_id", equalTo(p.toString()))
                .body("data.name", equalTo("Summer"))
                .body("data.metadata", equalTo(java.util.Map.of()))
                .body("data.readme", nullValue())
                .body("data.target_at", equalTo("2026-06-30T22:00:00Z"));
        as(org).contentType("application/json").body("{}").post("/api/v1/projects/" + p + "/campaigns").then().statusCode(400)
                .body("error", equalTo("Missing required field: name"));
        as(org).contentType("application/json").body("{\"name\":\"x\"}").post("/api/v1/projects/nope/campaigns").then().statusCode(400)
                .body("meta.param", equalTo("projectId"));
        as(fx.org("starter")).contentType("application/json").body("{\"name\":\"x\"}").post("/api/v1/projects/" + p + "/campaigns")
                .then().statusCode(404);
        String key = fx.newKey(org.id(), "read");
        as(key).contentType("application/json").body("{\"name\":\"x\"}").post("/api/v1/projects/" + p + "/campaigns").then().statusCode(403);
    }

    @Test
    void campaignsPerProjectAreCappedAtomically() throws Exception {
        var org = fx.org("starter");   // 25 per project
        var p = fx.project(org.id(), "P");
        for (int i = 0; i < 20; i++) {
            fx.campaign(org.id(), p, "C" + i);
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> as(org).contentType("application/json").body("{\"name\":\"n\"}")
                        .post("/api/v1/projects/" + p + "/campaigns").then().extract().statusCode()));
            }
            int created = 0;
            for (var f : results) {
                created += f.get() == 201 ? 1 : 0;
            }
            assertEquals(5, created);
        } finally {
            pool.shutdown();
        }
        String body = as(org).contentType("application/json").body("{\"name\":\"n\"}").post("/api/v1/projects/" + p + "/campaigns")
                .then().statusCode(402).extract().asString();
        assertEquals("{\"data\":null,\"error\":\"Limit reached: max_campaigns_per_project\",\"meta\":{\"code\":\"limit_reached\","
                + "\"limitKey\":\"max_campaigns_per_project\",\"current\":25,\"max\":25}}", body);
    }

    @Test
    void itemsAddListRemove() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.campaign(org.id(), p, "C");
        var creator = fx.creator(org.id(), p, "k", "active");
        var video = fx.video(org.id(), p, null, "direct_add");
        var sub = fx.campaign(org.id(), p, "Sub");
        String url = "/api/v1/campaigns/" + c + "/items";
        as(org).contentType("application/json").body(item("creator", creator)).post(url).then().statusCode(201)
                .body("data.campaign_id", equalTo(c.toString())).body("data.item_type", equalTo("creator"))
                .body("data.item_id", equalTo(creator.toString()));
        as(org).contentType("application/json").body(item("video", video)).post(url).then().statusCode(201);
        as(org).contentType("application/json").body(item("campaign", sub)).post(url).then().statusCode(201);
        as(org).get(url).then().statusCode(200).body("data.item_id", contains(sub.toString(), video.toString(), creator.toString()));
        as(org).get(url + "?limit=2").then().body("data", hasSize(2)).body("meta.hasMore", equalTo(true));
        as(org).contentType("application/json").body(item("creator", creator)).post(url).then().statusCode(409)
                .body("meta.code", equalTo("duplicate")).body("error", equalTo("Item is already in this campaign"));
        as(org).delete(url + "?item_type=video&item_id=" + video).then().statusCode(200)
                .body("data.item_type", equalTo("video")).body("data.deleted", equalTo(true));
        as(org).delete(url + "?item_type=video&item_id=" + video).then().statusCode(404);
        as(org).delete(url + "?item_type=thing&item_id=" + video).then().statusCode(400).body("meta.param", equalTo("item_type"));
        as(org).delete(url + "?item_type=video").then().statusCode(400).body("meta.param", equalTo("item_id"));
        as(org).delete(url + "?item_type=video&item_id=xyz").then().statusCode(400).body("meta.code", equalTo("invalid_params"));
    }

    @Test
    void itemRules() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var other = fx.project(org.id(), "Other");
        var c = fx.campaign(org.id(), p, "C");
        String url = "/api/v1/campaigns/" + c + "/items";
        var removed = fx.creator(org.id(), p, "gone", "removed");
        var excluded = fx.video(org.id(), p, null, "excluded");
        var foreign = fx.org("starter");
        var foreignCreator = fx.creator(foreign.id(), fx.project(foreign.id(), "F"), "f", "active");
        for (String body : new String[]{item("creator", removed), item("video", excluded), item("creator", foreignCreator),
                item("campaign", UUID.randomUUID())}) {
            as(org).contentType("application/json").body(body).post(url).then().statusCode(404);
        }
        as(org).contentType("application/json").body(item("creator", fx.creator(org.id(), other, "o", "active"))).post(url)
                .then().statusCode(400).body("meta.field", equalTo("item_id"));
        as(org).contentType("application/json").body("{\"item_type\":\"team\",\"item_id\":\"" + UUID.randomUUID() + "\"}").post(url)
                .then().statusCode(400).body("meta.field", equalTo("item_type"));
        as(org).contentType("application/json").body("{\"item_type\":\"video\",\"item_id\":\"nope\"}").post(url)
                .then().statusCode(400).body("meta.field", equalTo("item_id"));
    }

    @Test
    void cyclesAreRefusedAcrossTheTree() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var a = fx.campaign(org.id(), p, "A");
        var b = fx.campaign(org.id(), p, "B");
        var c = fx.campaign(org.id(), p, "C");
        as(org).contentType("application/json").body(item("campaign", b)).post("/api/v1/campaigns/" + a + "/items").then().statusCode(201);
        as(org).contentType("application/json").body(item("campaign", c)).post("/api/v1/campaigns/" + b + "/items").then().statusCode(201);
        for (UUID target : new UUID[]{a, b, c}) {
            String body = as(org).contentType("application/json").body(item("campaign", a)).post("/api/v1/campaigns/" + target + "/items")
                    .then().statusCode(409).extract().asString();
            assertEquals("{\"data\":null,\"error\":\"Adding this campaign would create a cycle\",\"meta\":{\"code\":\"cycle_detected\"}}", body);
        }
    }

    @Test
    void deleteRemovesTheCampaignAndItsMemberships() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var parent = fx.campaign(org.id(), p, "Parent");
        var c = fx.campaign(org.id(), p, "C");
        fx.campaignItem(org.id(), p, parent, "campaign", c);
        fx.campaignItem(org.id(), p, c, "creator", fx.creator(org.id(), p, "k", "active"));
        as(fx.org("starter")).delete("/api/v1/campaigns/" + c).then().statusCode(404);
        as(org).delete("/api/v1/campaigns/" + c).then().statusCode(200).body("data.id", equalTo(c.toString())).body("data.deleted", equalTo(true));
        as(org).get("/api/v1/campaigns/" + c).then().statusCode(404);
        as(org).delete("/api/v1/campaigns/" + c).then().statusCode(404);
        assertEquals(0, fx.count("SELECT count(*) FROM campaign_item WHERE campaign_id = $1 OR item_id = $1", c));
        as(org).get("/api/v1/campaigns/" + parent + "/items").then().body("data", hasSize(0));
    }
}
