package com.trackagoat.project;

import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.AtLeastOneField;
import com.trackagoat.api.constraints.Name;
import com.trackagoat.api.constraints.Readme;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of PATCH /api/v1/projects/{id}: absent = unchanged; the name is kept trimmed. */
@RegisterForReflection
@AtLeastOneField
@Schema(name = "ProjectPatch", description = "At least one field")
public record ProjectPatch(
        @Schema(implementation = String.class, description = Name.DESCRIPTION) Field<@NotNull @Name String> name,
        @Schema(implementation = String.class, description = Readme.DESCRIPTION, nullable = true) Field<@Readme String> readme) {

    public ProjectPatch {
        name = name.map(String::strip);
    }
}
