package com.trackagoat.campaign;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.trackagoat.api.Json;

import java.util.UUID;

/** The campaign object of docs/reference/data-model.md, keys in contract order. */
public record CampaignDto(UUID id, UUID projectId, String name, String description, String readme,
                          @JsonRawValue String metadata, Long targetViews, String targetAt,
                          String createdAt, String updatedAt) {

    public static CampaignDto of(Campaign c) {
        return new CampaignDto(c.id, c.projectId, c.name, c.readme, c.readme, c.metadata == null ? "{}" : c.metadata,
                c.targetViews, Json.ts(c.targetAt), Json.ts(c.createdAt), Json.ts(c.updatedAt));
    }
}
