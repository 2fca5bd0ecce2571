package com.trackagoat.creator;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CreatorBulkTest extends ApiTest {

    String ids(UUID... ids) {
        StringBuilder b = new StringBuilder("{\"creator_ids\":[");
        for (int i = 0; i < ids.length; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(ids[i]).append('"');
        }
        return b.append("]}").toString();
    }

    @Test
    void removeAndReenable() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var a = fx.creator(org.id(), p, "a", "active");
        var d = fx.creator(org.id(), p, "d", "disabled");
        var r = fx.creator(org.id(), p, "r", "removed");
        var elsewhere = fx.creator(org.id(), fx.project(org.id(), "Q"), "e", "active");
        UUID unknown = UUID.randomUUID();
        as(org).contentType("application/json").body(ids(a, d, r, elsewhere, unknown)).post("/api/v1/projects/" + p + "/creators/bulk-remove")
                .then().statusCode(200)
                .body("data.removed", contains(a.toString(), d.toString()))
                .body("data.errors.creator_id", contains(r.toString(), elsewhere.toString(), unknown.toString()))
                .body("data.errors.code", contains("no_change", "not_found", "not_found"))
                .body("data.errors.error", contains("no_change", "Not found", "Not found"));
        // a's handle is taken meanwhile by a new creator
        fx.creator(org.id(), p, "a", "active");
        var banned = fx.creator(org.id(), p, "banned.two", "disabled");
        var active = fx.creator(org.id(), p, "still", "active");
        as(org).contentType("application/json").body(ids(a, d, r, banned, active)).post("/api/v1/projects/" + p + "/creators/bulk-reenable")
                .then().statusCode(200)
                .body("data.reenabled", contains(d.toString(), r.toString()))
                .body("data.errors.creator_id", contains(a.toString(), banned.toString(), active.toString()))
                .body("data.errors.code", contains("handle_taken", "creator_banned", "no_change"));
        assertEquals(2, fx.count("SELECT count(*) FROM creator WHERE id = ANY($1) AND status = 'active' AND resume_baseline", (Object) new UUID[]{d, r}));
    }

    @Test
    void reenablingCountsAgainstTheCap() {
        var org = fx.org("starter");   // 50
        var p = fx.project(org.id(), "P");
        for (int i = 0; i < 49; i++) {
            fx.creator(org.id(), p, "c" + i, "active");
        }
        var x = fx.creator(org.id(), p, "x", "removed");
        var y = fx.creator(org.id(), p, "y", "removed");
        as(org).contentType("application/json").body(ids(x, y)).post("/api/v1/projects/" + p + "/creators/bulk-reenable").then().statusCode(200)
                .body("data.reenabled", contains(x.toString()))
                .body("data.errors[0].code", equalTo("limit_reached"))
                .body("data.errors[0].error", equalTo("Limit reached: max_creators_per_org"));
    }

    @Test
    void validation() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        for (String bad : new String[]{"{}", "{\"creator_ids\":[]}", "{\"creator_ids\":[\"nope\"]}"}) {
            as(org).contentType("application/json").body(bad).post("/api/v1/projects/" + p + "/creators/bulk-remove").then().statusCode(400)
                    .body("meta.code", equalTo("invalid_body"));
        }
        as(fx.org("starter")).contentType("application/json").body(ids(UUID.randomUUID())).post("/api/v1/projects/" + p + "/creators/bulk-remove")
                .then().statusCode(404);
    }
}
