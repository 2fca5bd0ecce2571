package com.trackagoat.campaign;

import com.trackagoat.support.ApiTest;
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
class CampaignResourceTest extends ApiTest {

    @Test
    void listAndGet() {
        var org = fx.org("starter");
        var p1 = fx.project(org.id(), "P1");
        var p2 = fx.project(org.id(), "P2");
        var a = fx.campaign(org.id(), p1, "A");
        var b = fx.campaign(org.id(), p2, "B");
        as(org).get("/api/v1/campaigns").then().statusCode(200).body("data.id", contains(b.toString(), a.toString()));
        as(org).queryParam("project_id", p1.toString()).get("/api/v1/campaigns").then().body("data.id", contains(a.toString()));
        var res = as(org).get("/api/v1/campaigns/" + a).then().statusCode(200)
                .body("data.name", equalTo("A")).body("data.metadata", equalTo(Map.of()))
                .body("data.target_views", nullValue()).body("data.target_at", nullValue()).extract();
        assertEquals(List.of("id", "project_id", "name", "description", "readme", "metadata", "target_views", "target_at",
                "created_at", "updated_at"), List.copyOf(((Map<String, Object>) res.path("data")).keySet()));
        as(org).get("/api/v1/campaigns/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void patchNormalizesTargetAtToUtcAndClearsWithNull() {
        var org = fx.org("starter");
        var c = fx.campaign(org.id(), fx.project(org.id(), "P"), "Summer");
        String url = "/api/v1/campaigns/" + c;
        as(org).contentType("application/json")
                .body("{\"name\":\"  Summer Drop Campaign \",\"readme\":\"Exclude off-topic videos.\",\"target_views\":1000000,"
                        + "\"target_at\":\"2026-07-01T00:00:00+02:00\",\"metadata\":{\"brand\":\"Product X\"}}")
                .patch(url).then().statusCode(200)
                .body("data.name", equalTo("Summer Drop Campaign"))
                .body("data.description", equalTo("Exclude off-topic videos."))
                .body("data.target_views", equalTo(1000000))
                .body("data.target_at", equalTo("2026-06-30T22:00:00Z"))
                .body("data.metadata.brand", equalTo("Product X"));
        as(org).contentType("application/json").body("{\"target_views\":null,\"target_at\":null}").patch(url).then().statusCode(200)
                .body("data.target_views", nullValue()).body("data.target_at", nullValue()).body("data.name", equalTo("Summer Drop Campaign"));
    }

    @Test
    void patchValidatesFields() {
        var org = fx.org("starter");
        var c = fx.campaign(org.id(), fx.project(org.id(), "P"), "C");
        String url = "/api/v1/campaigns/" + c;
        String[][] cases = {{"{\"target_views\":-1}", "target_views"}, {"{\"target_views\":1.5}", "target_views"},
                {"{\"target_views\":1e3}", "target_views"}, {"{\"target_views\":\"5\"}", "target_views"},
                {"{\"target_at\":\"2026-07-01\"}", "target_at"}, {"{\"target_at\":\"2026-07-01T00:00:00\"}", "target_at"},
                {"{\"target_at\":5}", "target_at"}, {"{\"name\":\"" + "n".repeat(201) + "\"}", "name"}, {"{\"name\":null}", "name"}};
        for (String[] k : cases) {
            as(org).contentType("application/json").body(k[0]).patch(url).then().statusCode(400)
                    .body("meta.code", equalTo("invalid_body")).body("meta.field", equalTo(k[1]));
        }
        as(org).contentType("application/json").body("{\"target_views\":0}").patch(url).then().statusCode(200).body("data.target_views", equalTo(0));
        as(org).contentType("application/json").body("{\"target_at\":\"2026-07-01T00:00:00.5Z\"}").patch(url).then().statusCode(200)
                .body("data.target_at", equalTo("2026-07-01T00:00:00Z"));
        as(org).contentType("application/json").body("{\"nope\":1}").patch(url).then().statusCode(400)
                .body("error", equalTo("At least one updatable field is required"));
    }

    @Test
    void foreignCampaignsAreInvisible() {
        var org = fx.org("starter");
        var other = fx.org("starter");
        var c = fx.campaign(org.id(), fx.project(org.id(), "P"), "C");
        as(other).get("/api/v1/campaigns/" + c).then().statusCode(404);
        as(other).contentType("application/json").body("{\"name\":\"x\"}").patch("/api/v1/campaigns/" + c).then().statusCode(404);
        as(other).get("/api/v1/campaigns").then().body("data", hasSize(0));
    }
}
