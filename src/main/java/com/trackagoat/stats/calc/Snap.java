package com.trackagoat.stats.calc;

import java.time.Instant;

/**
 * One snapshot of one entity: its lifetime counters at {@code at}. Videos have five counters
 * (views, likes, comments, shares, saves), creators four (followers, following, likes, videos).
 */
public record Snap(Instant at, long[] counters, boolean baseline) {
}
