package com.trackagoat.schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shapes for the OpenAPI document only: the request bodies (which {@code api.JsonBody} parses
 * strictly, field by field, so that every error names its field). The response records of each
 * feature describe themselves.
 */
@RegisterForReflection(ignoreNested = false)
public final class ApiModels {

    private ApiModels() {
    }

    private static final String NAME = "1–200 characters after trimming";
    private static final String README = "Notes, at most 100,000 characters; null clears";
    private static final String METADATA = "Free-form JSON object of at most 16 KiB; replaces the previous object";

    // ------------------------------------------------------------------ request bodies

    @Schema(name = "ProjectCreate", description = "Body of POST /api/v1/projects")
    public record ProjectCreate(@Schema(required = true, description = NAME) String name,
                                @Schema(description = README, nullable = true) String readme) {
    }

    @Schema(name = "ProjectPatch", description = "At least one field")
    public record ProjectPatch(@Schema(description = NAME) String name,
                               @Schema(description = README, nullable = true) String readme) {
    }

    @Schema(name = "CreatorCreate", description = "One creator; leading `@` stripped, a profile URL is accepted, lowercased")
    public record CreatorCreate(@Schema(required = true, examples = "charlidamelio") String tiktokHandle,
                                @Schema(enumeration = {"auto", "selective"}, defaultValue = "auto") String trackingMode,
                                @Schema(format = "date", description = "Default: today in the organization's timezone") String trackingStartDate,
                                @Schema(description = README, nullable = true) String readme,
                                @Schema(description = METADATA) Map<String, Object> metadata) {
    }

    @Schema(name = "CreatorBulkCreate", description = "1–50 creators, each processed on its own")
    public record CreatorBulkCreate(@Schema(required = true, minItems = 1, maxItems = 50) List<CreatorCreate> creators) {
    }

    @Schema(name = "CreatorPatch", description = "At least one field; a new handle is validated as on create (409 codes)")
    public record CreatorPatch(@Schema(description = README, nullable = true) String readme,
                               String tiktokHandle,
                               @Schema(description = METADATA) Map<String, Object> metadata,
                               @Schema(enumeration = {"auto", "selective"}) String trackingMode) {
    }

    @Schema(name = "CreatorIds", description = "1–100 creator ids")
    public record CreatorIds(@Schema(required = true, minItems = 1, maxItems = 100) List<UUID> creatorIds) {
    }

    @Schema(name = "VideoCreate", description = "A video by its TikTok URL (`…tiktok.com/@<handle>/video/<digits>` or `/photo/<digits>`)")
    public record VideoCreate(@Schema(required = true, examples = "https://www.tiktok.com/@charlidamelio/video/7301234567890123456") String url,
                              @Schema(description = "A creator of this project; default: the project's creator with the URL's handle") UUID creatorId,
                              @Schema(description = README, nullable = true) String readme,
                              @Schema(description = METADATA) Map<String, Object> metadata) {
    }

    @Schema(name = "VideoPatch", description = "At least one field")
    public record VideoPatch(@Schema(description = README, nullable = true) String readme,
                             @Schema(description = METADATA) Map<String, Object> metadata,
                             @Schema(enumeration = {"included", "excluded"}, description = "Review decision on a `pending_review` video") String trackingStatus) {
    }

    @Schema(name = "VideoIds", description = "1–100 video ids")
    public record VideoIds(@Schema(required = true, minItems = 1, maxItems = 100) List<UUID> videoIds) {
    }

    @Schema(name = "CampaignCreate")
    public record CampaignCreate(@Schema(required = true, description = NAME) String name,
                                 @Schema(description = README, nullable = true) String readme,
                                 @Schema(description = METADATA) Map<String, Object> metadata,
                                 @Schema(minimum = "0", nullable = true) Long targetViews,
                                 @Schema(format = "date-time", nullable = true, description = "Any RFC 3339 offset; stored in UTC") String targetAt) {
    }

    @Schema(name = "CampaignPatch", description = "At least one field")
    public record CampaignPatch(@Schema(description = NAME) String name,
                                @Schema(description = README, nullable = true) String readme,
                                @Schema(description = METADATA) Map<String, Object> metadata,
                                @Schema(minimum = "0", nullable = true) Long targetViews,
                                @Schema(format = "date-time", nullable = true) String targetAt) {
    }

    @Schema(name = "CampaignItemCreate")
    public record CampaignItemCreate(@Schema(required = true, enumeration = {"creator", "video", "campaign"}) String itemType,
                                     @Schema(required = true) UUID itemId) {
    }

    @Schema(name = "ApiKeyCreate")
    public record ApiKeyCreate(@Schema(required = true, description = NAME) String name,
                               @Schema(description = "Default `[\"read\", \"write\"]`; only scopes the calling key holds",
                                       type = SchemaType.ARRAY, enumeration = {"read", "write", "admin"}) List<String> scopes) {
    }

    @Schema(name = "OrganizationPatch", description = "At least one field")
    public record OrganizationPatch(@Schema(description = NAME) String name,
                                    @Schema(description = "IANA time zone id") String timezone) {
    }

    @Schema(name = "AdminOrganizationCreate")
    public record AdminOrganizationCreate(@Schema(required = true, description = NAME) String name,
                                          @Schema(enumeration = {"free", "starter", "ultra"}, defaultValue = "free") String tier,
                                          @Schema(description = "IANA time zone id", defaultValue = "UTC") String timezone) {
    }

    @Schema(name = "AdminOrganizationPatch", description = "At least one field")
    public record AdminOrganizationPatch(@Schema(description = NAME) String name,
                                         @Schema(enumeration = {"free", "starter", "ultra"}) String tier,
                                         @Schema(description = "IANA time zone id") String timezone,
                                         Boolean banned) {
    }
}
