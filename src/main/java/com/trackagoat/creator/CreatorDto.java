package com.trackagoat.creator;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.trackagoat.api.Json;

import java.util.UUID;

/** The creator object of docs/reference/data-model.md, keys in contract order. */
public record CreatorDto(UUID id, UUID projectId, String tiktokHandle, String displayName, String avatarUrl,
                         String description, String readme, @JsonRawValue String metadata, String trackingMode,
                         String trackingStartDate, String status, Long followerCount, Long followingCount,
                         Long likesCount, Long videoCount, String lastScrapedAt, String createdAt, String updatedAt) {

    public static CreatorDto of(Creator c) {
        return new CreatorDto(c.id, c.projectId, c.tiktokHandle, c.displayName, c.avatarUrl, c.readme, c.readme,
                c.metadata == null ? "{}" : c.metadata, c.trackingMode, Json.date(c.trackingStartDate), c.status,
                c.followerCount, c.followingCount, c.likesCount, c.videoCount, Json.ts(c.lastScrapedAt),
                Json.ts(c.createdAt), Json.ts(c.updatedAt));
    }
}
