package com.trackagoat.schema;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import com.trackagoat.support.Routes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OpenApiResourceTest extends ApiTest {

    private static final List<String> COMMON_ERRORS = List.of("401", "403", "429", "500", "503");
    private static final String ERROR_REF = "#/components/schemas/Error";

    @Inject
    Fixtures fixtures;

    private Fixtures.Org org;
    private JsonPath doc;

    @BeforeEach
    void fetch() {
        org = fixtures.org("starter");
        doc = as(fixtures.newKey(org.id(), "read")).get("/api/v1/openapi.json").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .extract().jsonPath();
    }

    @Test
    void servedRawToAReadOnlyKey() {
        assertEquals("3.1.0", doc.getString("openapi"));
        assertEquals("trackagoat API", doc.getString("info.title"));
        Map<String, Object> root = doc.getMap("$");
        assertFalse(root.containsKey("data"), "the document is not enveloped");
        assertFalse(root.containsKey("meta"), "the document is not enveloped");
    }

    @Test
    void errorsOfTheRouteAreEnveloped() {
        RestAssured.get("/api/v1/openapi.json").then().statusCode(401)
                .body("data", nullValue()).body("meta.code", equalTo("invalid_api_key"));
        as(fixtures.newKey(org.id(), "write")).get("/api/v1/openapi.json").then().statusCode(403)
                .body("meta.code", equalTo("insufficient_scope")).body("meta.required", equalTo("read"));
    }

    /** Swagger UI's copy (/q/openapi) needs no key and is the same document: it holds no data. */
    @Test
    void theInteractiveReferenceLoadsTheSameDocumentWithoutAKey() {
        String copy = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertEquals(doc.getMap("paths").keySet(), JsonPath.from(copy).getMap("paths").keySet());
        RestAssured.get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }

    /** Every JAX-RS route of the application's classes is in the document, and nothing else is. */
    @Test
    void everyRouteOfTheApplicationIsDocumented() {
        Set<String> documented = new TreeSet<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, item) -> item.keySet().forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> routes = new TreeSet<>();
        Routes.all().forEach(r -> routes.add(r.toString()));
        assertTrue(routes.size() >= 40, "found " + routes.size() + " routes: " + routes);
        assertEquals(routes, documented);
    }

    @Test
    void everyOperationIsDescribed() {
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            String where = method.toUpperCase() + " " + path;
            String base = "paths.'" + path + "'." + method;
            assertFalse(doc.getString(base + ".summary").isBlank(), where + " summary");
            assertEquals(1, doc.getList(base + ".tags").size(), where + " tag");
            assertEquals(List.of(Map.of("apiKey", List.of())), doc.getList(base + ".security"), where + " security");
            assertNotNull(doc.getString(base + ".operationId"), where + " operationId");

            Map<String, Map<String, Object>> responses = doc.getMap(base + ".responses");
            List<String> success = responses.keySet().stream().filter(s -> s.startsWith("2")).toList();
            assertFalse(success.isEmpty(), where + " has a success response");
            for (String status : success) {
                String schema = base + ".responses.'" + status + "'.content.'application/json'.schema";
                if (path.equals("/api/v1/openapi.json") || path.equals("/api/v1/analytics/schema")) {
                    continue;
                }
                assertEquals(List.of("data", "error", "meta"), doc.getList(schema + ".required"), where + " " + status + " envelope");
                Map<String, Object> data = doc.getMap(schema + ".properties.data");
                assertTrue(data.containsKey("$ref") || data.containsKey("oneOf") || "array".equals(data.get("type")),
                        where + " " + status + " declares its data schema: " + data);
                Object meta = doc.get(schema + ".properties.meta");
                Object expected = "array".equals(data.get("type")) ? Map.of("$ref", "#/components/schemas/ListMeta")
                        : path.endsWith("/stats") || path.equals("/api/v1/analytics") ? Map.of("$ref", "#/components/schemas/StatsMeta") : Map.of("type", "null");
                assertEquals(expected, meta, where + " " + status + " meta");
            }
            List<String> errors = new ArrayList<>(COMMON_ERRORS);
            if (path.contains("{")) {
                errors.addAll(List.of("400", "404"));
            }
            boolean hasBody = doc.get(base + ".requestBody") != null;
            if (hasBody) {
                errors.addAll(List.of("400", "413", "415"));
                Map<String, Object> body = doc.getMap(base + ".requestBody.content.'application/json'.schema");
                assertTrue(body.containsKey("$ref") || body.containsKey("oneOf"), where + " body schema: " + body);
            }
            for (String status : errors) {
                assertEquals(ERROR_REF, doc.getString(base + ".responses.'" + status + "'.content.'application/json'.schema.'$ref'"),
                        where + " " + status);
                assertFalse(doc.getString(base + ".responses.'" + status + "'.description").isBlank(), where + " " + status);
            }
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertEquals(ERROR_REF, doc.getString(base + ".responses.'" + status + "'.content.'application/json'.schema.'$ref'"),
                            where + " " + status + " is enveloped");
                }
            });
            List<Map<String, Object>> params = doc.getList(base + ".parameters");
            for (Map<String, Object> p : params == null ? List.<Map<String, Object>>of() : params) {
                assertNotNull(p.get("description"), where + " parameter " + p.get("name"));
                if (p.get("in").equals("path")) {
                    assertEquals("uuid", ((Map<?, ?>) p.get("schema")).get("format"), where + " " + p.get("name"));
                }
            }
        }));
    }

    @Test
    void writesDocumentTheirBodyLimitsAndIdempotency() {
        String post = "paths.'/api/v1/projects'.post";
        assertEquals("#/components/schemas/ProjectCreate", doc.getString(post + ".requestBody.content.'application/json'.schema.'$ref'"));
        assertEquals(List.of("name"), doc.getList("components.schemas.ProjectCreate.required"));
        assertTrue(doc.getString(post + ".responses.'402'.description").contains("max_projects_per_org"));
        assertTrue(doc.getString(post + ".responses.'409'.description").contains("idempotency_key_reused"));
        assertTrue(doc.getList(post + ".parameters.name").contains("Idempotency-Key"));
        String items = "paths.'/api/v1/campaigns/{id}/items'.post";
        assertTrue(doc.getString(items + ".responses.'409'.description").contains("cycle_detected"));
        assertEquals(List.of("creator", "video", "campaign"), doc.getList("components.schemas.CampaignItemCreate.properties.item_type.enum"));
        assertEquals(List.of("auto_tracked", "pending_review", "included", "direct_add"),
                doc.getList("paths.'/api/v1/videos'.get.parameters.find { it.name == 'tracking_status' }.schema.enum"));
    }

    /** The annotation routes: their body, parameters, answers and the 404 of an entity that is not visible. */
    @Test
    void annotationsAreDocumented() {
        String post = "paths.'/api/v1/analytics/annotations'.post";
        assertEquals("#/components/schemas/AnnotationCreate", doc.getString(post + ".requestBody.content.'application/json'.schema.'$ref'"));
        assertEquals(List.of("date", "title"), doc.getList("components.schemas.AnnotationCreate.required"));
        assertEquals(List.of("note", "launch", "milestone", "incident"), doc.getList("components.schemas.AnnotationCreate.properties.kind.enum"));
        assertTrue(doc.getList(post + ".parameters.name").contains("Idempotency-Key"));
        assertTrue(doc.getString(post + ".responses.'404'.description").contains("not_found"));
        assertEquals("#/components/schemas/AnnotationDto", doc.getString(post + ".responses.'201'.content.'application/json'.schema.properties.data.'$ref'"));
        String list = "paths.'/api/v1/analytics/annotations'.get";
        assertEquals(Set.of("entity_type", "entity_id", "from", "to", "limit", "cursor"), Set.copyOf(doc.getList(list + ".parameters.name")));
        assertEquals(List.of("project", "creator", "video", "campaign"),
                doc.getList(list + ".parameters.find { it.name == 'entity_type' }.schema.enum"));
        assertEquals("date", doc.getString(list + ".parameters.find { it.name == 'from' }.schema.format"));
        assertTrue(doc.getString(list + ".parameters.find { it.name == 'from' }.description").contains("no default"));
        assertEquals("#/components/schemas/Deleted",
                doc.getString("paths.'/api/v1/analytics/annotations/{id}'.delete.responses.'200'.content.'application/json'.schema.properties.data.'$ref'"));
        String dto = "components.schemas.AnnotationDto";
        assertEquals(List.of("id", "entity_type", "entity_id", "date", "kind", "title", "body", "created_at", "updated_at"), doc.getList(dto + ".required"));
        assertEquals(List.of("string", "null"), doc.getList(dto + ".properties.entity_type.type"));
        assertEquals("date", doc.getString(dto + ".properties.date.format"));
        UUID annotation = fixtures.annotation(org.id(), null, null, "2026-03-04", "note", "Docs");
        Map<String, Object> answer = as(org).get("/api/v1/analytics/annotations").then().statusCode(200).extract().jsonPath().getMap("data[0]");
        assertEquals(annotation.toString(), answer.get("id"));
        assertEquals(answer.keySet(), doc.getMap(dto + ".properties").keySet());
    }

    /** Schema property names are the wire names: compared with the keys of real answers. */
    @Test
    void schemasUseTheKeysOfTheAnswers() {
        UUID project = fixtures.project(org.id(), "Docs");
        UUID creator = fixtures.creator(org.id(), project, "docs.creator", "active");
        UUID video = fixtures.video(org.id(), project, creator, "auto_tracked");
        UUID campaign = fixtures.campaign(org.id(), project, "Docs campaign");
        assertSameKeys("ProjectDto", "/api/v1/projects/" + project);
        assertSameKeys("CreatorDto", "/api/v1/creators/" + creator);
        assertSameKeys("VideoDto", "/api/v1/videos/" + video);
        assertSameKeys("CampaignDto", "/api/v1/campaigns/" + campaign);
        assertSameKeys("OwnOrganizationDto", "/api/v1/organization");
        assertEquals(Set.of("hasMore", "nextCursor"), doc.getMap("components.schemas.ListMeta.properties").keySet());
    }

    /** The entity schemas say what GET /api/v1/schema says: types, formats, nullability, allowed values. */
    @Test
    void entitySchemasFollowTheDataModel() {
        String creator = "components.schemas.CreatorDto";
        assertEquals(List.of("string", "null"), doc.getList(creator + ".properties.display_name.type"));
        assertEquals("date-time", doc.getString(creator + ".properties.created_at.format"));
        assertEquals("string", doc.getString(creator + ".properties.tracking_mode.type"));
        assertEquals(List.of("auto", "selective"), doc.getList(creator + ".properties.tracking_mode.enum"));
        assertEquals("object", doc.getString(creator + ".properties.metadata.type"));
        assertEquals(doc.getMap(creator + ".properties").keySet().stream().toList(), doc.getList(creator + ".required"));
        assertEquals("uuid", doc.getString("components.schemas.VideoDto.properties.creator_id.format"));
        assertEquals(List.of("string", "null"), doc.getList("components.schemas.VideoDto.properties.creator_id.type"));
        assertEquals(List.of("integer", "null"), doc.getList("components.schemas.CampaignDto.properties.target_views.type"));
    }

    private void assertSameKeys(String schema, String path) {
        Map<String, Object> answer = as(org).get(path).then().statusCode(200).extract().jsonPath().getMap("data");
        assertEquals(answer.keySet(), doc.getMap("components.schemas." + schema + ".properties").keySet(), schema);
    }

    @Test
    void everyReferenceResolves() {
        Set<String> refs = new TreeSet<>();
        collectRefs(doc.get("$"), refs);
        assertFalse(refs.isEmpty());
        Map<String, Object> schemas = doc.getMap("components.schemas");
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/components/schemas/"), ref);
            assertTrue(schemas.containsKey(ref.substring("#/components/schemas/".length())), "dangling " + ref);
        }
    }

    private static void collectRefs(Object node, Set<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    refs.add((String) v);
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectRefs(v, refs));
        }
    }

    /** docs/reference/analytics.md §3: the analytics routes only, version 1.4.0, generated from the same annotations. */
    @Test
    void theAnalyticsSchemaIsTheDocumentRestrictedToTheAnalyticsPaths() {
        var org = fixtures.org("starter");
        io.restassured.path.json.JsonPath schema = as(fixtures.newKey(org.id(), "read")).get("/api/v1/analytics/schema").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertEquals("1.4.0", schema.getString("info.version"));
        Map<String, Object> paths = schema.getMap("paths");
        assertTrue(paths.keySet().containsAll(List.of("/api/v1/analytics", "/api/v1/analytics/annotations", "/api/v1/analytics/annotations/{id}",
                "/api/v1/analytics/schema")), paths.keySet().toString());
        assertTrue(paths.keySet().stream().allMatch(p -> p.startsWith("/api/v1/analytics")), paths.keySet().toString());
        assertEquals(doc.getMap("paths.'/api/v1/analytics'"), schema.getMap("paths.'/api/v1/analytics'"), "the same description as in openapi.json");
        assertEquals(doc.getMap("components.schemas.AnalyticsData"), schema.getMap("components.schemas.AnalyticsData"));
        RestAssured.get("/api/v1/analytics/schema").then().statusCode(401);
    }
}
