package com.trackagoat.creator;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CreatorResourceTest extends ApiTest {

    static final List<String> KEYS = List.of("id", "project_id", "tiktok_handle", "display_name", "avatar_url", "description",
            "readme", "metadata", "tracking_mode", "tracking_start_date", "status", "follower_count", "following_count",
            "likes_count", "video_count", "last_scraped_at", "created_at", "updated_at");

    @Test
    void getReturnsTheCreatorObjectInContractOrder() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "chef.maria", "active");
        fx.sql("UPDATE creator SET readme = 'Notes', metadata = '{\"tier\":\"gold\",\"n\":[1,2]}', follower_count = 128400, "
                + "last_scraped_at = '2026-03-15T12:00:00.123456Z' WHERE id = $1", c);
        var res = as(org).get("/api/v1/creators/" + c).then().statusCode(200)
                .body("data.tiktok_handle", equalTo("chef.maria"))
                .body("data.description", equalTo("Notes"))
                .body("data.readme", equalTo("Notes"))
                .body("data.metadata.tier", equalTo("gold"))
                .body("data.metadata.n", contains(1, 2))
                .body("data.follower_count", equalTo(128400))
                .body("data.following_count", nullValue())
                .body("data.last_scraped_at", equalTo("2026-03-15T12:00:00Z"))
                .body("data.tracking_start_date", equalTo("2026-01-01"))
                .body("meta", nullValue())
                .extract();
        assertEquals(KEYS, List.copyOf(((java.util.Map<String, Object>) res.path("data")).keySet()));
    }

    @Test
    void listShowsActiveAndDisabledButNotRemovedCreatorsAndFiltersByProject() {
        var org = fx.org("starter");
        var p1 = fx.project(org.id(), "P1");
        var p2 = fx.project(org.id(), "P2");
        var a = fx.creator(org.id(), p1, "alpha", "active");
        var d = fx.creator(org.id(), p1, "delta", "disabled");
        fx.creator(org.id(), p1, "gone", "removed");
        var b = fx.creator(org.id(), p2, "bravo", "active");
        as(org).get("/api/v1/creators").then().statusCode(200)
                .body("data.id", contains(b.toString(), d.toString(), a.toString()))
                .body("meta.hasMore", equalTo(false)).body("meta.nextCursor", nullValue());
        as(org).queryParam("project_id", p1.toString()).get("/api/v1/creators").then().statusCode(200)
                .body("data.id", contains(d.toString(), a.toString()));
        as(org).queryParam("project_id", UUID.randomUUID().toString()).get("/api/v1/creators").then().statusCode(200)
                .body("data", hasSize(0));
    }

    @Test
    void searchIsACaseInsensitiveLiteralSubstring() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var x = fx.creator(org.id(), p, "chef_maria", "active");
        var y = fx.creator(org.id(), p, "chefxmaria", "active");
        fx.creator(org.id(), p, "other", "active");
        as(org).queryParam("search", "CHEF").get("/api/v1/creators").then().statusCode(200)
                .body("data.id", containsInAnyOrder(x.toString(), y.toString()));
        as(org).queryParam("search", "f_m").get("/api/v1/creators").then().statusCode(200)
                .body("data.id", contains(x.toString()));
        as(org).queryParam("search", "%").get("/api/v1/creators").then().statusCode(200).body("data", hasSize(0));
        as(org).queryParam("search", "x".repeat(100)).get("/api/v1/creators").then().statusCode(200);
        as(org).queryParam("search", "x".repeat(101)).get("/api/v1/creators").then().statusCode(400)
                .body("meta.code", equalTo("invalid_query")).body("meta.param", equalTo("search"));
    }

    @Test
    void removedUnknownOrForeignCreatorsAre404() {
        var org = fx.org("starter");
        var other = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var removed = fx.creator(org.id(), p, "gone", "removed");
        var mine = fx.creator(org.id(), p, "mine", "active");
        for (Object id : new Object[]{removed, UUID.randomUUID()}) {
            as(org).get("/api/v1/creators/" + id).then().statusCode(404).body("meta.code", equalTo("not_found"));
        }
        as(other).get("/api/v1/creators/" + mine).then().statusCode(404);
        as(other).contentType("application/json").body("{\"readme\":\"x\"}").patch("/api/v1/creators/" + mine).then().statusCode(404);
    }

    @Test
    void patchUpdatesNotesMetadataAndTrackingMode() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "maria", "active");
        as(org).contentType("application/json")
                .body("{\"readme\":\"Focus on cooking.\",\"metadata\":{\"k\":{\"deep\":true}},\"tracking_mode\":\"selective\"}")
                .patch("/api/v1/creators/" + c).then().statusCode(200)
                .body("data.description", equalTo("Focus on cooking."))
                .body("data.readme", equalTo("Focus on cooking."))
                .body("data.metadata.k.deep", equalTo(true))
                .body("data.tracking_mode", equalTo("selective"));
        as(org).get("/api/v1/creators/" + c).then().body("data.metadata.k.deep", equalTo(true)).body("data.tracking_mode", equalTo("selective"));
        as(org).contentType("application/json").body("{\"readme\":null}").patch("/api/v1/creators/" + c).then().statusCode(200)
                .body("data.readme", nullValue()).body("data.metadata.k.deep", equalTo(true));
    }

    @Test
    void patchRejectsWrongTypes() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "maria", "active");
        String url = "/api/v1/creators/" + c;
        for (String[] bad : new String[][]{{"{\"tiktok_handle\": 5}", "tiktok_handle"}, {"{\"tiktok_handle\": null}", "tiktok_handle"},
                {"{\"readme\": 5}", "readme"}, {"{\"metadata\": [1]}", "metadata"}, {"{\"metadata\": null}", "metadata"},
                {"{\"tracking_mode\": \"manual\"}", "tracking_mode"}, {"{\"readme\": \"" + "x".repeat(100_001) + "\"}", "readme"}}) {
            as(org).contentType("application/json").body(bad[0]).patch(url).then().statusCode(400)
                    .body("meta.code", equalTo("invalid_body")).body("meta.field", equalTo(bad[1]))
                    .body("error", equalTo("Invalid field: " + bad[1]));
        }
        as(org).contentType("application/json").body("{\"metadata\": {\"big\": \"" + "x".repeat(17_000) + "\"}}").patch(url)
                .then().statusCode(400).body("meta.field", equalTo("metadata"));
        as(org).contentType("application/json").body("{}").patch(url).then().statusCode(400)
                .body("error", equalTo("At least one updatable field is required"));
    }

    @Test
    void renameChecksTheFourConflictsInOrder() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var other = fx.project(org.id(), "Other");
        var c = fx.creator(org.id(), p, "maria", "active");
        fx.creator(org.id(), p, "taken.one", "disabled");
        fx.creator(org.id(), p, "was.removed", "removed");
        fx.creator(org.id(), other, "elsewhere", "active");
        String url = "/api/v1/creators/" + c;
        String[][] cases = {{"bad handle!", "invalid_handle"}, {"", "invalid_handle"}, {"x".repeat(31), "invalid_handle"},
                {"@Maria", "no_change"}, {"maria", "no_change"}, {"banned.one", "creator_banned"}, {"@BANNED.ONE", "creator_banned"},
                {"Taken.One", "handle_taken"}};
        for (String[] k : cases) {
            String body = as(org).contentType("application/json").body("{\"tiktok_handle\": \"" + k[0] + "\"}").patch(url)
                    .then().statusCode(409).extract().asString();
            assertEquals("{\"data\":null,\"error\":\"" + k[1] + "\",\"meta\":{\"code\":\"" + k[1] + "\"}}", body, k[0]);
        }
        // a removed creator's handle and another project's handle are free
        as(org).contentType("application/json").body("{\"tiktok_handle\": \"@Was.Removed\"}").patch(url).then().statusCode(200)
                .body("data.tiktok_handle", equalTo("was.removed")).body("data.id", equalTo(c.toString()));
        as(org).contentType("application/json").body("{\"tiktok_handle\": \"elsewhere\"}").patch(url).then().statusCode(200)
                .body("data.tiktok_handle", equalTo("elsewhere"));
    }
}
