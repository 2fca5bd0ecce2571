package com.trackagoat.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;

/**
 * The one response shape of the API (docs/reference/conventions.md §2): exactly {@code data},
 * {@code error}, {@code meta}, in that order, none ever omitted. {@code T} is the type of
 * {@code data}, so that the compiler, the OpenAPI scanner and the native build see each route's
 * answer; {@code meta} is one of the fixed shapes below (or an error's code and extra keys).
 */
@JsonPropertyOrder({"data", "error", "meta"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Envelope<T>(T data, String error, Object meta) {

    /** A single resource or action result. */
    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(data, null, null);
    }

    /** A resource just created: 201 with the resource as {@code data} (docs/reference/conventions.md §10). */
    public static <T> RestResponse<Envelope<T>> created(T data) {
        return RestResponse.status(RestResponse.Status.CREATED, of(data));
    }

    /** Work accepted and done in the background: 202 with its state as {@code data}. */
    public static <T> RestResponse<Envelope<T>> accepted(T data) {
        return RestResponse.status(RestResponse.Status.ACCEPTED, of(data));
    }

    /** One page of a list, with {@code {"hasMore", "nextCursor"}}. */
    public static <T> Envelope<List<T>> list(Page<T> page) {
        return new Envelope<>(page.items(), null, new ListMeta(page.hasMore(), page.nextCursor()));
    }

    /** A stats answer, with {@code {"cached"}}. */
    public static <T> Envelope<T> cached(Cached<T> answer) {
        return new Envelope<>(answer.data(), null, new CachedMeta(answer.cached()));
    }

    public static Envelope<Void> error(String message, Map<String, Object> meta) {
        return new Envelope<>(null, message, meta);
    }

    /** {@code {"hasMore", "nextCursor"}}, in that order (reached through {@code meta} only, hence registered). */
    @RegisterForReflection
    @JsonPropertyOrder({"hasMore", "nextCursor"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ListMeta(@JsonProperty("hasMore") boolean hasMore, @JsonProperty("nextCursor") String nextCursor) {
    }

    /** {@code {"cached"}} of stats answers (reached through {@code meta} only, hence registered). */
    @RegisterForReflection
    public record CachedMeta(boolean cached) {
    }
}
