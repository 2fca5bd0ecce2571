package com.trackagoat.auth;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ApiKeyResourceTest extends ApiTest {

    @Inject
    Fixtures fx;

    @Test
    void createListUseAndRevoke() {
        var org = fx.org("starter");
        var res = as(org).contentType("application/json").body("{\"name\":\" Analytics script \",\"scopes\":[\"read\",\"read\"]}")
                .post("/api/v1/api-keys").then().statusCode(201)
                .body("data.name", equalTo("Analytics script"))
                .body("data.scopes", contains("read"))
                .body("data.last_used_at", nullValue())
                .body("data.revoked_at", nullValue())
                .body("data.key", matchesPattern("tga_[0-9a-f]{64}"))
                .body("meta", nullValue())
                .extract();
        assertEquals(List.of("id", "name", "prefix", "scopes", "created_at", "last_used_at", "revoked_at", "key"),
                List.copyOf(((Map<String, Object>) res.path("data")).keySet()));
        String key = res.path("data.key");
        String id = res.path("data.id");
        assertEquals(key.substring(4, 12), res.path("data.prefix"));
        assertEquals(1, fx.count("SELECT count(*) FROM api_key WHERE id = $1 AND key_hash = $2", UUID.fromString(id), ApiKeys.hash(key)));

        as(key).get("/api/v1/api-keys").then().statusCode(200).body("data", hasSize(2))
                .body("data[0].id", equalTo(id)).body("data[0].key", equalTo(null))
                .body("data[0].last_used_at", notNullValue());
        as(key).delete("/api/v1/api-keys/" + id).then().statusCode(403);   // read-only key cannot DELETE
        as(org).delete("/api/v1/api-keys/" + id).then().statusCode(200)
                .body("data.id", equalTo(id)).body("data.deleted", equalTo(true));
        as(key).get("/api/v1/projects").then().statusCode(401);
        as(org).delete("/api/v1/api-keys/" + id).then().statusCode(200);
        as(org).get("/api/v1/api-keys").then().body("data[0].revoked_at", notNullValue());
    }

    @Test
    void defaultsToReadWriteAndRevokingItselfIsAllowed() {
        var org = fx.org("starter");
        String key = as(org).contentType("application/json").body("{\"name\":\"k\"}").post("/api/v1/api-keys")
                .then().statusCode(201).body("data.scopes", contains("read", "write")).extract().path("data.key");
        String own = as(key).get("/api/v1/api-keys").then().extract().path("data[0].id");
        as(key).delete("/api/v1/api-keys/" + own).then().statusCode(200);
        as(key).get("/api/v1/api-keys").then().statusCode(401);
    }

    @Test
    void bodyErrors() {
        var org = fx.org("starter");
        String[][] cases = {{"{}", "Missing required field: name", "name"}, {"{\"name\":\"\"}", "Invalid field: name", "name"},
                {"{\"name\":\"k\",\"scopes\":[]}", "Invalid field: scopes", "scopes"}, {"{\"name\":\"k\",\"scopes\":\"read\"}", "Invalid field: scopes", "scopes"},
                {"{\"name\":\"k\",\"scopes\":[\"root\"]}", "Invalid field: scopes", "scopes"}, {"{\"name\":\"k\",\"scopes\":[1]}", "Invalid field: scopes", "scopes"}};
        for (String[] c : cases) {
            as(org).contentType("application/json").body(c[0]).post("/api/v1/api-keys").then().statusCode(400)
                    .body("error", equalTo(c[1])).body("meta.field", equalTo(c[2]));
        }
    }

    @Test
    void aKeyGrantsOnlyScopesItHolds() {
        var org = fx.org("starter");
        String body = as(org).contentType("application/json").body("{\"name\":\"k\",\"scopes\":[\"read\",\"admin\"]}")
                .post("/api/v1/api-keys").then().statusCode(403).extract().asString();
        assertEquals("{\"data\":null,\"error\":\"This action requires the 'admin' scope. Granted: [read, write]\","
                + "\"meta\":{\"code\":\"insufficient_scope\",\"required\":\"admin\",\"granted\":[\"read\",\"write\"]}}", body);
    }

    @Test
    void activeKeysAreCapped() {
        var org = fx.org("starter");   // 5 active keys at most; the fixture key is the first
        for (int i = 0; i < 4; i++) {
            as(org).contentType("application/json").body("{\"name\":\"k" + i + "\"}").post("/api/v1/api-keys").then().statusCode(201);
        }
        String body = as(org).contentType("application/json").body("{\"name\":\"one too many\"}").post("/api/v1/api-keys")
                .then().statusCode(402).extract().asString();
        assertEquals("{\"data\":null,\"error\":\"Limit reached: max_api_keys_per_org\",\"meta\":{\"code\":\"limit_reached\","
                + "\"limitKey\":\"max_api_keys_per_org\",\"current\":5,\"max\":5}}", body);
        // a revoked key frees a place
        String other = as(org).get("/api/v1/api-keys").then().extract().path("data[0].id");
        as(org).delete("/api/v1/api-keys/" + other).then().statusCode(200);
        as(org).contentType("application/json").body("{\"name\":\"again\"}").post("/api/v1/api-keys").then().statusCode(201);
    }

    @Test
    void concurrentCreatesNeverExceedTheCap() throws Exception {
        var org = fx.org("starter");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                results.add(pool.submit(() -> as(org).contentType("application/json").body("{\"name\":\"c" + n + "\"}")
                        .post("/api/v1/api-keys").then().extract().statusCode()));
            }
            int created = 0;
            for (var f : results) {
                int status = f.get();
                if (status == 201) {
                    created++;
                } else {
                    assertEquals(402, status);
                }
            }
            assertEquals(4, created);
            assertEquals(5, fx.count("SELECT count(*) FROM api_key WHERE org_id = $1 AND revoked_at IS NULL", org.id()));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void foreignKeysAre404() {
        var org = fx.org("starter");
        var other = fx.org("starter");
        as(other).delete("/api/v1/api-keys/" + org.keyId()).then().statusCode(404);
        as(other).get("/api/v1/api-keys").then().body("data", hasSize(1));
        as(org).get("/api/v1/projects").then().statusCode(200);
        as(org).delete("/api/v1/api-keys/nope").then().statusCode(400).body("meta.code", equalTo("invalid_params"));
    }
}
