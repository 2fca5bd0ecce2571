package com.trackagoat.creator;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The answer of a bulk creator create: created, reactivated, and the error of each failed item.
 * Written through the idempotent create's raw answer only, hence registered for reflection.
 */
@RegisterForReflection(registerFullHierarchy = true)
@Schema(name = "CreatorBulkResult")
public record CreatorBulkResult(List<CreatorDto> created, List<CreatorDto> reactivated, List<ItemError> errors) {

    /** One failed item of the body, named by its handle as sent. */
    @Schema(name = "CreatorBulkError")
    public record ItemError(@Schema(nullable = true, description = "As sent") String tiktokHandle,
                            @Schema(enumeration = {"invalid_body", "invalid_handle", "creator_banned", "handle_taken", "limit_reached"}) String code,
                            String error) {
    }
}
