package com.trackagoat.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.AtLeastOneField;
import com.trackagoat.api.constraints.Metadata;
import com.trackagoat.api.constraints.OneOf;
import com.trackagoat.api.constraints.Readme;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * Body of PATCH /api/v1/videos/{id}: absent = unchanged. {@code tracking_status} takes any status
 * here (setting the current one is no change); which transitions are allowed is a business rule of
 * the service (400 {@code Invalid field: tracking_status} after the lookup), and the document lists
 * the two review decisions.
 */
@RegisterForReflection
@AtLeastOneField
@Schema(name = "VideoPatch", description = "At least one field")
public record VideoPatch(
        @Schema(implementation = String.class, description = Readme.DESCRIPTION, nullable = true) Field<@Readme String> readme,
        @Schema(implementation = Map.class, additionalProperties = Object.class, description = Metadata.DESCRIPTION) Field<@NotNull @Metadata JsonNode> metadata,
        @Schema(implementation = String.class, enumeration = {"included", "excluded"}, description = "Review decision on a `pending_review` video")
        Field<@NotNull @OneOf({"auto_tracked", "pending_review", "included", "excluded", "direct_add"}) String> trackingStatus) {
}
