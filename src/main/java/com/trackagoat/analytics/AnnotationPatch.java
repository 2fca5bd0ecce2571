package com.trackagoat.analytics;

import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.AtLeastOneField;
import com.trackagoat.api.constraints.MaxCodePoints;
import com.trackagoat.api.constraints.Name;
import com.trackagoat.api.constraints.OneOf;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * Body of PATCH /api/v1/analytics/annotations/{id}: absent = unchanged, null clears {@code body};
 * the title is kept trimmed. The target of an annotation is not changed by a PATCH.
 */
@RegisterForReflection
@AtLeastOneField
@Schema(name = "AnnotationPatch", description = "At least one field")
public record AnnotationPatch(
        @Schema(implementation = String.class, format = "date") Field<@NotNull LocalDate> date,
        @Schema(implementation = String.class, description = Name.DESCRIPTION) Field<@NotNull @Name String> title,
        @Schema(implementation = String.class, description = "At most 5,000 characters; null clears", nullable = true)
        Field<@MaxCodePoints(Annotations.MAX_BODY) String> body,
        @Schema(implementation = String.class, enumeration = {"note", "launch", "milestone", "incident"})
        Field<@NotNull @OneOf({"note", "launch", "milestone", "incident"}) String> kind) {

    public AnnotationPatch {
        title = title.map(String::strip);
    }
}
