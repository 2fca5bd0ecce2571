package com.trackagoat.auth;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AuthFilterTest extends ApiTest {

    static final String INVALID_KEY = "{\"data\":null,\"error\":\"Invalid or missing API key\",\"meta\":{\"code\":\"invalid_api_key\"}}";

    @Test
    void missingMalformedOrUnknownKeysGetTheExact401() {
        String[] headers = {null, "Basic abc", "Bearer", "Bearer tga_123", "Bearer TGA_" + "a".repeat(64),
                "Bearer tga_" + "A".repeat(64), "Bearer " + ApiKeys.generate(), "Token " + ApiKeys.generate()};
        for (String h : headers) {
            var req = RestAssured.given();
            if (h != null) {
                req.header("Authorization", h);
            }
            String body = req.get("/api/v1/projects").then().statusCode(401).contentType("application/json").extract().asString();
            assertEquals(INVALID_KEY, body, "for Authorization: " + h);
        }
    }

    @Test
    void unknownRouteWithoutKeyIs401NotFound() {
        String body = RestAssured.get("/api/v1/does-not-exist").then().statusCode(401).extract().asString();
        assertEquals(INVALID_KEY, body);
    }

    @Test
    void schemeIsCaseInsensitiveAndAllowsSeveralSpaces() {
        var org = fx.org("starter");
        RestAssured.given().header("Authorization", "bEaReR   " + org.key()).get("/api/v1/projects").then().statusCode(200);
    }

    @Test
    void revokedKeyIs401() {
        var org = fx.org("starter");
        fx.sql("UPDATE api_key SET revoked_at = now() WHERE id = $1", org.keyId());
        assertEquals(INVALID_KEY, as(org).get("/api/v1/projects").then().statusCode(401).extract().asString());
    }

    @Test
    void bannedOrganizationIs403OnEveryRequest() {
        var org = fx.org("starter");
        fx.sql("UPDATE organization SET banned = true WHERE id = $1", org.id());
        for (String path : new String[]{"/api/v1/projects", "/api/v1/nowhere"}) {
            String body = as(org).get(path).then().statusCode(403).extract().asString();
            assertEquals("{\"data\":null,\"error\":\"Organization is banned\",\"meta\":{\"code\":\"org_banned\"}}", body);
        }
    }

    @Test
    void readOnlyKeyCannotPatch() {
        var org = fx.org("starter");
        var project = fx.project(org.id(), "P");
        String key = fx.newKey(org.id(), "read");
        String body = as(key).contentType("application/json").body("{\"name\":\"x\"}")
                .patch("/api/v1/projects/" + project).then().statusCode(403).extract().asString();
        assertEquals("{\"data\":null,\"error\":\"This action requires the 'write' scope. Granted: [read]\","
                + "\"meta\":{\"code\":\"insufficient_scope\",\"required\":\"write\",\"granted\":[\"read\"]}}", body);
    }

    @Test
    void writeOnlyKeyCannotGet() {
        var org = fx.org("starter");
        String key = fx.newKey(org.id(), "write");
        as(key).get("/api/v1/projects").then().statusCode(403)
                .body("meta.code", equalTo("insufficient_scope"))
                .body("meta.required", equalTo("read"))
                .body("error", equalTo("This action requires the 'read' scope. Granted: [write]"));
    }

    @Test
    void adminRoutesNeedTheAdminScopeWhateverTheMethod() {
        var org = fx.org("starter");
        as(org).get("/api/v1/admin/organizations").then().statusCode(403)
                .body("error", equalTo("This action requires the 'admin' scope. Granted: [read, write]"))
                .body("meta.required", equalTo("admin"));
    }

    @Test
    void routingComesBeforeScope() {
        var org = fx.org("starter");
        String key = fx.newKey(org.id(), "read");
        as(key).delete("/api/v1/projects").then().statusCode(405).body("meta.code", equalTo("method_not_allowed"));
        as(key).patch("/api/v1/unknown").then().statusCode(404).body("meta.code", equalTo("not_found"));
    }

    @Test
    void authenticatedResponsesCarryRateLimitHeadersAndARequestId() {
        var org = fx.org("starter");
        as(org).get("/api/v1/projects").then().statusCode(200)
                .header("RateLimit-Limit", notNullValue())
                .header("RateLimit-Remaining", notNullValue())
                .header("RateLimit-Reset", notNullValue())
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        as(org).get("/api/v1/nowhere").then().statusCode(404).header("RateLimit-Limit", notNullValue());
        as(org).header("X-Request-Id", "my.req-1").get("/api/v1/projects").then().header("X-Request-Id", "my.req-1");
        as(org).header("X-Request-Id", "bad id!").get("/api/v1/projects").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void lastUsedAtIsRecorded() {
        var org = fx.org("starter");
        as(org).get("/api/v1/projects").then().statusCode(200);
        assertEquals(1, fx.count("SELECT count(*) FROM api_key WHERE id = $1 AND last_used_at IS NOT NULL", org.keyId()));
    }

    @Test
    void requestsAreCountedPerOrganizationAndDay() {
        var org = fx.org("starter");
        for (int i = 0; i < 3; i++) {
            as(org).get("/api/v1/projects").then().statusCode(200);
        }
        assertEquals(3, fx.count("SELECT api_requests FROM org_daily_usage WHERE org_id = $1 AND day = (now() AT TIME ZONE 'UTC')::date", org.id()));
    }
}
