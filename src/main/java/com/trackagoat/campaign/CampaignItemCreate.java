package com.trackagoat.campaign;

import com.trackagoat.api.constraints.OneOf;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Body of POST /api/v1/campaigns/{id}/items. That the item exists and is in the campaign's project is checked by the service. */
@RegisterForReflection
@Schema(name = "CampaignItemCreate")
public record CampaignItemCreate(
        @Schema(required = true, enumeration = {"creator", "video", "campaign"}) @NotNull @OneOf({"creator", "video", "campaign"}) String itemType,
        @Schema(required = true) @NotNull UUID itemId) {
}
