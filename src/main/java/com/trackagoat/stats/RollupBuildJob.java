package com.trackagoat.stats;

import com.trackagoat.TrackagoatConfig;
import com.trackagoat.api.Tx;
import com.trackagoat.stats.RollupRepository.Zone;
import com.trackagoat.stats.RollupService.Touch;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Builds the rollup zones being built (docs/decisions.md, "Stats rollups"): a new time zone of an
 * organization, a rebuild requested by an admin, the zones of organizations that existed before
 * the rollups. Works in batches of videos, then of creators, each batch in its own transaction
 * through {@link RollupService} (the same code as every write), so scrapes keep running meanwhile:
 * an entity is built once, under its creator's lock, and from then on kept up to date by the
 * writes. When nothing is left the zone is ready and replaces the organization's older zones.
 * Idempotent, on any number of instances.
 */
@ApplicationScoped
public class RollupBuildJob {

    private static final Logger LOG = Logger.getLogger(RollupBuildJob.class);

    @Inject
    Pool pool;
    @Inject
    RollupRepository repository;
    @Inject
    RollupService rollups;
    @Inject
    TrackagoatConfig config;

    @Scheduled(identity = "rollup-build", every = "${trackagoat.rollups.build-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return buildAll().onFailure().invoke(e -> LOG.warnf("Rollup build interrupted (it resumes at the next run): %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Builds every zone being built, oldest first. */
    public Uni<Void> buildAll() {
        return pool.withConnection(c -> repository.building(Tx.of(c)))
                .onItem().transformToMulti(zones -> Multi.createFrom().iterable(zones))
                .onItem().transformToUniAndConcatenate(this::build)
                .collect().last().replaceWithVoid();
    }

    /** Builds one zone to the end, then marks it ready. */
    Uni<Void> build(Zone zone) {
        LOG.infof("Building rollups of organization %s in %s (zone %d)", zone.orgId(), zone.tz(), zone.id());
        long started = System.nanoTime();
        return videos(zone, new UUID(0, 0), 0)
                .flatMap(v -> creators(zone, new UUID(0, 0), 0))
                .flatMap(v -> pool.withTransaction(c -> repository.finishBuilding(Tx.of(c), zone)))
                .flatMap(ready -> {
                    if (!ready) {   // entities were added meanwhile: another pass picks them up
                        return build(zone);
                    }
                    LOG.infof("Rollups of organization %s in %s ready in %d ms", zone.orgId(), zone.tz(), (System.nanoTime() - started) / 1_000_000);
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> videos(Zone zone, UUID after, long done) {
        return pool.withTransaction(c -> repository.unbuiltVideos(Tx.of(c), zone, after, config.rollups().buildBatch())
                .call(ids -> rollups.touched(Tx.of(c), ids.stream().map(Touch::all).toList(), List.of(), zone.id())))
                .flatMap(ids -> {
                    if (ids.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    long total = done + ids.size();
                    LOG.infof("Rollups of organization %s in %s: %d videos built", zone.orgId(), zone.tz(), total);
                    return videos(zone, ids.get(ids.size() - 1), total);
                });
    }

    private Uni<Void> creators(Zone zone, UUID after, long done) {
        return pool.withTransaction(c -> repository.unbuiltCreators(Tx.of(c), zone, after, config.rollups().buildBatch())
                .call(ids -> rollups.touched(Tx.of(c), List.of(), ids.stream().map(Touch::all).toList(), zone.id())))
                .flatMap(ids -> {
                    if (ids.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    long total = done + ids.size();
                    LOG.infof("Rollups of organization %s in %s: %d creators built", zone.orgId(), zone.tz(), total);
                    return creators(zone, ids.get(ids.size() - 1), total);
                });
    }
}
