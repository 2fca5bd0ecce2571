package com.trackagoat.org;

import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.IanaZone;
import com.trackagoat.api.constraints.Name;
import com.trackagoat.api.constraints.OneOf;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/admin/organizations: absent tier → {@code free}, absent timezone → {@code UTC}; the name is kept trimmed. */
@RegisterForReflection
@Schema(name = "AdminOrganizationCreate")
public record AdminOrganizationCreate(
        @Schema(required = true, description = Name.DESCRIPTION) @NotNull @Name String name,
        @Schema(implementation = String.class, enumeration = {"free", "starter", "ultra"}, defaultValue = "free")
        Field<@NotNull @OneOf({"free", "starter", "ultra"}) String> tier,
        @Schema(implementation = String.class, description = "IANA time zone id", defaultValue = "UTC") Field<@NotNull @IanaZone String> timezone) {

    public AdminOrganizationCreate {
        name = name == null ? null : name.strip();
    }
}
