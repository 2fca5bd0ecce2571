package com.trackagoat.api;

/** A computed answer and whether it came from the cache (the {@code meta.cached} of stats answers). */
public record Cached<T>(T data, boolean cached) {
}
