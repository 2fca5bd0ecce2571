package com.trackagoat.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.AtLeastOneField;
import com.trackagoat.api.constraints.Metadata;
import com.trackagoat.api.constraints.Name;
import com.trackagoat.api.constraints.Readme;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** Body of PATCH /api/v1/campaigns/{id}: absent = unchanged, null clears the nullable ones; the name is kept trimmed. */
@RegisterForReflection
@AtLeastOneField
@Schema(name = "CampaignPatch", description = "At least one field")
public record CampaignPatch(
        @Schema(implementation = String.class, description = Name.DESCRIPTION) Field<@NotNull @Name String> name,
        @Schema(implementation = String.class, description = Readme.DESCRIPTION, nullable = true) Field<@Readme String> readme,
        @Schema(implementation = Map.class, additionalProperties = Object.class, description = Metadata.DESCRIPTION) Field<@NotNull @Metadata JsonNode> metadata,
        @Schema(implementation = Long.class, minimum = "0", nullable = true) Field<@Min(0) Long> targetViews,
        @Schema(implementation = String.class, format = "date-time", nullable = true) Field<Instant> targetAt) {

    public CampaignPatch {
        name = name.map(String::strip);
    }
}
