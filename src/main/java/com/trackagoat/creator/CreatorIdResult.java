package com.trackagoat.creator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The answers of bulk re-enable and bulk remove: the ids done and the error of each other id. */
public final class CreatorIdResult {

    private CreatorIdResult() {
    }

    @Schema(name = "CreatorIdError")
    public record IdError(UUID creatorId,
                          @Schema(enumeration = {"not_found", "no_change", "creator_banned", "handle_taken", "limit_reached"}) String code,
                          String error) {
    }

    @Schema(name = "CreatorReenableResult")
    public record Reenabled(List<UUID> reenabled, List<IdError> errors) {
    }

    @Schema(name = "CreatorRemoveResult")
    public record Removed(List<UUID> removed, List<IdError> errors) {
    }
}
