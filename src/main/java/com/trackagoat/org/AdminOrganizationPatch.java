package com.trackagoat.org;

import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.AtLeastOneField;
import com.trackagoat.api.constraints.IanaZone;
import com.trackagoat.api.constraints.Name;
import com.trackagoat.api.constraints.OneOf;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of PATCH /api/v1/admin/organizations/{id}: absent = unchanged; banning the platform organization is refused by the service. */
@RegisterForReflection
@AtLeastOneField
@Schema(name = "AdminOrganizationPatch", description = "At least one field")
public record AdminOrganizationPatch(
        @Schema(implementation = String.class, description = Name.DESCRIPTION) Field<@NotNull @Name String> name,
        @Schema(implementation = String.class, enumeration = {"free", "starter", "ultra"}) Field<@NotNull @OneOf({"free", "starter", "ultra"}) String> tier,
        @Schema(implementation = String.class, description = "IANA time zone id") Field<@NotNull @IanaZone String> timezone,
        @Schema(implementation = Boolean.class) Field<@NotNull Boolean> banned) {

    public AdminOrganizationPatch {
        name = name.map(String::strip);
    }
}
