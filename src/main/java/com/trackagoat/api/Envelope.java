package com.trackagoat.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * The one response shape of the API (conventions.md §2): exactly {@code data}, {@code error},
 * {@code meta}, in that order, none ever omitted.
 */
@JsonPropertyOrder({"data", "error", "meta"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Envelope(Object data, String error, Object meta) {

    public static Envelope of(Object data) {
        return new Envelope(data, null, null);
    }

    public static Envelope list(Page<?> page) {
        return new Envelope(page.items(), null, page.meta());
    }

    public static Envelope stats(Object data, boolean cached) {
        return new Envelope(data, null, Map.of("cached", cached));
    }

    /** The {@code data} of a DELETE: {@code {"id", "deleted": true}}. */
    public static Map<String, Object> deleted(java.util.UUID id) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("deleted", true);
        return m;
    }

    public static Envelope error(String message, Map<String, Object> meta) {
        return new Envelope(null, message, meta);
    }

    /** {@code {"hasMore", "nextCursor"}}, in that order. */
    @JsonPropertyOrder({"hasMore", "nextCursor"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ListMeta(@JsonProperty("hasMore") boolean hasMore, @JsonProperty("nextCursor") String nextCursor) {
    }

    /** One page of a list plus its meta. */
    public record Page<T>(List<T> items, ListMeta meta) {
    }
}
