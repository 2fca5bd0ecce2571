package com.trackagoat.video;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.trackagoat.api.Json;

import java.util.UUID;

/** The video object of docs/reference/data-model.md, keys in contract order. */
public record VideoDto(UUID id, UUID projectId, UUID creatorId, String tiktokVideoId, String url, String title,
                       String description, String readme, @JsonRawValue String metadata, String thumbnailUrl,
                       long viewCount, long likeCount, long commentCount, long shareCount, long saveCount,
                       String trackingStatus, boolean trackingDisabled, String postedAt, String lastScrapedAt,
                       String createdAt, String updatedAt) {

    public static VideoDto of(Video v) {
        return new VideoDto(v.id, v.projectId, v.creatorId, v.tiktokVideoId, v.url, v.title, v.readme, v.readme,
                v.metadata == null ? "{}" : v.metadata, v.thumbnailUrl, v.viewCount, v.likeCount, v.commentCount,
                v.shareCount, v.saveCount, v.trackingStatus, v.trackingDisabled, Json.ts(v.postedAt),
                Json.ts(v.lastScrapedAt), Json.ts(v.createdAt), Json.ts(v.updatedAt));
    }
}
