package com.trackagoat.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable data model of GET /api/v1/schema (docs/reference/endpoints-core.md "Schema"): the nine
 * entities of docs/reference/data-model.md with their fields in contract order, and the eleven relationships.
 * Built once; immutable.
 */
public final class DataModel {

    /** One field: type, nullability, description, and the allowed values of enumerated fields. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DataModelField")
    public record Field(String type, boolean nullable, String description,
                        @JsonProperty("enum") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> enumValues) {
        public Field {
            enumValues = enumValues == null ? null : List.copyOf(enumValues);
        }
    }

    /** {@code fields} keeps the contract order and cannot be changed. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DataModelEntity")
    public record Entity(String description, Map<String, Field> fields) {
        public Entity {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DataModelRelationship")
    public record Relationship(String from, String to, String cardinality, String discriminator) {
    }

    /** {@code entities} keeps the contract order and cannot be changed. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DataModel")
    public record Schema(Map<String, Entity> entities, List<Relationship> relationships) {
        public Schema {
            entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
            relationships = List.copyOf(relationships);
        }
    }

    private static final String[] SOURCES = {"scheduled", "manual", "initial", "backfill"};

    public static final Schema SCHEMA = build();

    private DataModel() {
    }

    private static final class Fields {
        final Map<String, Field> map = new LinkedHashMap<>();

        Fields f(String name, String type, boolean nullable, String description, String... enumValues) {
            map.put(name, new Field(type, nullable, description, enumValues.length == 0 ? null : List.of(enumValues)));
            return this;
        }

        Fields timestamps() {
            return f("created_at", "datetime", false, "Creation time").f("updated_at", "datetime", false, "Last API change");
        }

        Fields notes() {
            return f("description", "string", true, "Notes for humans and agents").f("readme", "string", true, "Same notes; write through PATCH");
        }
    }

    private static Schema build() {
        Map<String, Entity> e = new LinkedHashMap<>();
        e.put("project", new Entity("A programme grouping creators, videos and campaigns.", new Fields()
                .f("id", "uuid", false, "Project id")
                .f("org_id", "uuid", false, "Owning organization")
                .f("name", "string", false, "Name")
                .notes().timestamps().map));
        e.put("creator", new Entity("A tracked TikTok account.", new Fields()
                .f("id", "uuid", false, "Creator id")
                .f("project_id", "uuid", false, "Project")
                .f("tiktok_handle", "string", false, "Handle without @, lowercase")
                .f("display_name", "string", true, "Profile name")
                .f("avatar_url", "string", true, "Profile picture")
                .notes()
                .f("metadata", "object", false, "Free-form object")
                .f("tracking_mode", "string", false, "Discovery of new videos", "auto", "selective")
                .f("tracking_start_date", "date", false, "Videos posted before it are not discovered")
                .f("status", "string", false, "Tracking status", "active", "removed", "disabled")
                .f("follower_count", "integer", true, "Followers at the latest snapshot")
                .f("following_count", "integer", true, "Accounts followed at the latest snapshot")
                .f("likes_count", "integer", true, "Profile likes at the latest snapshot")
                .f("video_count", "integer", true, "Profile posts at the latest snapshot")
                .f("last_scraped_at", "datetime", true, "Time of the latest creator snapshot")
                .timestamps().map));
        e.put("video", new Entity("A TikTok video, discovered from a creator or added by URL.", new Fields()
                .f("id", "uuid", false, "Video id")
                .f("project_id", "uuid", false, "Project")
                .f("creator_id", "uuid", true, "Creator; null for videos added by URL without a tracked creator")
                .f("tiktok_video_id", "string", false, "TikTok id (decimal digits), unique per project")
                .f("url", "string", false, "Canonical TikTok URL")
                .f("title", "string", true, "Title")
                .notes()
                .f("metadata", "object", false, "Free-form object")
                .f("thumbnail_url", "string", true, "Thumbnail")
                .f("view_count", "integer", false, "Views at the latest snapshot")
                .f("like_count", "integer", false, "Likes at the latest snapshot")
                .f("comment_count", "integer", false, "Comments at the latest snapshot")
                .f("share_count", "integer", false, "Shares at the latest snapshot")
                .f("save_count", "integer", false, "Saves at the latest snapshot")
                .f("tracking_status", "string", false, "Review and counting status", "auto_tracked", "pending_review", "included", "excluded", "direct_add")
                .f("tracking_disabled", "boolean", false, "No new snapshots when true")
                .f("posted_at", "datetime", true, "Posting time")
                .f("last_scraped_at", "datetime", true, "Time of the latest snapshot")
                .timestamps().map));
        e.put("campaign", new Entity("A nested group of creators, videos and sub-campaigns.", new Fields()
                .f("id", "uuid", false, "Campaign id")
                .f("project_id", "uuid", false, "Project")
                .f("name", "string", false, "Name")
                .notes()
                .f("metadata", "object", false, "Free-form object")
                .f("target_views", "integer", true, "Target views")
                .f("target_at", "datetime", true, "Target date")
                .timestamps().map));
        e.put("campaign_item", new Entity("Membership of a creator, video or sub-campaign in a campaign.", new Fields()
                .f("campaign_id", "uuid", false, "Containing campaign")
                .f("item_type", "string", false, "Kind of item", "creator", "video", "campaign")
                .f("item_id", "uuid", false, "Id of the item")
                .f("created_at", "datetime", false, "When it was added").map));
        e.put("goal", new Entity("A periodic target for a creator.", new Fields()
                .f("id", "uuid", false, "Goal id")
                .f("creator_id", "uuid", false, "Creator")
                .f("project_id", "uuid", false, "The creator's project")
                .f("metric", "string", false, "What is measured", "posts", "views", "engagement", "followers")
                .f("period", "string", false, "Measuring period", "daily", "weekly", "monthly")
                .f("target_value", "number", false, "Target (> 0); percent for engagement")
                .f("start_date", "date", true, "First day")
                .f("end_date", "date", true, "Last day")
                .f("is_active", "boolean", false, "Evaluated when true")
                .timestamps().map));
        e.put("video_snapshot", new Entity("Lifetime counters of a video at one scrape.", new Fields()
                .f("video_id", "uuid", false, "Video")
                .f("captured_at", "datetime", false, "Scrape slot; unique with video_id")
                .f("view_count", "integer", false, "Views")
                .f("like_count", "integer", false, "Likes")
                .f("comment_count", "integer", false, "Comments")
                .f("share_count", "integer", false, "Shares")
                .f("save_count", "integer", false, "Saves")
                .f("is_baseline", "boolean", false, "Counters that grew while nobody watched; never counted as gains")
                .f("baseline_reason", "string", true, "Why it is a baseline", "video_added", "tracking_resumed")
                .f("source", "string", false, "What wrote it", SOURCES).map));
        e.put("creator_snapshot", new Entity("Profile counters of a creator at one scrape.", new Fields()
                .f("creator_id", "uuid", false, "Creator")
                .f("captured_at", "datetime", false, "Scrape slot; unique with creator_id")
                .f("follower_count", "integer", false, "Followers")
                .f("following_count", "integer", false, "Accounts followed")
                .f("likes_count", "integer", false, "Profile likes")
                .f("video_count", "integer", false, "Profile posts")
                .f("is_baseline", "boolean", false, "First snapshot, or first after tracking resumed")
                .f("baseline_reason", "string", true, "Why it is a baseline", "creator_added", "tracking_resumed")
                .f("source", "string", false, "What wrote it", SOURCES).map));
        e.put("annotation", new Entity("A dated note on the organization or one entity.", new Fields()
                .f("id", "uuid", false, "Annotation id")
                .f("entity_type", "string", true, "Annotated entity kind; null = organization-wide", "project", "creator", "video", "campaign")
                .f("entity_id", "uuid", true, "Annotated entity")
                .f("date", "date", false, "Day it refers to")
                .f("kind", "string", false, "Kind", "note", "launch", "milestone", "incident")
                .f("title", "string", false, "Title (1–200)")
                .f("body", "string", true, "Text (≤ 5,000)")
                .timestamps().map));
        List<Relationship> r = List.of(
                new Relationship("creator.project_id", "project.id", "many_to_one", null),
                new Relationship("video.project_id", "project.id", "many_to_one", null),
                new Relationship("video.creator_id", "creator.id", "many_to_one", null),
                new Relationship("campaign.project_id", "project.id", "many_to_one", null),
                new Relationship("campaign_item.campaign_id", "campaign.id", "many_to_one", null),
                new Relationship("campaign_item.item_id", "creator.id|video.id|campaign.id", "many_to_one", "item_type"),
                new Relationship("goal.creator_id", "creator.id", "many_to_one", null),
                new Relationship("goal.project_id", "project.id", "many_to_one", null),
                new Relationship("video_snapshot.video_id", "video.id", "many_to_one", null),
                new Relationship("creator_snapshot.creator_id", "creator.id", "many_to_one", null),
                new Relationship("annotation.entity_id", "project.id|creator.id|video.id|campaign.id", "many_to_one", "entity_type"));
        return new Schema(e, r);
    }
}
