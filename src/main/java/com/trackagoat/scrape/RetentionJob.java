package com.trackagoat.scrape;

import com.trackagoat.api.Tx;
import com.trackagoat.org.Limits;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.org.TierLimits;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import com.trackagoat.stats.RollupService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Daily retention pruning (docs/reference/scraping.md §6): snapshots older than the tier's
 * {@code stats_history_retention_days} are deleted, always keeping each entity's latest one.
 * Plain idempotent deletes, safe on several instances at once.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    Pool pool;
    @Inject
    TierLimits tiers;
    @Inject
    ScrapeRepository snapshots;
    @Inject
    OrganizationRepository organizations;
    @Inject
    Clock clock;
    @Inject
    RollupService rollups;

    @Scheduled(identity = "retention", cron = "${trackagoat.retention.cron:0 0 3 * * ?}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return prune(clock.instant()).onFailure().invoke(e -> LOG.warnf("Retention pruning skipped: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes what every tier's retention no longer keeps as of {@code now}; returns the rows deleted. */
    public Uni<Long> prune(Instant now) {
        return Multi.createFrom().iterable(List.copyOf(TierLimits.TIERS))
                .onItem().transformToUniAndConcatenate(tier -> pruneTier(tier, now))
                .collect().with(Collectors.summingLong(Long::longValue));
    }

    /**
     * One tier, in one transaction: the snapshots beyond its retention, the rollups of the entities
     * that lost some (recomputed in chunks, so that memory does not grow with the tier), then, when
     * any went, the stats version of its organizations.
     */
    private Uni<Long> pruneTier(String tier, Instant now) {
        Long days = tiers.of(tier).get(Limits.RETENTION_DAYS);
        if (days == null) {
            return Uni.createFrom().item(0L);
        }
        Instant cutoff = now.minus(Duration.ofDays(days));
        return pool.withTransaction(c -> snapshots.pruneVideoSnapshots(c, tier, cutoff)
                .flatMap(videos -> snapshots.pruneCreatorSnapshots(c, tier, cutoff)
                        .call(creators -> inChunks(videos, chunk -> rollups.touched(Tx.of(c), touches(chunk), List.of()))
                                .flatMap(v -> inChunks(creators, chunk -> rollups.touched(Tx.of(c), List.of(), touches(chunk)))))
                        .map(creators -> (long) videos.size() + creators.size()))
                .call(pruned -> pruned == 0 ? Uni.createFrom().voidItem()
                        : organizations.idsOfTier(c, tier).flatMap(ids -> organizations.bumpStatsVersions(Tx.of(c), ids))));
    }

    private static final int CHUNK = 200;

    private static List<RollupService.Touch> touches(List<UUID> ids) {
        return ids.stream().map(RollupService.Touch::all).toList();
    }

    private static Uni<Void> inChunks(List<UUID> ids, java.util.function.Function<List<UUID>, Uni<Void>> work) {
        List<List<UUID>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return Multi.createFrom().iterable(chunks).onItem().transformToUniAndConcatenate(chunk -> work.apply(chunk)).collect().last().replaceWithVoid();
    }
}
