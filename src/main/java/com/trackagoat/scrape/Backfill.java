package com.trackagoat.scrape;

import com.trackagoat.api.Tx;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.scrape.ScrapeRepository.CreatorSnapshot;
import com.trackagoat.scrape.ScrapeRepository.VideoSnapshot;
import com.trackagoat.scrape.Simulation.CreatorCounters;
import com.trackagoat.scrape.Simulation.VideoCounters;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * History for an organization's existing content through the scraper's own simulation (scraping.md
 * §7): for each of the last N days the slot {@code D 12:00Z} (if not in the future), one creator
 * snapshot per active creator and one video snapshot per non-excluded video posted before the slot,
 * source {@code backfill}; no discovery. Idempotent: it only runs for an organization without snapshots.
 */
@ApplicationScoped
public class Backfill {

    private static final Logger LOG = Logger.getLogger(Backfill.class);

    private final Pool pool;
    private final ScrapeRepository repository;
    private final OrganizationRepository organizations;

    public Backfill(Pool pool, ScrapeRepository repository, OrganizationRepository organizations) {
        this.pool = pool;
        this.repository = repository;
        this.organizations = organizations;
    }

    private record VideoRow(UUID id, Instant postedAt) {
    }

    /** The slots of the last {@code days} days ending today (UTC) at 12:00, without future ones. */
    static List<Instant> slots(int days, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Instant> slots = new ArrayList<>();
        for (int i = days - 1; i >= 0; i--) {
            Instant slot = today.minusDays(i).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
            if (!slot.isAfter(now)) {
                slots.add(slot);
            }
        }
        return slots;
    }

    public Uni<Void> ensureHistory(UUID orgId, int days, Instant now) {
        return pool.preparedQuery("SELECT (SELECT count(*) FROM video_snapshot WHERE org_id = $1) + (SELECT count(*) FROM creator_snapshot WHERE org_id = $1)")
                .execute(Tuple.of(orgId))
                .flatMap(rows -> rows.iterator().next().getLong(0) > 0 ? Uni.createFrom().voidItem() : run(orgId, slots(days, now)));
    }

    private Uni<Void> run(UUID orgId, List<Instant> slots) {
        if (slots.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<List<UUID>> creators = pool.preparedQuery("SELECT id FROM creator WHERE org_id = $1 AND status = 'active' ORDER BY id")
                .execute(Tuple.of(orgId)).map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
        Uni<List<VideoRow>> videos = pool.preparedQuery("""
                        SELECT id, posted_at, creator_id FROM video
                        WHERE org_id = $1 AND deleted_at IS NULL AND tracking_status <> 'excluded' ORDER BY id""")
                .execute(Tuple.of(orgId)).map(rows -> {
                    List<VideoRow> out = new ArrayList<>();
                    for (Row r : rows) {
                        OffsetDateTime posted = r.getOffsetDateTime(1);
                        out.add(new VideoRow(r.getUUID(0), posted == null ? null : posted.toInstant()));
                    }
                    return out;
                });
        Uni<Map<UUID, List<Instant>>> postsByCreator = pool.preparedQuery("SELECT creator_id, posted_at FROM video WHERE org_id = $1 AND creator_id IS NOT NULL AND posted_at IS NOT NULL")
                .execute(Tuple.of(orgId)).map(rows -> {
                    Map<UUID, List<Instant>> m = new HashMap<>();
                    rows.forEach(r -> m.computeIfAbsent(r.getUUID(0), k -> new ArrayList<>()).add(r.getOffsetDateTime(1).toInstant()));
                    return m;
                });
        return Uni.combine().all().unis(creators, videos, postsByCreator).asTuple().flatMap(t -> pool.withTransaction(c -> {
            Map<UUID, VideoCounters> lastVideo = new HashMap<>();
            Map<UUID, CreatorCounters> lastCreator = new HashMap<>();
            Instant[] previous = {null};
            return Multi.createFrom().iterable(slots).onItem().transformToUniAndConcatenate(slot -> {
                List<VideoSnapshot> snaps = new ArrayList<>();
                for (VideoRow v : t.getItem2()) {
                    if (v.postedAt() != null && !v.postedAt().isBefore(slot)) {
                        continue;
                    }
                    VideoCounters prev = lastVideo.get(v.id());
                    VideoCounters next = prev == null ? Simulation.firstVideo(v.id(), slot, v.postedAt())
                            : Simulation.nextVideo(v.id(), slot, v.postedAt(), previous[0], prev);
                    lastVideo.put(v.id(), next);
                    snaps.add(new VideoSnapshot(v.id(), orgId, next, prev == null ? "video_added" : null));
                }
                List<CreatorSnapshot> profiles = new ArrayList<>();
                for (UUID creator : t.getItem1()) {
                    long posts = t.getItem3().getOrDefault(creator, List.of()).stream().filter(p -> !p.isAfter(slot)).count();
                    CreatorCounters prev = lastCreator.get(creator);
                    CreatorCounters next = prev == null ? Simulation.firstCreator(creator, slot, posts)
                            : Simulation.nextCreator(creator, slot, previous[0], prev, posts);
                    lastCreator.put(creator, next);
                    profiles.add(new CreatorSnapshot(creator, orgId, next, prev == null ? "creator_added" : null));
                }
                previous[0] = slot;
                return repository.writeVideoSnapshots(c, snaps, slot, "backfill")
                        .call(n -> repository.writeCreatorSnapshots(c, profiles, slot, "backfill"));
            }).collect().last()
                    .flatMap(n -> c.preparedQuery("UPDATE creator SET last_discovery_at = $2 WHERE org_id = $1 AND status = 'active'")
                            .execute(Tuple.of(orgId, slots.get(slots.size() - 1).atOffset(ZoneOffset.UTC))))
                    .flatMap(n -> organizations.bumpStatsVersions(Tx.of(c), List.of(orgId)));
        })).invoke(() -> LOG.infof("Backfilled %d days of history for organization %s", slots.size(), orgId));
    }
}
