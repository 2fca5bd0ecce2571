package com.trackagoat.project;

import com.trackagoat.api.constraints.Name;
import com.trackagoat.api.constraints.Readme;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/projects; the name is kept trimmed. */
@RegisterForReflection
@Schema(name = "ProjectCreate", description = "Body of POST /api/v1/projects")
public record ProjectCreate(
        @Schema(required = true, description = Name.DESCRIPTION) @NotNull @Name String name,
        @Schema(description = Readme.DESCRIPTION, nullable = true) @Readme String readme) {

    public ProjectCreate {
        name = name == null ? null : name.strip();
    }
}
