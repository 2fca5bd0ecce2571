package com.trackagoat.campaign;

import com.trackagoat.api.Json;

import java.util.UUID;

/** The campaign item object of docs/reference/data-model.md. */
public record CampaignItemDto(UUID campaignId, String itemType, UUID itemId, String createdAt) {

    public static CampaignItemDto of(CampaignItem i) {
        return new CampaignItemDto(i.campaignId, i.itemType, i.itemId, Json.ts(i.createdAt));
    }
}
