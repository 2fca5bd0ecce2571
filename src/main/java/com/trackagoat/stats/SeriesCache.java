package com.trackagoat.stats;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Whole-history per-day aggregates of creators and campaigns, per (entity, zone,
 * {@code stats_version}): every range, metric and shape of one entity is a slice of the same
 * computation. Concurrent requests for the same key share one computation.
 */
@ApplicationScoped
public class SeriesCache {

    private final Cache cache;

    public SeriesCache(@CacheName("stats-series") Cache cache) {
        this.cache = cache;
    }

    @SuppressWarnings("unchecked")
    <T> Uni<T> get(String entity, ZoneId zone, long statsVersion, Supplier<Uni<T>> compute) {
        return cache.getAsync(statsVersion + "|" + zone.getId() + "|" + entity, k -> (Uni<Object>) compute.get()).map(v -> (T) v);
    }
}
