package com.trackagoat;

import com.trackagoat.support.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box tests of the packaged application (java -jar, prod profile) configured only from the
 * outside: datasource URLs of a real PostgreSQL, the bootstrap admin key and the demo organization.
 * It applies its migrations itself and serves the demo content.
 */
@QuarkusIntegrationTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@TestProfile(PackagedAppIT.Demo.class)
class PackagedAppIT {

    static final String DEMO = "tga_" + "5e".repeat(32);
    static final String ADMIN = "tga_" + "ad".repeat(32);

    public static class Demo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the black-box tests send more than 60 requests a minute with one key
            return Map.of("trackagoat.demo.enabled", "true", "trackagoat.demo.api-key", DEMO,
                    "trackagoat.demo.history-days", "5", "trackagoat.bootstrap.admin-key", ADMIN,
                    "trackagoat.scrape.enabled", "false", "trackagoat.rate-limit.per-key-per-minute", "100000");
        }
    }

    static io.restassured.specification.RequestSpecification as(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key);
    }

    /** A JSON request with a key. */
    static io.restassured.specification.RequestSpecification json(String key, String body) {
        return as(key).contentType("application/json").body(body);
    }

    /**
     * A new organization of the given tier, created through the admin API with the bootstrap admin
     * key; returns its initial read/write key. Each test works in an organization of its own.
     */
    static String newOrganization(String tier) {
        return json(ADMIN, "{\"name\":\"IT " + java.util.UUID.randomUUID() + "\",\"tier\":\"" + tier + "\",\"timezone\":\"UTC\"}")
                .post("/api/v1/admin/organizations").then().statusCode(201)
                .body("data.organization.tier", equalTo(tier)).extract().path("data.api_key.key");
    }

    @Test
    void servesTheDemoOrganization() {
        as(DEMO).get("/api/v1/projects").then().statusCode(200).body("data", hasSize(2)).body("meta.hasMore", equalTo(false));
        as(DEMO).get("/api/v1/creators?limit=3").then().statusCode(200).body("data", hasSize(3)).body("meta.hasMore", equalTo(true));
        String video = as(DEMO).get("/api/v1/videos?limit=1").then().statusCode(200).extract().path("data[0].id");
        as(DEMO).get("/api/v1/videos/" + video + "/stats?cohort=1").then().statusCode(200).body("meta.cached", equalTo(false));
        String creator = as(DEMO).get("/api/v1/creators?search=tech").then().extract().path("data[0].id");
        as(DEMO).get("/api/v1/creators/" + creator + "/stats?tz=UTC").then().statusCode(200).body("data.history.size()", greaterThan(2));
        as(DEMO).get("/api/v1/schema").then().statusCode(200).body("data.relationships", hasSize(11));
    }

    @Test
    void healthAndSchemaNeedNoKeyOrAKey() {
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("connections health check")));
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get("/api/v1/schema").then().statusCode(401).body("meta.code", equalTo("invalid_api_key"));
        as(DEMO).get("/api/v1/schema").then().statusCode(200).body("error", nullValue()).body("meta", nullValue())
                .body("data.entities.keySet()", hasItems("project", "creator", "video", "campaign", "annotation"))
                .body("data.entities.video.fields.tracking_status.enum", hasItem("direct_add"))
                .body("data.entities.video.fields.tracking_status.type", notNullValue())
                .body("data.relationships[0].from", notNullValue()).body("data.relationships[0].cardinality", notNullValue());
    }

    /** The API serves the OpenAPI document behind the key. */
    @Test
    void openApiDocumentBehindTheKey() {
        as(DEMO).get("/api/v1/openapi.json").then().statusCode(200).body("openapi", equalTo("3.1.0"))
                .body("paths.keySet()", hasItems("/api/v1/projects", "/api/v1/videos/{id}/stats", "/api/v1/projects/{projectId}/creators"))
                .body("components.schemas.Error.required", hasItems("data", "error", "meta"));
        RestAssured.get("/api/v1/openapi.json").then().statusCode(401).body("meta.code", equalTo("invalid_api_key"));
    }

    /**
     * The packaged app also serves Swagger UI, which loads the same document without a key (it holds
     * no data) and offers the "Authorize" button of its bearer security scheme.
     */
    @Test
    void swaggerUiWithTheDocument() {
        String html = RestAssured.get("/q/swagger-ui").then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        Matcher url = Pattern.compile("url: '([^']+)'").matcher(html);
        assertTrue(url.find(), "the page names the document it loads");
        Map<String, Object> loaded = RestAssured.given().accept("application/json").get(url.group(1)).then().statusCode(200)
                .body("components.securitySchemes.apiKey.type", equalTo("http"))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .extract().jsonPath().getMap("$");
        assertEquals(as(DEMO).get("/api/v1/openapi.json").then().extract().jsonPath().getMap("$"), loaded, "the same document");
    }

    @Test
    void errorsComeInTheEnvelope() {
        RestAssured.get("/api/v1/projects").then().statusCode(401).body("meta.code", equalTo("invalid_api_key"));
        as(DEMO).get("/api/v1/nowhere").then().statusCode(404).body("meta.code", equalTo("not_found"));
        as(DEMO).delete("/api/v1/projects").then().statusCode(405).body("meta.code", equalTo("method_not_allowed"));
        as(DEMO).get("/api/v1/videos/not-a-uuid").then().statusCode(400).body("meta.code", equalTo("invalid_params"));
        as(DEMO).contentType("application/json").body("{").patch("/api/v1/projects/00000000-0000-0000-0000-000000000000")
                .then().statusCode(400).body("error", equalTo("Malformed JSON body"));
        as(ADMIN).get("/api/v1/projects").then().statusCode(200).body("data", hasSize(0));
    }
}
