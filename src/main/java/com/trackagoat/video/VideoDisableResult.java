package com.trackagoat.video;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The answer of bulk tracking-disable: the ids disabled and the error of each other id. */
@Schema(name = "VideoDisableResult")
public record VideoDisableResult(List<UUID> disabled, List<IdError> errors) {

    @Schema(name = "VideoIdError")
    public record IdError(UUID videoId, @Schema(enumeration = {"not_found"}) String code, String error) {
    }
}
