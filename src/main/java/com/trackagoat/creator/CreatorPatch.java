package com.trackagoat.creator;

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

/** Body of PATCH /api/v1/creators/{id}: absent = unchanged. A new handle gets the 409 checks of a rename. */
@RegisterForReflection
@AtLeastOneField
@Schema(name = "CreatorPatch", description = "At least one field; a new handle is validated as on create (409 codes)")
public record CreatorPatch(
        @Schema(implementation = String.class, description = Readme.DESCRIPTION, nullable = true) Field<@Readme String> readme,
        @Schema(implementation = String.class) Field<@NotNull String> tiktokHandle,
        @Schema(implementation = Map.class, additionalProperties = Object.class, description = Metadata.DESCRIPTION) Field<@NotNull @Metadata JsonNode> metadata,
        @Schema(implementation = String.class, enumeration = {"auto", "selective"})
        Field<@NotNull @OneOf({"auto", "selective"}) String> trackingMode) {
}
