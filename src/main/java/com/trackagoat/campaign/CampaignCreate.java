package com.trackagoat.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.Metadata;
import com.trackagoat.api.constraints.Name;
import com.trackagoat.api.constraints.Readme;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** Body of POST /api/v1/projects/{projectId}/campaigns; the name is kept trimmed, absent metadata is {@code {}}. */
@RegisterForReflection
@Schema(name = "CampaignCreate")
public record CampaignCreate(
        @Schema(required = true, description = Name.DESCRIPTION) @NotNull @Name String name,
        @Schema(description = Readme.DESCRIPTION, nullable = true) @Readme String readme,
        @Schema(implementation = Map.class, additionalProperties = Object.class, description = Metadata.DESCRIPTION) Field<@NotNull @Metadata JsonNode> metadata,
        @Schema(minimum = "0", nullable = true) @Min(0) Long targetViews,
        @Schema(implementation = String.class, format = "date-time", nullable = true, description = "Any RFC 3339 offset; stored in UTC")
        Instant targetAt) {

    public CampaignCreate {
        name = name == null ? null : name.strip();
    }
}
