package com.trackagoat.stats;

import com.trackagoat.api.Cached;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Stats and analytics results cached per organization {@code stats_version} (docs/reference/stats-and-metrics.md §8): any
 * snapshot written, or any change to what is counted, bumps the version, so an entry is never
 * served after it; entries also expire after 10 minutes. A cached body differs from a fresh one
 * only in {@code meta.cached}.
 */
@ApplicationScoped
public class StatsCache {

    /** Null when caching is switched off ({@code quarkus.cache.enabled=false}, e.g. to benchmark computation). */
    private final CaffeineCache cache;

    public StatsCache(@CacheName("stats") Cache cache) {
        this.cache = cache instanceof CaffeineCache caffeine ? caffeine : null;
    }

    /** The answer cached under {@code key} for the version, else computed and cached (stats and analytics answers). */
    public <T> Uni<Cached<T>> get(String key, long statsVersion, Supplier<Uni<? extends T>> compute) {
        if (cache == null) {
            return compute.get().map(data -> new Cached<>(data, false));
        }
        String versioned = statsVersion + "|" + key;
        CompletableFuture<T> hit = cache.getIfPresent(versioned);
        if (hit != null && hit.isDone() && !hit.isCompletedExceptionally()) {
            return Uni.createFrom().item(new Cached<>(hit.join(), true));
        }
        return compute.get().map(data -> {
            cache.put(versioned, CompletableFuture.completedFuture(data));
            return new Cached<>(data, false);
        });
    }
}
