package com.trackagoat.project;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ProjectResourceTest extends ApiTest {

    @Test
    void getsOwnProject() {
        var org = fx.org("starter");
        var id = fx.project(org.id(), "Alpha");
        as(org).get("/api/v1/projects/" + id).then().statusCode(200)
                .body("data.id", equalTo(id.toString()))
                .body("data.org_id", equalTo(org.id().toString()))
                .body("data.name", equalTo("Alpha"))
                .body("data.description", nullValue())
                .body("data.created_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"))
                .body("error", nullValue())
                .body("meta", nullValue());
        as(org).get("/api/v1/projects/" + UUID.randomUUID()).then().statusCode(404).body("meta.code", equalTo("not_found"));
    }

    @Test
    void listsNewestFirst() {
        var org = fx.org("starter");
        var a = fx.project(org.id(), "A");
        var b = fx.project(org.id(), "B");
        as(org).get("/api/v1/projects").then().statusCode(200)
                .body("data.id", contains(b.toString(), a.toString()))
                .body("meta.hasMore", equalTo(false)).body("meta.nextCursor", nullValue());
    }

    @Test
    void patchRenamesAndWritesNotes() {
        var org = fx.org("starter");
        var id = fx.project(org.id(), "Always-On Ambassadors");
        String before = as(org).get("/api/v1/projects/" + id).then().extract().path("data.updated_at");
        as(org).contentType("application/json").body("{\"name\":\"Ambassadors 2026\",\"readme\":\"Renamed for 2026.\"}")
                .patch("/api/v1/projects/" + id).then().statusCode(200)
                .body("data.name", equalTo("Ambassadors 2026"))
                .body("data.description", equalTo("Renamed for 2026."))
                .body("data.readme", equalTo("Renamed for 2026."))
                .body("data.updated_at", not(equalTo(before)));
        as(org).contentType("application/json").body("{\"readme\":null}").patch("/api/v1/projects/" + id).then().statusCode(200)
                .body("data.readme", nullValue()).body("data.name", equalTo("Ambassadors 2026"));
    }
}
