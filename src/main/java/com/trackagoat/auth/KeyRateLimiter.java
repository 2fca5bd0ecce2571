package com.trackagoat.auth;

import com.trackagoat.TrackagoatConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key rolling window of docs/reference/auth.md §8: at most N counted requests in any 60 seconds, kept per
 * instance. Refused requests are not counted.
 */
@ApplicationScoped
public class KeyRateLimiter {

    static final long WINDOW_MILLIS = 60_000;

    private final int limit;
    private final Map<UUID, ArrayDeque<Long>> windows = new ConcurrentHashMap<>();

    public KeyRateLimiter(TrackagoatConfig config) {
        this.limit = config.rateLimit().perKeyPerMinute();
    }

    /** Outcome of one request against the window, and the values of the RateLimit-* headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long acquiredAt) {
        /** Seconds until a slot frees up; at least 1. */
        public long retryAfter() {
            return Math.max(1, resetSeconds);
        }
    }

    public Decision tryAcquire(UUID keyId, long nowMillis) {
        ArrayDeque<Long> window = windows.computeIfAbsent(keyId, k -> new ArrayDeque<>());
        synchronized (window) {
            evict(window, nowMillis);
            boolean allowed = window.size() < limit;
            if (allowed) {
                window.addLast(nowMillis);
            }
            return decision(window, nowMillis, allowed, allowed ? nowMillis : -1);
        }
    }

    /** Takes back a slot acquired by a request that another limiter refused. */
    public Decision release(UUID keyId, Decision acquired, long nowMillis) {
        ArrayDeque<Long> window = windows.computeIfAbsent(keyId, k -> new ArrayDeque<>());
        synchronized (window) {
            window.removeLastOccurrence(acquired.acquiredAt());
            evict(window, nowMillis);
            return decision(window, nowMillis, false, -1);
        }
    }

    private void evict(ArrayDeque<Long> window, long now) {
        while (!window.isEmpty() && window.peekFirst() <= now - WINDOW_MILLIS) {
            window.pollFirst();
        }
    }

    private Decision decision(ArrayDeque<Long> window, long now, boolean allowed, long acquiredAt) {
        long reset = window.isEmpty() ? 0 : ceilSeconds(window.peekFirst() + WINDOW_MILLIS - now);
        return new Decision(allowed, limit, Math.max(0, limit - window.size()), reset, acquiredAt);
    }

    private static long ceilSeconds(long millis) {
        return Math.max(0, (millis + 999) / 1000);
    }
}
