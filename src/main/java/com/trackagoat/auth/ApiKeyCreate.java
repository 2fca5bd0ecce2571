package com.trackagoat.auth;

import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.Name;
import com.trackagoat.api.constraints.OneOf;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Body of POST /api/v1/api-keys; the name is kept trimmed. {@code scopes}: absent → the default
 * ({@link Scopes#DEFAULT}); otherwise a non-empty list of known scopes (duplicates collapse later).
 */
@RegisterForReflection
@Schema(name = "ApiKeyCreate")
public record ApiKeyCreate(
        @Schema(required = true, description = Name.DESCRIPTION) @NotNull @Name String name,
        @Schema(description = "Default `[\"read\", \"write\"]`; only scopes the calling key holds",
                type = SchemaType.ARRAY, implementation = String.class, enumeration = {"read", "write", "admin"})
        Field<@NotNull @Size(min = 1) List<@NotNull @OneOf({"read", "write", "admin"}) String>> scopes) {

    public ApiKeyCreate {
        name = name == null ? null : name.strip();
    }
}
