package com.trackagoat.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The {@code data} of a DELETE: {@code {"id", "deleted": true}} (docs/reference/conventions.md §10). */
@Schema(name = "Deleted")
public record Deleted(UUID id, @Schema(constValue = "true") boolean deleted) {

    public static Deleted of(UUID id) {
        return new Deleted(id, true);
    }
}
