package com.trackagoat.schema;

import com.trackagoat.auth.ApiKeys;
import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SchemaResourceTest extends ApiTest {

    private static final Set<String> TYPES = Set.of("uuid", "string", "integer", "number", "boolean", "date", "datetime", "object");
    private static final String SOURCES = "scheduled|manual|initial|backfill";

    /**
     * docs/reference/data-model.md, written out key by key in the order of its tables (a row naming several keys
     * is each of them in order): {@code "name type"}, {@code ?} after the type when it is
     * {@code | null}, then the enum values separated by {@code |} for enumerated fields.
     */
    private static final Map<String, List<String>> CONTRACT = new LinkedHashMap<>();

    static {
        CONTRACT.put("project", List.of("id uuid", "org_id uuid", "name string", "description string?", "readme string?",
                "created_at datetime", "updated_at datetime"));
        CONTRACT.put("creator", List.of("id uuid", "project_id uuid", "tiktok_handle string", "display_name string?",
                "avatar_url string?", "description string?", "readme string?", "metadata object",
                "tracking_mode string auto|selective", "tracking_start_date date", "status string active|removed|disabled",
                "follower_count integer?", "following_count integer?", "likes_count integer?", "video_count integer?",
                "last_scraped_at datetime?", "created_at datetime", "updated_at datetime"));
        CONTRACT.put("video", List.of("id uuid", "project_id uuid", "creator_id uuid?", "tiktok_video_id string", "url string",
                "title string?", "description string?", "readme string?", "metadata object", "thumbnail_url string?",
                "view_count integer", "like_count integer", "comment_count integer", "share_count integer", "save_count integer",
                "tracking_status string auto_tracked|pending_review|included|excluded|direct_add", "tracking_disabled boolean",
                "posted_at datetime?", "last_scraped_at datetime?", "created_at datetime", "updated_at datetime"));
        CONTRACT.put("campaign", List.of("id uuid", "project_id uuid", "name string", "description string?", "readme string?",
                "metadata object", "target_views integer?", "target_at datetime?", "created_at datetime", "updated_at datetime"));
        CONTRACT.put("campaign_item", List.of("campaign_id uuid", "item_type string creator|video|campaign", "item_id uuid",
                "created_at datetime"));
        CONTRACT.put("goal", List.of("id uuid", "creator_id uuid", "project_id uuid", "metric string posts|views|engagement|followers",
                "period string daily|weekly|monthly", "target_value number", "start_date date?", "end_date date?",
                "is_active boolean", "created_at datetime", "updated_at datetime"));
        CONTRACT.put("video_snapshot", List.of("video_id uuid", "captured_at datetime", "view_count integer", "like_count integer",
                "comment_count integer", "share_count integer", "save_count integer", "is_baseline boolean",
                "baseline_reason string? video_added|tracking_resumed", "source string " + SOURCES));
        CONTRACT.put("creator_snapshot", List.of("creator_id uuid", "captured_at datetime", "follower_count integer",
                "following_count integer", "likes_count integer", "video_count integer", "is_baseline boolean",
                "baseline_reason string? creator_added|tracking_resumed", "source string " + SOURCES));
        CONTRACT.put("annotation", List.of("id uuid", "entity_type string? project|creator|video|campaign", "entity_id uuid?",
                "date date", "kind string note|launch|milestone|incident", "title string", "body string?",
                "created_at datetime", "updated_at datetime"));
    }

    /** The eleven relationships of the example in docs/reference/endpoints-core.md, in order. */
    private static final List<Map<String, Object>> RELATIONSHIPS = List.of(
            rel("creator.project_id", "project.id", null),
            rel("video.project_id", "project.id", null),
            rel("video.creator_id", "creator.id", null),
            rel("campaign.project_id", "project.id", null),
            rel("campaign_item.campaign_id", "campaign.id", null),
            rel("campaign_item.item_id", "creator.id|video.id|campaign.id", "item_type"),
            rel("goal.creator_id", "creator.id", null),
            rel("goal.project_id", "project.id", null),
            rel("video_snapshot.video_id", "video.id", null),
            rel("creator_snapshot.creator_id", "creator.id", null),
            rel("annotation.entity_id", "project.id|creator.id|video.id|campaign.id", "entity_type"));

    private static Map<String, Object> rel(String from, String to, String discriminator) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        m.put("cardinality", "many_to_one");
        m.put("discriminator", discriminator);
        return m;
    }

    /** A key with the read scope only: enough for the schema. */
    String readKey;

    @BeforeEach
    void key() {
        var org = fx.org("starter");
        readKey = ApiKeys.generate();
        fx.key(org.id(), readKey, "read");
    }

    private ExtractableResponse<Response> schema() {
        return as(readKey).get("/api/v1/schema").then().statusCode(200).extract();
    }

    @Test
    void envelopeHasDataErrorAndMetaWithNullErrorAndMeta() {
        var res = schema();
        Map<String, Object> top = res.jsonPath().getMap("$");
        assertEquals(List.of("data", "error", "meta"), List.copyOf(top.keySet()));
        assertEquals(null, top.get("error"));
        assertEquals(null, top.get("meta"));
        Map<String, Object> data = res.path("data");
        assertEquals(List.of("entities", "relationships"), List.copyOf(data.keySet()));
    }

    @Test
    void representativeFields() {
        as(readKey).get("/api/v1/schema").then().statusCode(200)
                .body("error", nullValue()).body("meta", nullValue())
                .body("data.entities.project.fields.id.type", equalTo("uuid"))
                .body("data.entities.project.fields.id.nullable", equalTo(false))
                .body("data.entities.project.fields.id", not(hasKey("enum")))
                .body("data.entities.creator.fields.follower_count.type", equalTo("integer"))
                .body("data.entities.creator.fields.follower_count.nullable", equalTo(true))
                .body("data.entities.creator.fields.follower_count", not(hasKey("enum")))
                .body("data.entities.creator.fields.metadata.type", equalTo("object"))
                .body("data.entities.creator.fields.metadata.nullable", equalTo(false))
                .body("data.entities.creator.fields.tracking_mode.enum", contains("auto", "selective"))
                .body("data.entities.creator.fields.status.enum", contains("active", "removed", "disabled"))
                .body("data.entities.video.fields.creator_id.type", equalTo("uuid"))
                .body("data.entities.video.fields.creator_id.nullable", equalTo(true))
                .body("data.entities.video.fields.tracking_status.enum",
                        contains("auto_tracked", "pending_review", "included", "excluded", "direct_add"))
                .body("data.entities.campaign.fields.target_at.type", equalTo("datetime"))
                .body("data.entities.campaign.fields.target_at.nullable", equalTo(true))
                .body("data.entities.campaign_item.fields.item_type.enum", contains("creator", "video", "campaign"))
                .body("data.entities.goal.fields.metric.enum", contains("posts", "views", "engagement", "followers"))
                .body("data.entities.goal.fields.period.enum", contains("daily", "weekly", "monthly"))
                .body("data.entities.goal.fields.target_value.type", equalTo("number"))
                .body("data.entities.goal.fields.start_date.type", equalTo("date"))
                .body("data.entities.goal.fields.start_date.nullable", equalTo(true))
                .body("data.entities.video_snapshot.fields.baseline_reason.nullable", equalTo(true))
                .body("data.entities.video_snapshot.fields.baseline_reason.enum", contains("video_added", "tracking_resumed"))
                .body("data.entities.video_snapshot.fields.source.enum", contains("scheduled", "manual", "initial", "backfill"))
                .body("data.entities.creator_snapshot.fields.baseline_reason.enum", contains("creator_added", "tracking_resumed"))
                .body("data.entities.creator_snapshot.fields.source.enum", contains("scheduled", "manual", "initial", "backfill"))
                .body("data.entities.annotation.fields.entity_type.nullable", equalTo(true))
                .body("data.entities.annotation.fields.entity_type.enum", contains("project", "creator", "video", "campaign"))
                .body("data.entities.annotation.fields.kind.enum", contains("note", "launch", "milestone", "incident"))
                .body("data.relationships", hasSize(11));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEntityAndFieldMatchesDataModelInOrder() {
        Map<String, Map<String, Object>> entities = schema().path("data.entities");
        assertEquals(List.copyOf(CONTRACT.keySet()), List.copyOf(entities.keySet()));
        for (var entry : CONTRACT.entrySet()) {
            String entity = entry.getKey();
            Map<String, Object> actual = entities.get(entity);
            assertEquals(List.of("description", "fields"), List.copyOf(actual.keySet()), entity);
            assertNonBlankString(actual.get("description"), entity + ".description");
            Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) actual.get("fields");

            List<String> names = new ArrayList<>();
            for (String spec : entry.getValue()) {
                names.add(spec.split(" ")[0]);
            }
            assertEquals(names, List.copyOf(fields.keySet()), entity + " field order");

            for (String spec : entry.getValue()) {
                String[] parts = spec.split(" ");
                String name = parts[0];
                String where = entity + "." + name;
                boolean nullable = parts[1].endsWith("?");
                String type = nullable ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
                List<String> enumValues = parts.length > 2 ? Arrays.asList(parts[2].split("\\|")) : null;
                Map<String, Object> field = fields.get(name);

                List<String> keys = enumValues == null ? List.of("type", "nullable", "description")
                        : List.of("type", "nullable", "description", "enum");
                assertEquals(keys, List.copyOf(field.keySet()), where + " keys");
                assertTrue(TYPES.contains(field.get("type")), where + " type " + field.get("type"));
                assertEquals(type, field.get("type"), where + " type");
                assertEquals(nullable, field.get("nullable"), where + " nullable");
                assertNonBlankString(field.get("description"), where + ".description");
                if (enumValues != null) {
                    assertEquals(enumValues, field.get("enum"), where + " enum");
                }
            }
        }
    }

    @Test
    void exactlyTheElevenRelationshipsInOrder() {
        List<Map<String, Object>> relationships = schema().path("data.relationships");
        assertEquals(RELATIONSHIPS, relationships);
        for (Map<String, Object> r : relationships) {
            assertEquals(List.of("from", "to", "cardinality", "discriminator"), List.copyOf(r.keySet()));
            assertTrue(r.containsKey("discriminator"));
        }
    }

    @Test
    void theModelIsImmutable() {
        var schema = DataModel.SCHEMA;
        assertThrows(UnsupportedOperationException.class, () -> schema.entities().remove("project"));
        assertThrows(UnsupportedOperationException.class, () -> schema.entities().get("creator").fields().clear());
        assertThrows(UnsupportedOperationException.class, () -> schema.relationships().remove(0));
        assertThrows(UnsupportedOperationException.class,
                () -> schema.entities().get("creator").fields().get("status").enumValues().add("x"));
    }

    @Test
    void needsAKey() {
        var res = RestAssured.get("/api/v1/schema").then().statusCode(401)
                .body("data", nullValue())
                .body("error", equalTo("Invalid or missing API key"))
                .body("meta.code", equalTo("invalid_api_key"))
                .extract();
        Map<String, Object> top = res.jsonPath().getMap("$");
        assertEquals(List.of("data", "error", "meta"), List.copyOf(top.keySet()));
        assertFalse(res.asString().contains("entities"));
    }

    private static void assertNonBlankString(Object value, String where) {
        assertInstanceOf(String.class, value, where);
        assertFalse(((String) value).isBlank(), where);
    }
}
