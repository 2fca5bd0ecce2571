package com.trackagoat.org;

import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.AtLeastOneField;
import com.trackagoat.api.constraints.IanaZone;
import com.trackagoat.api.constraints.Name;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of PATCH /api/v1/organization: absent = unchanged; the name is kept trimmed. */
@RegisterForReflection
@AtLeastOneField
@Schema(name = "OrganizationPatch", description = "At least one field")
public record OrganizationPatch(
        @Schema(implementation = String.class, description = Name.DESCRIPTION) Field<@NotNull @Name String> name,
        @Schema(implementation = String.class, description = "IANA time zone id") Field<@NotNull @IanaZone String> timezone) {

    public OrganizationPatch {
        name = name.map(String::strip);
    }
}
