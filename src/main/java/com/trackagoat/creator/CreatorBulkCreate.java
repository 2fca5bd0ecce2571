package com.trackagoat.creator;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The bulk body of POST /api/v1/projects/{projectId}/creators. Only the list is checked here (1–50
 * entries); each item is bound on its own ({@code body.bind(item, CreatorCreate.class, item(i))}),
 * because a bad item is an error of that item in the answer, not a 400 of the request.
 */
@RegisterForReflection
@Schema(name = "CreatorBulkCreate", description = "1–" + CreatorBulkCreate.MAX_ITEMS + " creators, each processed on its own")
public record CreatorBulkCreate(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = CreatorCreate.class, minItems = 1, maxItems = CreatorBulkCreate.MAX_ITEMS)
        @NotNull @Size(min = 1, max = CreatorBulkCreate.MAX_ITEMS) List<JsonNode> creators) {

    public static final int MAX_ITEMS = 50;

    /**
     * Which body the endpoint got: a bulk one ({@code creators}) or a single creator
     * ({@code tiktok_handle}). Both → 400 {@code Invalid field: creators}; neither → 400
     * {@code Missing required field: tiktok_handle}.
     */
    public static boolean isBulk(JsonNode body) {
        boolean single = body.has("tiktok_handle");
        if (single == body.has("creators")) {
            throw single ? ApiException.invalidField("creators") : ApiException.missingField("tiktok_handle");
        }
        return !single;
    }

    /** The name of item {@code index} in errors: {@code creators[3]}. */
    public static String item(int index) {
        return "creators[" + index + "]";
    }

    /** {@code tiktok_handle} of an item as sent, for its error entry; null when it is not a string. */
    public static String handleAsSent(JsonNode item) {
        JsonNode h = item == null ? null : item.get("tiktok_handle");
        return h != null && h.isTextual() ? h.textValue() : null;
    }
}
