package com.trackagoat.schema;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SchemaResourceTest extends ApiTest {

    @Inject
    Fixtures fx;

    static final Map<String, List<String>> FIELDS = Map.of(
            "project", List.of("id", "org_id", "name", "description", "readme", "created_at", "updated_at"),
            "creator", List.of("id", "project_id", "tiktok_handle", "display_name", "avatar_url", "description", "readme", "metadata",
                    "tracking_mode", "tracking_start_date", "status", "follower_count", "following_count", "likes_count", "video_count",
                    "last_scraped_at", "created_at", "updated_at"),
            "video", List.of("id", "project_id", "creator_id", "tiktok_video_id", "url", "title", "description", "readme", "metadata",
                    "thumbnail_url", "view_count", "like_count", "comment_count", "share_count", "save_count", "tracking_status",
                    "tracking_disabled", "posted_at", "last_scraped_at", "created_at", "updated_at"),
            "campaign", List.of("id", "project_id", "name", "description", "readme", "metadata", "target_views", "target_at",
                    "created_at", "updated_at"),
            "campaign_item", List.of("campaign_id", "item_type", "item_id", "created_at"),
            "goal", List.of("id", "creator_id", "project_id", "metric", "period", "target_value", "start_date", "end_date", "is_active",
                    "created_at", "updated_at"),
            "video_snapshot", List.of("video_id", "captured_at", "view_count", "like_count", "comment_count", "share_count", "save_count",
                    "is_baseline", "baseline_reason", "source"),
            "creator_snapshot", List.of("creator_id", "captured_at", "follower_count", "following_count", "likes_count", "video_count",
                    "is_baseline", "baseline_reason", "source"),
            "annotation", List.of("id", "entity_type", "entity_id", "date", "kind", "title", "body", "created_at", "updated_at"));

    @Test
    void describesEveryEntityInContractOrder() {
        var org = fx.org("starter");
        var res = as(org).get("/api/v1/schema").then().statusCode(200)
                .body("error", nullValue()).body("meta", nullValue())
                .body("data.entities.project.fields.id.type", equalTo("uuid"))
                .body("data.entities.project.fields.id", not(hasKey("enum")))
                .body("data.entities.creator.fields.follower_count.type", equalTo("integer"))
                .body("data.entities.creator.fields.follower_count.nullable", equalTo(true))
                .body("data.entities.creator.fields.metadata.type", equalTo("object"))
                .body("data.entities.creator.fields.status.enum", contains("active", "removed", "disabled"))
                .body("data.entities.video.fields.creator_id.nullable", equalTo(true))
                .body("data.entities.video.fields.tracking_status.enum", contains("auto_tracked", "pending_review", "included", "excluded", "direct_add"))
                .body("data.entities.campaign.fields.target_at.type", equalTo("datetime"))
                .body("data.entities.campaign.fields.target_at.nullable", equalTo(true))
                .body("data.entities.goal.fields.target_value.type", equalTo("number"))
                .body("data.entities.goal.fields.start_date.type", equalTo("date"))
                .body("data.entities.campaign_item.fields.item_type.enum", contains("creator", "video", "campaign"))
                .body("data.entities.video_snapshot.fields.baseline_reason.enum", contains("video_added", "tracking_resumed"))
                .body("data.entities.annotation.fields.kind.enum", contains("note", "launch", "milestone", "incident"))
                .extract();
        Map<String, Map<String, Object>> entities = res.path("data.entities");
        assertEquals(List.of("project", "creator", "video", "campaign", "campaign_item", "goal", "video_snapshot", "creator_snapshot",
                "annotation"), List.copyOf(entities.keySet()));
        for (var e : entities.entrySet()) {
            assertEquals(List.of("description", "fields"), List.copyOf(e.getValue().keySet()));
            Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) e.getValue().get("fields");
            assertEquals(FIELDS.get(e.getKey()), List.copyOf(fields.keySet()), e.getKey());
            fields.values().forEach(f -> assertEquals(List.of("type", "nullable", "description"), List.copyOf(f.keySet()).subList(0, 3)));
        }
        String body = res.asString();
        String relationships = body.substring(body.indexOf("\"relationships\":"), body.indexOf("]},\"error\"") + 1);
        assertEquals("\"relationships\":["
                + "{\"from\":\"creator.project_id\",\"to\":\"project.id\",\"cardinality\":\"many_to_one\",\"discriminator\":null},"
                + "{\"from\":\"video.project_id\",\"to\":\"project.id\",\"cardinality\":\"many_to_one\",\"discriminator\":null},"
                + "{\"from\":\"video.creator_id\",\"to\":\"creator.id\",\"cardinality\":\"many_to_one\",\"discriminator\":null},"
                + "{\"from\":\"campaign.project_id\",\"to\":\"project.id\",\"cardinality\":\"many_to_one\",\"discriminator\":null},"
                + "{\"from\":\"campaign_item.campaign_id\",\"to\":\"campaign.id\",\"cardinality\":\"many_to_one\",\"discriminator\":null},"
                + "{\"from\":\"campaign_item.item_id\",\"to\":\"creator.id|video.id|campaign.id\",\"cardinality\":\"many_to_one\",\"discriminator\":\"item_type\"},"
                + "{\"from\":\"goal.creator_id\",\"to\":\"creator.id\",\"cardinality\":\"many_to_one\",\"discriminator\":null},"
                + "{\"from\":\"goal.project_id\",\"to\":\"project.id\",\"cardinality\":\"many_to_one\",\"discriminator\":null},"
                + "{\"from\":\"video_snapshot.video_id\",\"to\":\"video.id\",\"cardinality\":\"many_to_one\",\"discriminator\":null},"
                + "{\"from\":\"creator_snapshot.creator_id\",\"to\":\"creator.id\",\"cardinality\":\"many_to_one\",\"discriminator\":null},"
                + "{\"from\":\"annotation.entity_id\",\"to\":\"project.id|creator.id|video.id|campaign.id\",\"cardinality\":\"many_to_one\",\"discriminator\":\"entity_type\"}]",
                relationships);
    }

    @Test
    void needsAKey() {
        RestAssured.get("/api/v1/schema").then().statusCode(401).body("meta.code", equalTo("invalid_api_key"));
    }
}
