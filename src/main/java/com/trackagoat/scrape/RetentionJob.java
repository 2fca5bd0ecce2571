package com.trackagoat.scrape;

import com.trackagoat.org.Limits;
import com.trackagoat.org.TierLimits;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Daily retention pruning (scraping.md §6): snapshots older than the tier's
 * {@code stats_history_retention_days} are deleted, always keeping each entity's latest one.
 * Plain idempotent deletes, safe on several instances at once.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final Pool pool;
    private final TierLimits tiers;
    private final Clock clock;

    public RetentionJob(Pool pool, TierLimits tiers, Clock clock) {
        this.pool = pool;
        this.tiers = tiers;
        this.clock = clock;
    }

    @Scheduled(identity = "retention", cron = "${trackagoat.retention.cron:0 0 3 * * ?}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return prune(clock.instant()).onFailure().invoke(e -> LOG.warnf("Retention pruning skipped: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes what every tier's retention no longer keeps as of {@code now}; returns the rows deleted. */
    public Uni<Long> prune(Instant now) {
        return Multi.createFrom().iterable(List.copyOf(TierLimits.TIERS))
                .onItem().transformToUniAndConcatenate(tier -> {
                    Long days = tiers.of(tier).get(Limits.RETENTION_DAYS);
                    if (days == null) {
                        return Uni.createFrom().item(0L);
                    }
                    var cutoff = now.minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
                    Uni<Integer> videos = pool.preparedQuery("""
                                    DELETE FROM video_snapshot s USING video v, organization o
                                    WHERE s.video_id = v.id AND o.id = v.org_id AND o.tier = $1
                                      AND s.captured_at < $2 AND s.captured_at < v.last_scraped_at""")
                            .execute(Tuple.of(tier, cutoff)).map(r -> r.rowCount());
                    Uni<Integer> creators = pool.preparedQuery("""
                                    DELETE FROM creator_snapshot s USING creator c, organization o
                                    WHERE s.creator_id = c.id AND o.id = c.org_id AND o.tier = $1
                                      AND s.captured_at < $2 AND s.captured_at < c.last_scraped_at""")
                            .execute(Tuple.of(tier, cutoff)).map(r -> r.rowCount());
                    return videos.flatMap(v -> creators.map(c -> (long) v + c)).call(deleted -> deleted == 0 ? Uni.createFrom().voidItem()
                            : pool.preparedQuery("UPDATE organization SET stats_version = stats_version + 1 WHERE tier = $1")
                            .execute(Tuple.of(tier)).replaceWithVoid());
                })
                .collect().with(java.util.stream.Collectors.summingLong(Long::longValue));
    }
}
