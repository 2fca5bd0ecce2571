package com.trackagoat.auth;

import com.trackagoat.TrackagoatConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The organizations' daily request counters of docs/reference/auth.md §8, counted in memory and written to
 * {@code org_daily_usage} in batches.
 * <p>
 * Per (organization, UTC day) this instance keeps the last total it read from the database
 * ({@code known}), the requests it counted and has not sent yet ({@code pending}) and those sent by
 * a flush that has not answered yet ({@code inFlight}). A request is allowed while
 * {@code known + pending + inFlight < max}: no database round trip, except for the first request
 * of an (organization, day) this instance sees, which reads the total first. Every
 * {@code trackagoat.request-counter.flush-interval} one statement adds all pending counts and
 * answers the new totals, also re-reading the totals of the other recently used entries: one
 * instance never exceeds a quota, and the counts of other instances are seen within two intervals
 * (their flush, then ours), by which the quota can be overshot. A failed flush puts its counts
 * back to pending for the next one; shutdown flushes what is left.
 * <p>
 * All state of an entry is changed inside {@link ConcurrentHashMap#compute}, so counting, flushing
 * and dropping an entry never race.
 */
@ApplicationScoped
public class RequestCounter {

    private static final Logger LOG = Logger.getLogger(RequestCounter.class);

    /** An entry without requests for this long and with nothing to write is dropped (its next request reads the total again). */
    static final Duration IDLE = Duration.ofSeconds(60);
    /** Reads of {@link #withUnflushed} retried while a flush overlaps them. */
    private static final int READ_ATTEMPTS = 5;

    /** Requests to add to an (organization, day) row; {@code count} 0 = only read its total. */
    public record Delta(UUID orgId, LocalDate day, long count) {
    }

    /** The row's total after a flush statement. */
    public record Total(UUID orgId, LocalDate day, long apiRequests) {
    }

    /** The SQL behind the counter (implemented by {@link AuthRepository}). */
    public interface Store {
        /** The requests counted in the database for the organization's UTC day (0 without a row). */
        Uni<Long> apiRequests(UUID orgId, LocalDate day);

        /** In one statement: adds every positive delta to its row, and answers the total of every delta's row. */
        Uni<List<Total>> addApiRequests(List<Delta> deltas);
    }

    private record Key(UUID orgId, LocalDate day) {
    }

    /** State of one (organization, day); read and changed only inside {@code entries.compute*}. */
    private static final class Entry {
        /** The last total read from the database; -1 = not known yet. */
        long known = -1;
        long pending;
        long inFlight;
        long lastUsedMillis;
    }

    private final Store store;
    private final Clock clock;
    private final Duration shutdownTimeout;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    /**
     * Flushes that move counts, started and finished: a read that saw them equal before it began and
     * {@code started} unchanged after it ended overlapped no such flush (see {@link #withUnflushed}).
     */
    private final AtomicLong flushesStarted = new AtomicLong();
    private final AtomicLong flushesFinished = new AtomicLong();
    private volatile boolean failing;
    /** Set on shutdown: the scheduler may still fire while the pool closes, the shutdown drain has written everything. */
    private volatile boolean stopping;

    @Inject
    public RequestCounter(AuthRepository store, Clock clock, TrackagoatConfig config) {
        this(store, clock, config.requestCounter().shutdownTimeout());
    }

    /** A counter of its own (tests: a second instance, a fake store). */
    public RequestCounter(Store store, Clock clock, Duration shutdownTimeout) {
        this.store = store;
        this.clock = clock;
        this.shutdownTimeout = shutdownTimeout;
    }

    /** The UTC calendar day the quota counts {@code at} in. */
    public static LocalDate utcDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * Counts one request of the organization at {@code at} against its daily quota {@code max}
     * (null = unlimited; 0 refuses every request), unless the quota is used up.
     *
     * @return true when the request was counted (allowed); a refused request is not counted
     */
    public Uni<Boolean> tryCount(UUID orgId, Instant at, Long max) {
        if (max != null && max <= 0) {
            return Uni.createFrom().item(false);
        }
        Key key = new Key(orgId, utcDay(at));
        Boolean counted = decide(key, max, at.toEpochMilli(), -1);
        if (counted != null) {
            return Uni.createFrom().item(counted);
        }
        return store.apiRequests(orgId, key.day()).map(total -> decide(key, max, at.toEpochMilli(), total));
    }

    /**
     * Learns {@code total} (when not -1), then counts the request if the quota leaves room. Null when
     * the quota is finite and the database total is not known yet (the caller reads it).
     */
    private Boolean decide(Key key, Long max, long nowMillis, long total) {
        Boolean[] counted = new Boolean[1];
        entries.compute(key, (k, e) -> {
            Entry entry = e == null ? new Entry() : e;
            entry.known = Math.max(entry.known, total);
            entry.lastUsedMillis = Math.max(entry.lastUsedMillis, nowMillis);
            if (max != null && entry.known < 0) {
                return entry;
            }
            counted[0] = max == null || entry.known + entry.pending + entry.inFlight < max;
            if (counted[0]) {
                entry.pending++;
            }
            return entry;
        });
        return counted[0];
    }

    /** The organization's requests of the UTC day counted here and not yet written to the database. */
    public long unflushed(UUID orgId, LocalDate day) {
        long[] n = new long[1];
        entries.computeIfPresent(new Key(orgId, day), (k, e) -> {
            n[0] = e.pending + e.inFlight;
            return e;
        });
        return n[0];
    }

    /** All requests counted here and not yet written to the database. */
    public long unflushed() {
        long n = 0;
        for (Key key : entries.keySet()) {
            n += unflushed(key.orgId(), key.day());
        }
        return n;
    }

    /** The last database total this instance knows for the organization's UTC day; -1 when none is known. */
    long known(UUID orgId, LocalDate day) {
        long[] n = {-1};
        entries.computeIfPresent(new Key(orgId, day), (k, e) -> {
            n[0] = e.known;
            return e;
        });
        return n[0];
    }

    /**
     * Reads a value that includes the organization's database total of the UTC day (through
     * {@code read}) and adds this instance's unflushed requests to it with {@code add}, so that every
     * counted request is in the answer exactly once: a read that overlaps a flush (which moves counts
     * from memory to the database) is repeated.
     */
    public <T> Uni<T> withUnflushed(UUID orgId, LocalDate day, Supplier<Uni<T>> read, BiFunction<T, Long, T> add) {
        return withUnflushed(orgId, day, read, add, READ_ATTEMPTS);
    }

    private <T> Uni<T> withUnflushed(UUID orgId, LocalDate day, Supplier<Uni<T>> read, BiFunction<T, Long, T> add, int attempts) {
        long finished = flushesFinished.get();
        long started = flushesStarted.get();
        return read.get().flatMap(value -> {
            long unflushed = unflushed(orgId, day);
            boolean noFlushOverlapped = started == finished && flushesStarted.get() == started;
            if (noFlushOverlapped || attempts <= 1) {
                // after the last attempt: at most the one overlapping flush's counts are counted twice
                return Uni.createFrom().item(add.apply(value, unflushed));
            }
            return withUnflushed(orgId, day, read, add, attempts - 1);
        });
    }

    /**
     * Writes every pending count in one statement and refreshes the known totals of the entries
     * used within {@link #IDLE}; drops entries with nothing to write that are idle or of a past day.
     * On failure the counts go back to pending (the returned Uni fails).
     */
    public Uni<Void> flush() {
        long now = clock.millis();
        LocalDate today = utcDay(Instant.ofEpochMilli(now));
        List<Delta> deltas = new ArrayList<>();
        boolean[] movesCounts = {false};
        for (Key key : entries.keySet()) {
            entries.computeIfPresent(key, (k, e) -> {
                if (e.pending > 0) {
                    if (!movesCounts[0]) {
                        movesCounts[0] = true;
                        flushesStarted.incrementAndGet();   // before the first count leaves pending
                    }
                    deltas.add(new Delta(k.orgId(), k.day(), e.pending));
                    e.inFlight += e.pending;
                    e.pending = 0;
                    return e;
                }
                if (e.inFlight > 0) {
                    return e;   // the flush that sent them refreshes it
                }
                if (!k.day().isBefore(today) && e.lastUsedMillis > now - IDLE.toMillis()) {
                    deltas.add(new Delta(k.orgId(), k.day(), 0));
                    return e;
                }
                return null;
            });
        }
        if (deltas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one lock order on every instance: concurrent flushes of the same rows cannot deadlock
        deltas.sort(Comparator.comparing(Delta::orgId).thenComparing(Delta::day));
        return Uni.createFrom().deferred(() -> store.addApiRequests(deltas))
                .onItemOrFailure().transformToUni((totals, failure) -> {
                    try {
                        if (failure != null) {
                            restore(deltas);
                            return Uni.createFrom().<Void>failure(failure);
                        }
                        apply(deltas, totals);
                        return Uni.createFrom().voidItem();
                    } finally {
                        if (movesCounts[0]) {
                            flushesFinished.incrementAndGet();
                        }
                    }
                });
    }

    private void apply(List<Delta> deltas, List<Total> totals) {
        Map<Key, Long> byKey = new HashMap<>();
        for (Total t : totals) {
            byKey.put(new Key(t.orgId(), t.day()), t.apiRequests());
        }
        for (Delta d : deltas) {
            Long total = byKey.get(new Key(d.orgId(), d.day()));
            entries.computeIfPresent(new Key(d.orgId(), d.day()), (k, e) -> {
                e.inFlight -= d.count();
                if (total != null) {
                    e.known = Math.max(e.known, total);
                }
                return e;
            });
        }
    }

    private void restore(List<Delta> deltas) {
        for (Delta d : deltas) {
            if (d.count() > 0) {
                entries.compute(new Key(d.orgId(), d.day()), (k, e) -> {
                    Entry entry = e == null ? new Entry() : e;
                    entry.inFlight -= d.count();
                    entry.pending += d.count();
                    return entry;
                });
            }
        }
    }

    @Scheduled(identity = "request-counter-flush", every = "${trackagoat.request-counter.flush-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledFlush() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return flush()
                .invoke(() -> {
                    if (failing) {
                        failing = false;
                        LOG.info("Request counts are written again");
                    }
                })
                .onFailure().recoverWithUni(e -> {
                    long unwritten = unflushed();
                    if (!failing && unwritten > 0) {
                        failing = true;
                        LOG.warnf("Writing the request counts failed, kept for the next flush (%d unwritten): %s", unwritten, e.toString());
                    } else {
                        LOG.debugf("Writing the request counts failed: %s", e.toString());
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Flushes until every counted request is in the database or {@code timeout} passed, blocking the
     * calling thread (never call it on an event loop). Waits for flushes already running too.
     *
     * @return true when nothing is left unwritten
     */
    public boolean drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long[] pending = {0};
            long[] inFlight = {0};
            for (Key key : entries.keySet()) {
                entries.computeIfPresent(key, (k, e) -> {
                    pending[0] += e.pending;
                    inFlight[0] += e.inFlight;
                    return e;
                });
            }
            if (pending[0] == 0 && inFlight[0] == 0) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                if (pending[0] > 0) {
                    flush().await().atMost(Duration.ofNanos(left));
                } else {
                    Thread.sleep(5);   // a flush already running answers for the rest
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException e) {
                LOG.debugf("Flush while draining failed: %s", e.toString());
                try {
                    Thread.sleep(Math.min(100, Math.max(1, left / 1_000_000)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /**
     * Shutdown: writes what is left before the pool closes. The pool is a startup bean that registers
     * its close during the StartupEvent, before Quarkus registers the firing of the ShutdownEvent, and
     * shutdown tasks run in reverse order: this observer runs while the pool is still open (and after
     * the HTTP server, started later, stopped taking requests).
     */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        if (!drain(shutdownTimeout)) {
            LOG.warnf("%d counted requests could not be written before shutdown", unflushed());
        }
    }
}
