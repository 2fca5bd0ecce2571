package com.trackagoat.analytics;

import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.BothOrNeither;
import com.trackagoat.api.constraints.MaxCodePoints;
import com.trackagoat.api.constraints.Name;
import com.trackagoat.api.constraints.OneOf;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Body of POST /api/v1/analytics/annotations (docs/reference/analytics.md §2). The title is kept
 * trimmed; {@code entity_type} and {@code entity_id} come together or not at all (null = not
 * given: an organization-wide annotation). That the entity is visible is checked by the service.
 */
@RegisterForReflection
@BothOrNeither({"entityType", "entityId"})
@Schema(name = "AnnotationCreate", description = "`entity_type` and `entity_id` both or neither (neither: the whole organization)")
public record AnnotationCreate(
        @Schema(required = true, implementation = String.class, format = "date") @NotNull LocalDate date,
        @Schema(required = true, description = Name.DESCRIPTION) @NotNull @Name String title,
        @Schema(description = "At most 5,000 characters", nullable = true) @MaxCodePoints(Annotations.MAX_BODY) String body,
        @Schema(implementation = String.class, enumeration = {"note", "launch", "milestone", "incident"}, defaultValue = "note")
        Field<@NotNull @OneOf({"note", "launch", "milestone", "incident"}) String> kind,
        @Schema(enumeration = {"project", "creator", "video", "campaign"}, nullable = true, description = "With `entity_id`; a visible entity of the organization")
        @OneOf({"project", "creator", "video", "campaign"}) String entityType,
        @Schema(nullable = true, description = "With `entity_type`") UUID entityId) {

    public AnnotationCreate {
        title = title == null ? null : title.strip();
    }
}
