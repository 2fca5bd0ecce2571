package com.trackagoat.api;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PaginationTest extends ApiTest {

    @Test
    void walksAllPagesNewestFirstWithoutDuplicatesOrGapsWhileRowsAreInserted() {
        var org = fx.org("ultra");
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(fx.project(org.id(), "P" + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = as(org).queryParam("limit", 3);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var res = req.get("/api/v1/projects").then().statusCode(200).extract();
            seen.addAll(res.path("data.id"));
            boolean hasMore = res.path("meta.hasMore");
            cursor = res.path("meta.nextCursor");
            assertEquals(hasMore, cursor != null, "nextCursor is null exactly when hasMore is false");
            fx.project(org.id(), "inserted while paging " + pages);   // newer rows appear only before the first page
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        List<String> expected = new ArrayList<>(created.stream().map(UUID::toString).toList());
        java.util.Collections.reverse(expected);
        assertEquals(expected, seen);
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }

    @Test
    void rowsWithTheSameCreationTimeAreOrderedByIdAndNotSkipped() {
        var org = fx.org("ultra");
        var at = Fixtures.nextCreatedAt();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            fx.sql("INSERT INTO project (id, org_id, name, created_at, updated_at) VALUES ($1, $2, 'same', $3, $3)", id, org.id(), at);
            ids.add(id.toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var req = as(org).queryParam("limit", 2);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var res = req.get("/api/v1/projects").then().statusCode(200).extract();
            seen.addAll(res.path("data.id"));
            cursor = res.path("meta.nextCursor");
        } while (cursor != null);
        assertEquals(new HashSet<>(ids), new HashSet<>(seen));
        assertEquals(5, seen.size());
    }

    @Test
    void limitRules() {
        var org = fx.org("ultra");
        for (int i = 0; i < 3; i++) {
            fx.project(org.id(), "P" + i);
        }
        as(org).queryParam("limit", 1).get("/api/v1/projects").then().statusCode(200).body("data", hasSize(1)).body("meta.hasMore", equalTo(true));
        as(org).queryParam("limit", 3).get("/api/v1/projects").then().statusCode(200).body("data", hasSize(3))
                .body("meta.hasMore", equalTo(false)).body("meta.nextCursor", nullValue());
        for (String big : new String[]{"101", "1000", "99999999999999999999999"}) {
            as(org).queryParam("limit", big).get("/api/v1/projects").then().statusCode(200);
        }
        as(org).queryParam("limit", "").get("/api/v1/projects").then().statusCode(200);
        for (String bad : new String[]{"0", "000", "-1", "+5", "1.5", "abc", "1e2", " 5"}) {
            String body = as(org).queryParam("limit", bad).get("/api/v1/projects").then().statusCode(400).extract().asString();
            assertEquals("{\"data\":null,\"error\":\"Invalid query parameter: limit\",\"meta\":{\"code\":\"invalid_query\",\"param\":\"limit\"}}", body, bad);
        }
    }

    @Test
    void limitAbove100IsClampedTo100() {
        var org = fx.org("ultra");
        for (int i = 0; i < 101; i++) {
            fx.project(org.id(), "P" + i);
        }
        as(org).queryParam("limit", 5000).get("/api/v1/projects").then().statusCode(200).body("data", hasSize(100)).body("meta.hasMore", equalTo(true));
        as(org).get("/api/v1/projects").then().statusCode(200).body("data", hasSize(50));
    }

    @Test
    void malformedCursorsAre400() {
        var org = fx.org("ultra");
        for (String bad : new String[]{"abc", "!!!", "MTIz", "bm90X2FfdXVpZA"}) {
            String body = as(org).queryParam("cursor", bad).get("/api/v1/creators").then().statusCode(400).extract().asString();
            assertEquals("{\"data\":null,\"error\":\"Invalid query parameter: cursor\",\"meta\":{\"code\":\"invalid_query\",\"param\":\"cursor\"}}", body, bad);
        }
    }
}
