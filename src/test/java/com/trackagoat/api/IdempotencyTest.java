package com.trackagoat.api;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class IdempotencyTest extends ApiTest {

    @Test
    void aReplayReturnsTheStoredAnswerAndCreatesNothing() {
        var org = fx.org("starter");
        var first = as(org).header("Idempotency-Key", "create-project-1").contentType("application/json").body("{\"name\":\"Once\"}")
                .post("/api/v1/projects").then().statusCode(201).extract();
        assertNull(first.header("Idempotent-Replayed"));
        var again = as(org).header("Idempotency-Key", "create-project-1").contentType("application/json").body("{\"name\":\"Once\"}")
                .post("/api/v1/projects").then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertEquals(first.asString(), again.asString());
        assertEquals(1, fx.count("SELECT count(*) FROM project WHERE org_id = $1", org.id()));
        // another body, path or method with the same key
        as(org).header("Idempotency-Key", "create-project-1").contentType("application/json").body("{\"name\":\"Other\"}")
                .post("/api/v1/projects").then().statusCode(409).body("meta.code", equalTo("idempotency_key_reused"))
                .body("error", equalTo("Idempotency-Key was already used for a different request"));
        // keys are per organization
        var other = fx.org("starter");
        as(other).header("Idempotency-Key", "create-project-1").contentType("application/json").body("{\"name\":\"Once\"}")
                .post("/api/v1/projects").then().statusCode(201);
    }

    @Test
    void failuresAreNotStored() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        String url = "/api/v1/projects/" + p + "/campaigns";
        as(org).header("Idempotency-Key", "k1").contentType("application/json").body("{}").post(url).then().statusCode(400);
        as(org).header("Idempotency-Key", "k1").contentType("application/json").body("{\"name\":\"ok\"}").post(url).then().statusCode(201);
    }

    /** docs/reference/conventions.md §11: the key is looked up before field validation, for the creators' two bodies too. */
    @Test
    void aMalformedRetryOfAKeyThatSucceededIsReused() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        String url = "/api/v1/projects/" + p + "/creators";
        as(org).header("Idempotency-Key", "add-1").contentType("application/json").body("{\"tiktok_handle\":\"once\"}").post(url)
                .then().statusCode(201);
        for (String body : new String[]{"{}", "{\"tiktok_handle\":\"x\",\"creators\":[]}", "{\"tiktok_handle\":5}"}) {
            as(org).header("Idempotency-Key", "add-1").contentType("application/json").body(body).post(url)
                    .then().statusCode(409).body("meta.code", equalTo("idempotency_key_reused"));
        }
    }

    @Test
    void malformedKeysAre400() {
        var org = fx.org("starter");
        for (String bad : new String[]{"x".repeat(256), "tab\tkey", "caf\u00e9"}) {
            as(org).header("Idempotency-Key", bad).contentType("application/json").body("{\"name\":\"x\"}").post("/api/v1/projects")
                    .then().statusCode(400).body("meta.code", equalTo("invalid_params")).body("meta.param", equalTo("Idempotency-Key"));
        }
    }

    @Test
    void expiredKeysAreForgotten() {
        var org = fx.org("starter");
        as(org).header("Idempotency-Key", "old").contentType("application/json").body("{\"name\":\"A\"}").post("/api/v1/projects").then().statusCode(201);
        fx.sql("UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE org_id = $1", org.id());
        as(org).header("Idempotency-Key", "old").contentType("application/json").body("{\"name\":\"B\"}").post("/api/v1/projects").then().statusCode(201)
                .body("data.name", equalTo("B"));
    }

    @Test
    void concurrentDuplicatesCreateExactlyOne() throws Exception {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> as(org).header("Idempotency-Key", "same").contentType("application/json")
                        .body("{\"name\":\"Once\"}").post("/api/v1/projects/" + p + "/campaigns").then().extract().statusCode()));
            }
            Set<Integer> statuses = new HashSet<>();
            for (var f : results) {
                statuses.add(f.get());
            }
            assertTrue(Set.of(201, 409).containsAll(statuses), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, fx.count("SELECT count(*) FROM campaign WHERE project_id = $1", p));
    }
}
