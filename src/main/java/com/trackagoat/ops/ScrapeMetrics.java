package com.trackagoat.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scrape job's meters (Prometheus names in brackets):
 * <ul>
 *   <li>{@code trackagoat.scrape.snapshots.written} {@code kind=creator|video, source=scheduled|manual}
 *       [{@code trackagoat_scrape_snapshots_written_total}]: snapshot rows committed;</li>
 *   <li>{@code trackagoat.scrape.videos.discovered} {@code source} [{@code trackagoat_scrape_videos_discovered_total}]:
 *       new video rows found by discovery;</li>
 *   <li>{@code trackagoat.scrape.cycle.duration} {@code outcome=success|failure}
 *       [{@code trackagoat_scrape_cycle_duration_seconds_count|sum|max}]: scheduled cycles, slot and cohort-curve refresh;</li>
 *   <li>{@code trackagoat.scrape.cycles.failed} [{@code trackagoat_scrape_cycles_failed_total}]: scheduled cycles that failed
 *       (skipped slots);</li>
 *   <li>{@code trackagoat.scrape.last.success.timestamp} [{@code trackagoat_scrape_last_success_timestamp_seconds}]: end of the
 *       last successful scheduled cycle (0 until one succeeded), for "scraper stalled" alerts.</li>
 * </ul>
 * Counts are added when the batch's transaction has committed, so a rolled-back batch counts nothing.
 * Created at start-up, so every series is exported (at 0) before the first cycle.
 */
@Startup
@ApplicationScoped
public class ScrapeMetrics {

    public static final String CREATOR = "creator";
    public static final String VIDEO = "video";

    private final MeterRegistry registry;
    private final Counter failed;
    private final AtomicLong lastSuccess = new AtomicLong();
    private final Clock clock;

    public ScrapeMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.failed = Counter.builder("trackagoat.scrape.cycles.failed").description("Scheduled scrape cycles that failed and were skipped")
                .register(registry);
        registry.more().timeGauge("trackagoat.scrape.last.success.timestamp", List.of(), lastSuccess, TimeUnit.MILLISECONDS,
                AtomicLong::doubleValue);
        // every series exists from the start (at 0), so rates and alerts need no "absent" special case
        for (String source : new String[]{"scheduled", "manual"}) {
            snapshots(CREATOR, source);
            snapshots(VIDEO, source);
            discovered(source);
        }
        cycle("success");
        cycle("failure");
    }

    /** Meters that record nothing, for a scraper built outside CDI. */
    public static ScrapeMetrics none(Clock clock) {
        return new ScrapeMetrics(new SimpleMeterRegistry(), clock);
    }

    private Counter snapshots(String kind, String source) {
        return Counter.builder("trackagoat.scrape.snapshots.written").description("Snapshots written by the scraper")
                .tag("kind", kind).tag("source", source).register(registry);
    }

    private Counter discovered(String source) {
        return Counter.builder("trackagoat.scrape.videos.discovered").description("Videos discovered by the scraper")
                .tag("source", source).register(registry);
    }

    private Timer cycle(String outcome) {
        return Timer.builder("trackagoat.scrape.cycle.duration").description("Duration of scheduled scrape cycles")
                .tag("outcome", outcome).register(registry);
    }

    /** A committed batch: {@code creators} and {@code videos} snapshots and {@code discovered} new videos. */
    public void committed(String source, int creators, int videos, int discovered) {
        if (creators > 0) {
            snapshots(CREATOR, source).increment(creators);
        }
        if (videos > 0) {
            snapshots(VIDEO, source).increment(videos);
        }
        if (discovered > 0) {
            discovered(source).increment(discovered);
        }
    }

    /** A scheduled cycle that started at {@code startedNanos} ({@link System#nanoTime()}) ended. */
    public void cycleEnded(long startedNanos, boolean success) {
        cycle(success ? "success" : "failure").record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        if (success) {
            lastSuccess.set(clock.millis());
        } else {
            failed.increment();
        }
    }
}
