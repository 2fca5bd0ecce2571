package com.trackagoat.auth;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ApiKeyResourceTest extends ApiTest {

    private static final String URL = "/api/v1/api-keys";
    private static final List<String> KEY_FIELDS = List.of("id", "name", "prefix", "scopes", "created_at", "last_used_at", "revoked_at");
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
    private static final String INVALID_KEY = "{\"data\":null,\"error\":\"Invalid or missing API key\",\"meta\":{\"code\":\"invalid_api_key\"}}";
    private static final String NOT_FOUND = "{\"data\":null,\"error\":\"Not found\",\"meta\":{\"code\":\"not_found\"}}";

    private static ExtractableResponse<Response> create(String key, String body, int status) {
        return as(key).contentType("application/json").body(body).post(URL).then().statusCode(status).extract();
    }

    private static ExtractableResponse<Response> create(Fixtures.Org org, String body, int status) {
        return create(org.key(), body, status);
    }

    @Test
    void createAnswersTheKeyObjectFollowedByThePlaintextOnce() {
        var org = fx.org("starter");
        var res = create(org, "{\"name\":\" Analytics script \",\"scopes\":[\"read\",\"read\"]}", 201);
        String id = res.path("data.id");
        String key = res.path("data.key");
        String createdAt = res.path("data.created_at");
        assertTrue(key.matches("tga_[0-9a-f]{64}"), key);
        assertTrue(createdAt.matches(TIMESTAMP), createdAt);
        assertEquals("{\"data\":{\"id\":\"" + id + "\",\"name\":\"Analytics script\",\"prefix\":\"" + key.substring(4, 12)
                + "\",\"scopes\":[\"read\"],\"created_at\":\"" + createdAt + "\",\"last_used_at\":null,\"revoked_at\":null,\"key\":\""
                + key + "\"},\"error\":null,\"meta\":null}", res.asString());
        // only the hash is stored
        assertEquals(1, fx.count("SELECT count(*) FROM api_key WHERE id = $1 AND org_id = $2 AND key_hash = $3 AND scopes = 'read'",
                UUID.fromString(id), org.id(), ApiKeys.hash(key)));
        assertEquals(0, fx.count("SELECT count(*) FROM api_key WHERE position($1::text in concat_ws(' ', id, name, prefix, key_hash, scopes)) > 0", key));

        // the new key works, and lists itself without the secret, marked as used
        var list = as(key).get(URL).then().statusCode(200).body("data", hasSize(2))
                .body("data[0].id", equalTo(id)).body("data[0].last_used_at", matchesPattern(TIMESTAMP))
                .body("data[1].id", equalTo(org.keyId().toString())).extract();
        assertEquals(KEY_FIELDS, List.copyOf(list.<Map<String, Object>>path("data[0]").keySet()));
    }

    @Test
    void listsEveryKeyOfTheOrganizationNewestFirstAcrossPages() {
        var org = fx.org("starter");
        var other = fx.org("starter");
        List<String> ids = new ArrayList<>(List.of(org.keyId().toString()));
        for (int i = 0; i < 4; i++) {
            ids.add(0, fx.key(org.id(), ApiKeys.generate(), "read").toString());
            fx.newKey(other.id(), "read,write");   // interleaved foreign keys never show
        }
        as(org).delete(URL + "/" + ids.get(1)).then().statusCode(200);   // revoked keys are listed too

        var first = as(org).queryParam("limit", 2).get(URL).then().statusCode(200)
                .body("data.id", contains(ids.get(0), ids.get(1)))
                .body("data[1].revoked_at", matchesPattern(TIMESTAMP))
                .body("data[0].revoked_at", nullValue())
                .body("meta.hasMore", equalTo(true)).extract();
        assertTrue(first.asString().matches("\\{\"data\":\\[.*],\"error\":null,\"meta\":\\{\"hasMore\":true,\"nextCursor\":\"[A-Za-z0-9_-]+\"}}"),
                first.asString());
        assertEquals(KEY_FIELDS, List.copyOf(first.<Map<String, Object>>path("data[1]").keySet()));
        String cursor = first.path("meta.nextCursor");
        String cursor2 = as(org).queryParam("limit", 2).queryParam("cursor", cursor).get(URL).then().statusCode(200)
                .body("data.id", contains(ids.get(2), ids.get(3))).body("meta.hasMore", equalTo(true))
                .extract().path("meta.nextCursor");
        as(org).queryParam("limit", 2).queryParam("cursor", cursor2).get(URL).then().statusCode(200)
                .body("data.id", contains(ids.get(4))).body("meta.hasMore", equalTo(false)).body("meta.nextCursor", nullValue());

        as(org).get(URL).then().body("data.id", equalTo(ids));
        as(org).queryParam("limit", "0").get(URL).then().statusCode(400).body("meta.param", equalTo("limit"));
        as(org).queryParam("cursor", "???").get(URL).then().statusCode(400).body("meta.param", equalTo("cursor"));
    }

    @Test
    void revokingIsImmediateAndRepeatable() {
        var org = fx.org("starter");
        String key = create(org, "{\"name\":\"script\"}", 201).path("data.key");
        String id = as(key).get(URL).then().statusCode(200).extract().path("data[0].id");
        as(key).contentType("application/json").body("{\"name\":\"still fine\"}").post(URL).then().statusCode(201);

        String body = as(org).delete(URL + "/" + id.toUpperCase()).then().statusCode(200).extract().asString();
        assertEquals("{\"data\":{\"id\":\"" + id + "\",\"deleted\":true},\"error\":null,\"meta\":null}", body);
        assertEquals(INVALID_KEY, as(key).get("/api/v1/projects").then().statusCode(401).extract().asString());
        assertEquals(INVALID_KEY, as(key).delete(URL + "/" + id).then().statusCode(401).extract().asString());

        String revokedAt = as(org).get(URL).then().extract().path("data.find { it.id == '" + id + "' }.revoked_at");
        assertTrue(revokedAt.matches(TIMESTAMP), revokedAt);
        assertEquals(body, as(org).delete(URL + "/" + id).then().statusCode(200).extract().asString());
        as(org).get(URL).then().body("data.find { it.id == '" + id + "' }.revoked_at", equalTo(revokedAt));
    }

    @Test
    void defaultsToReadWriteAndAKeyMayRevokeItself() {
        var org = fx.org("starter");
        String key = create(org, "{\"name\":\"k\"}", 201).path("data.key");
        as(key).get(URL).then().body("data[0].scopes", contains("read", "write"));
        String own = as(key).get(URL).then().extract().path("data[0].id");
        as(key).delete(URL + "/" + own).then().statusCode(200);
        as(key).get(URL).then().statusCode(401);
        as(org).get(URL).then().statusCode(200);
    }

    @Test
    void scopesAreKeptInCanonicalOrder() {
        var org = fx.org("starter");
        create(org, "{\"name\":\"k\",\"scopes\":[\"write\",\"read\",\"write\"]}", 201).response().then()
                .body("data.scopes", contains("read", "write"));
        create(org, "{\"name\":\"k\",\"scopes\":[\"write\"]}", 201);
        as(org).get(URL).then().body("data[0].scopes", contains("write")).body("data[1].scopes", contains("read", "write"));
    }

    @Test
    void bodyErrors() {
        var org = fx.org("starter");
        String tooLong = "x".repeat(201);
        String[][] cases = {
                {"{}", "Missing required field: name", "name"},
                {"{\"name\":null}", "Invalid field: name", "name"},
                {"{\"name\":\"\"}", "Invalid field: name", "name"},
                {"{\"name\":\"   \"}", "Invalid field: name", "name"},
                {"{\"name\":7}", "Invalid field: name", "name"},
                {"{\"name\":\"" + tooLong + "\"}", "Invalid field: name", "name"},
                {"{\"name\":\"k\",\"scopes\":[]}", "Invalid field: scopes", "scopes"},
                {"{\"name\":\"k\",\"scopes\":null}", "Invalid field: scopes", "scopes"},
                {"{\"name\":\"k\",\"scopes\":\"read\"}", "Invalid field: scopes", "scopes"},
                {"{\"name\":\"k\",\"scopes\":{\"read\":true}}", "Invalid field: scopes", "scopes"},
                {"{\"name\":\"k\",\"scopes\":[\"root\"]}", "Invalid field: scopes", "scopes"},
                {"{\"name\":\"k\",\"scopes\":[\"READ\"]}", "Invalid field: scopes", "scopes"},
                {"{\"name\":\"k\",\"scopes\":[\"read\",null]}", "Invalid field: scopes", "scopes"},
                {"{\"name\":\"k\",\"scopes\":[1]}", "Invalid field: scopes", "scopes"},
                // field errors come before the scope check
                {"{\"scopes\":[\"admin\"]}", "Missing required field: name", "name"},
        };
        for (String[] c : cases) {
            String body = create(org, c[0], 400).asString();
            assertEquals("{\"data\":null,\"error\":\"" + c[1] + "\",\"meta\":{\"code\":\"invalid_body\",\"field\":\"" + c[2] + "\"}}", body, c[0]);
        }
        for (String malformed : new String[]{"", "{", "[]", "\"name\"", "{\"name\":\"k\"} x"}) {
            create(org, malformed, 400).response().then().body("error", equalTo("Malformed JSON body")).body("meta.field", nullValue());
        }
        as(org).contentType("text/plain").body("{\"name\":\"k\"}").post(URL).then().statusCode(415)
                .body("meta.code", equalTo("unsupported_media_type"));
        create(org, "{\"name\":\"" + "x".repeat(200) + "\",\"unknown\":1}", 201);
        assertEquals(2, fx.count("SELECT count(*) FROM api_key WHERE org_id = $1", org.id()));
    }

    @Test
    void aKeyGrantsOnlyScopesItHolds() {
        var org = fx.org("starter");
        assertEquals("{\"data\":null,\"error\":\"This action requires the 'admin' scope. Granted: [read, write]\","
                        + "\"meta\":{\"code\":\"insufficient_scope\",\"required\":\"admin\",\"granted\":[\"read\",\"write\"]}}",
                create(org, "{\"name\":\"k\",\"scopes\":[\"read\",\"admin\"]}", 403).asString());

        // a write-only key cannot hand out the default read scope either
        String writeOnly = fx.newKey(org.id(), "write");
        assertEquals("{\"data\":null,\"error\":\"This action requires the 'read' scope. Granted: [write]\","
                        + "\"meta\":{\"code\":\"insufficient_scope\",\"required\":\"read\",\"granted\":[\"write\"]}}",
                create(writeOnly, "{\"name\":\"k\"}", 403).asString());
        create(writeOnly, "{\"name\":\"k\",\"scopes\":[\"write\"]}", 201);
        // the first missing scope in canonical order is the one reported
        create(writeOnly, "{\"name\":\"k\",\"scopes\":[\"admin\",\"read\"]}", 403).response().then().body("meta.required", equalTo("read"));
        assertEquals(3, fx.count("SELECT count(*) FROM api_key WHERE org_id = $1", org.id()));
    }

    @Test
    void onlyAdminKeysOfThePlatformCanIssueAdminKeys() {
        var platform = fx.platform();
        String plain = fx.newKey(platform.id(), "read,write");
        create(plain, "{\"name\":\"k\",\"scopes\":[\"admin\"]}", 403).response().then()
                .body("meta.required", equalTo("admin")).body("meta.granted", contains("read", "write"));

        String admin = create(platform, "{\"name\":\"ops\",\"scopes\":[\"admin\",\"read\",\"admin\"]}", 201).path("data.key");
        as(admin).get(URL).then().statusCode(200).body("data[0].scopes", contains("read", "admin"));
        as(admin).get("/api/v1/admin/organizations").then().statusCode(200);
        as(admin).delete(URL + "/" + UUID.randomUUID()).then().statusCode(403).body("meta.required", equalTo("write"));
    }

    @Test
    void activeKeysAreCapped() {
        var org = fx.org("starter");   // 5 active keys at most; the fixture key is the first
        fx.sql("UPDATE api_key SET revoked_at = now() WHERE id = $1", fx.key(org.id(), ApiKeys.generate(), "read"));   // revoked: not counted
        for (int i = 0; i < 4; i++) {
            create(org, "{\"name\":\"k" + i + "\"}", 201);
        }
        assertEquals("{\"data\":null,\"error\":\"Limit reached: max_api_keys_per_org\",\"meta\":{\"code\":\"limit_reached\","
                + "\"limitKey\":\"max_api_keys_per_org\",\"current\":5,\"max\":5}}", create(org, "{\"name\":\"one too many\"}", 402).asString());
        // a scope escalation is refused as such, before the cap
        create(org, "{\"name\":\"k\",\"scopes\":[\"admin\"]}", 403);
        // the cap is per organization
        create(fx.org("starter"), "{\"name\":\"elsewhere\"}", 201);
        // a revoked key frees a place
        String newest = as(org).get(URL).then().extract().path("data[0].id");
        as(org).delete(URL + "/" + newest).then().statusCode(200);
        create(org, "{\"name\":\"again\"}", 201);
        create(org, "{\"name\":\"again\"}", 402);
        assertEquals(5, fx.count("SELECT count(*) FROM api_key WHERE org_id = $1 AND revoked_at IS NULL", org.id()));
    }

    @Test
    void concurrentCreatesNeverExceedTheCap() throws Exception {
        var org = fx.org("starter");
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                results.add(pool.submit(() -> as(org).contentType("application/json").body("{\"name\":\"c" + n + "\"}")
                        .post(URL).then().extract().statusCode()));
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
    void foreignAndUnknownKeysAre404() {
        var org = fx.org("starter");
        var other = fx.org("starter");
        assertEquals(NOT_FOUND, as(other).delete(URL + "/" + org.keyId()).then().statusCode(404).extract().asString());
        assertEquals(NOT_FOUND, as(other).delete(URL + "/" + UUID.randomUUID()).then().statusCode(404).extract().asString());
        as(other).get(URL).then().body("data.id", contains(other.keyId().toString()));
        as(org).get(URL).then().statusCode(200).body("data.id", contains(org.keyId().toString()))
                .body("data[0].revoked_at", nullValue()).body("data[0].last_used_at", notNullValue());
        assertEquals("{\"data\":null,\"error\":\"Invalid parameter: id\",\"meta\":{\"code\":\"invalid_params\",\"param\":\"id\"}}",
                as(org).delete(URL + "/nope").then().statusCode(400).extract().asString());
    }

    @Test
    void readOnlyKeysCannotCreateOrRevoke() {
        var org = fx.org("starter");
        String readOnly = fx.newKey(org.id(), "read");
        create(readOnly, "{\"name\":\"k\"}", 403).response().then().body("meta.required", equalTo("write"));
        as(readOnly).delete(URL + "/" + org.keyId()).then().statusCode(403).body("meta.required", equalTo("write"));
        as(readOnly).get(URL).then().statusCode(200).body("data", hasSize(2));
    }
}
