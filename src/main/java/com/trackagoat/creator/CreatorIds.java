package com.trackagoat.creator;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Body of POST …/creators/bulk-reenable and …/bulk-remove: 1–100 ids, handled in order. */
@RegisterForReflection
@Schema(name = "CreatorIds", description = "1–" + CreatorIds.MAX_ITEMS + " creator ids")
public record CreatorIds(
        @Schema(required = true, minItems = 1, maxItems = CreatorIds.MAX_ITEMS)
        @NotNull @Size(min = 1, max = CreatorIds.MAX_ITEMS) List<@NotNull UUID> creatorIds) {

    public static final int MAX_ITEMS = 100;
}
