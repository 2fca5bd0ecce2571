package com.trackagoat.video;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Body of POST /api/v1/projects/{projectId}/videos/bulk-tracking-disable: 1–100 ids. */
@RegisterForReflection
@Schema(name = "VideoIds", description = "1–" + VideoIds.MAX_ITEMS + " video ids")
public record VideoIds(
        @Schema(required = true, minItems = 1, maxItems = VideoIds.MAX_ITEMS)
        @NotNull @Size(min = 1, max = VideoIds.MAX_ITEMS) List<@NotNull UUID> videoIds) {

    public static final int MAX_ITEMS = 100;
}
