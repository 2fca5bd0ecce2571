package com.trackagoat.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The answer of removing a campaign item. */
@Schema(name = "CampaignItemDeleted")
public record CampaignItemDeleted(UUID campaignId, String itemType, UUID itemId, @Schema(constValue = "true") boolean deleted) {
}
