package com.trackagoat.creator;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.MaxCodePoints;
import com.trackagoat.api.constraints.Metadata;
import com.trackagoat.api.constraints.OneOf;
import com.trackagoat.api.constraints.Readme;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Map;

/**
 * One creator to add: the single body of POST /api/v1/projects/{projectId}/creators, and each item
 * of {@link CreatorBulkCreate}. The handle is kept as sent (normalizing and its 409 checks are
 * business rules). {@code readme} and {@code metadata} are {@link Field}s because on a
 * reactivation only given ones overwrite.
 */
@RegisterForReflection
@Schema(name = "CreatorCreate", description = "One creator; leading `@` stripped, a profile URL is accepted, lowercased")
public record CreatorCreate(
        @Schema(required = true, examples = "charlidamelio") @NotNull @MaxCodePoints(MAX_HANDLE) String tiktokHandle,
        @Schema(implementation = String.class, enumeration = {"auto", "selective"}, defaultValue = "auto")
        Field<@NotNull @OneOf({"auto", "selective"}) String> trackingMode,
        @Schema(implementation = String.class, format = "date", description = "Default: today in the organization's timezone")
        Field<@NotNull LocalDate> trackingStartDate,
        @Schema(implementation = String.class, description = Readme.DESCRIPTION, nullable = true) Field<@Readme String> readme,
        @Schema(implementation = Map.class, additionalProperties = Object.class, description = Metadata.DESCRIPTION) Field<@NotNull @Metadata JsonNode> metadata) {

    /** Longest {@code tiktok_handle} accepted as sent (a profile URL included). */
    public static final int MAX_HANDLE = 200;
}
