package com.trackagoat.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trackagoat.analytics.AnnotationCreate;
import com.trackagoat.analytics.AnnotationPatch;
import com.trackagoat.auth.ApiKeyCreate;
import com.trackagoat.campaign.CampaignCreate;
import com.trackagoat.campaign.CampaignItemCreate;
import com.trackagoat.campaign.CampaignPatch;
import com.trackagoat.creator.CreatorBulkCreate;
import com.trackagoat.creator.CreatorCreate;
import com.trackagoat.creator.CreatorIds;
import com.trackagoat.creator.CreatorPatch;
import com.trackagoat.org.AdminOrganizationCreate;
import com.trackagoat.org.AdminOrganizationPatch;
import com.trackagoat.org.OrganizationPatch;
import com.trackagoat.project.ProjectCreate;
import com.trackagoat.project.ProjectPatch;
import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import com.trackagoat.video.VideoCreate;
import com.trackagoat.video.VideoIds;
import com.trackagoat.video.VideoPatch;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The request bodies of the OpenAPI document, described by the body records the resources bind:
 * every operation with a body and every body schema is exactly as in {@code request-bodies.json}
 * (next to this class). That file holds the request bodies of the document as they were when
 * documentation-only records described them, plus one addition the records brought: the
 * {@code pattern} of {@code VideoCreate.url} (from its {@code @Pattern}); the bodies of later routes (annotations)
 * were added as their records first described them. A change to a record's
 * components or annotations that changes the document fails here.
 */
@QuarkusTest
class BodySchemaTest extends ApiTest {

    static final List<Class<? extends Record>> RECORDS = List.of(ProjectCreate.class, ProjectPatch.class, CreatorCreate.class,
            CreatorBulkCreate.class, CreatorPatch.class, CreatorIds.class, VideoCreate.class, VideoPatch.class, VideoIds.class,
            CampaignCreate.class, CampaignPatch.class, CampaignItemCreate.class, ApiKeyCreate.class, OrganizationPatch.class,
            AdminOrganizationCreate.class, AdminOrganizationPatch.class, AnnotationCreate.class, AnnotationPatch.class);

    @Inject
    Fixtures fixtures;

    private JsonNode document;
    private JsonNode expected;

    @BeforeEach
    void fetch() throws IOException {
        Fixtures.Org org = fixtures.org("starter");
        String json = as(fixtures.newKey(org.id(), "read")).get("/api/v1/openapi.json").then().statusCode(200).extract().asString();
        ObjectMapper mapper = new ObjectMapper();
        document = mapper.readTree(json);
        try (InputStream in = BodySchemaTest.class.getResourceAsStream("request-bodies.json")) {
            assertNotNull(in, "request-bodies.json");
            expected = mapper.readTree(in);
        }
    }

    @Test
    void everyRequestBodyIsAsDocumented() {
        Map<String, JsonNode> bodies = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode body = operation.getValue().get("requestBody");
            if (body != null) {
                bodies.put(operation.getKey().toUpperCase() + " " + path.getKey(), body);
            }
        }));
        assertEquals(names(expected.path("requestBodies")), bodies.keySet());
        assertEquals("", differences(expected.path("requestBodies"), bodies));
    }

    @Test
    void everyBodySchemaIsAsDocumented() {
        Map<String, JsonNode> schemas = new TreeMap<>();
        for (String name : names(expected.path("schemas"))) {
            schemas.put(name, document.path("components").path("schemas").path(name));
        }
        assertEquals("", differences(expected.path("schemas"), schemas));
    }

    /** Each documented body schema is one record's (no other class claims the name, none is renamed "…1"). */
    @Test
    void theBodySchemasAreTheRecords() {
        Set<String> named = new TreeSet<>();
        for (Class<? extends Record> type : RECORDS) {
            named.add(type.getAnnotation(Schema.class).name());
        }
        assertEquals(names(expected.path("schemas")), named);
        Set<String> renamed = new TreeSet<>();
        document.path("components").path("schemas").properties().forEach(e -> {
            if (named.contains(e.getKey().replaceAll("\\d+$", "")) && !named.contains(e.getKey())) {
                renamed.add(e.getKey());
            }
        });
        assertEquals(Set.of(), renamed);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Each entry of {@code actual} that differs from {@code wanted} (object key order aside), one per line. */
    private static String differences(JsonNode wanted, Map<String, JsonNode> actual) {
        List<String> differ = new ArrayList<>();
        actual.forEach((name, node) -> {
            if (!wanted.path(name).equals(node)) {
                differ.add(name + "\n  expected: " + wanted.path(name) + "\n  document: " + node);
            }
        });
        return String.join("\n", differ);
    }
}
