package com.trackagoat.scrape;

import com.trackagoat.TrackagoatConfig;
import com.trackagoat.bootstrap.StartupGate;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import java.time.temporal.ChronoUnit;

/**
 * The scheduled scrape (docs/reference/scraping.md §1–§2): every {@code trackagoat.scrape.every}, or on
 * {@code trackagoat.scrape.cron} when that is set (evaluated in UTC, like the retention cron, so
 * instances in different zones fire at the same slots). The slot is the scheduled fire time floored
 * to the interval (or to the minute in cron mode); missed runs are not caught up.
 */
@ApplicationScoped
public class ScrapeJob {

    private final ScrapeService service;
    private final TrackagoatConfig config;

    public ScrapeJob(ScrapeService service, TrackagoatConfig config) {
        this.service = service;
        this.config = config;
    }

    @Scheduled(identity = "scrape-every", every = "${trackagoat.scrape.every:1h}", skipExecutionIf = SkipEvery.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> every(ScheduledExecution execution) {
        return service.runScheduled(Simulation.slot(execution.getScheduledFireTime(), config.scrape().every()));
    }

    @Scheduled(identity = "scrape-cron", cron = "${trackagoat.scrape.cron:off}", timeZone = "UTC", skipExecutionIf = SkipDisabled.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> cron(ScheduledExecution execution) {
        return service.runScheduled(execution.getScheduledFireTime().truncatedTo(ChronoUnit.MINUTES));
    }

    /** Skips when scraping is disabled or the startup bootstrap has not finished yet. */
    @Singleton
    public static class SkipDisabled implements Scheduled.SkipPredicate {
        private final TrackagoatConfig config;
        private final StartupGate gate;

        public SkipDisabled(TrackagoatConfig config, StartupGate gate) {
            this.config = config;
            this.gate = gate;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.scrape().enabled() || !gate.isOpen();
        }
    }

    /** As {@link SkipDisabled}, and also when a cron expression replaces the interval trigger. */
    @Singleton
    public static class SkipEvery implements Scheduled.SkipPredicate {
        private final TrackagoatConfig config;
        private final SkipDisabled disabled;

        public SkipEvery(TrackagoatConfig config, SkipDisabled disabled) {
            this.config = config;
            this.disabled = disabled;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return disabled.test(execution) || config.scrape().cron().filter(c -> !c.isBlank()).isPresent();
        }
    }
}
