package com.trackagoat.scrape;

import com.trackagoat.api.Tx;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.scrape.ScrapeRepository.CreatorSnapshot;
import com.trackagoat.scrape.ScrapeRepository.DueVideo;
import com.trackagoat.scrape.ScrapeRepository.PostedVideo;
import com.trackagoat.scrape.ScrapeRepository.VideoSnapshot;
import com.trackagoat.scrape.Simulation.CreatorCounters;
import com.trackagoat.scrape.Simulation.VideoCounters;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * History for an organization's existing content through the scraper's own simulation (docs/reference/scraping.md
 * §7): for each of the last N days the slot {@code D 12:00Z} (if not in the future), one creator
 * snapshot per active creator and one video snapshot per non-excluded video posted before the slot,
 * source {@code backfill}; no discovery. Idempotent: it only runs for an organization without snapshots.
 */
@ApplicationScoped
public class Backfill {

    private static final Logger LOG = Logger.getLogger(Backfill.class);
    private static final String SOURCE = "backfill";

    @Inject
    Pool pool;
    @Inject
    ScrapeRepository repository;
    @Inject
    OrganizationRepository organizations;
    @Inject
    ScrapeService scraper;

    /** What the backfill simulates: the active creators, the videos and the creators' posting times. */
    private record Content(List<UUID> creators, List<PostedVideo> videos, Map<UUID, List<Instant>> postsByCreator) {
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
        return repository.hasSnapshots(orgId).flatMap(has -> has ? Uni.createFrom().voidItem() : run(orgId, slots(days, now)));
    }

    private Uni<Void> run(UUID orgId, List<Instant> slots) {
        if (slots.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.combine().all().unis(repository.activeCreators(orgId), repository.postedVideos(orgId), repository.postTimesByCreator(orgId))
                .asTuple().map(t -> new Content(t.getItem1(), t.getItem2(), t.getItem3()))
                .flatMap(content -> pool.withTransaction(c -> write(c, orgId, content, slots)))
                .invoke(() -> LOG.infof("Backfilled %d days of history for organization %s", slots.size(), orgId));
    }

    /** Every slot's snapshots, then the creators' discovery mark at the last slot and the stats-version bump. */
    private Uni<Void> write(SqlConnection c, UUID orgId, Content content, List<Instant> slots) {
        History history = new History(orgId, content);
        return Multi.createFrom().iterable(slots).onItem().transformToUniAndConcatenate(slot -> history.write(c, slot)).collect().last()
                .flatMap(n -> repository.markDiscovered(c, content.creators(), slots.get(slots.size() - 1)))
                .flatMap(v -> organizations.bumpStatsVersions(Tx.of(c), List.of(orgId)));
    }

    /**
     * The simulated history so far: each entity's latest counters and the slot they were taken at.
     * Each slot's snapshots follow the scraper's own rules ({@link ScrapeService#nextSnapshot},
     * {@link ScrapeService#profileSnapshot}) and go through its writers.
     */
    private final class History {
        private final UUID orgId;
        private final Content content;
        private final Map<UUID, VideoCounters> lastVideo = new HashMap<>();
        private final Map<UUID, CreatorCounters> lastCreator = new HashMap<>();
        private Instant previous;

        History(UUID orgId, Content content) {
            this.orgId = orgId;
            this.content = content;
        }

        Uni<Integer> write(SqlConnection c, Instant slot) {
            List<VideoSnapshot> videos = videoSnapshots(slot);
            List<CreatorSnapshot> profiles = profileSnapshots(slot);
            previous = slot;
            return scraper.writeVideoSnapshots(c, videos, slot, SOURCE)
                    .call(n -> scraper.writeCreatorSnapshots(c, profiles, slot, SOURCE));
        }

        /** One per video posted before the slot. */
        private List<VideoSnapshot> videoSnapshots(Instant slot) {
            List<VideoSnapshot> snaps = new ArrayList<>();
            for (PostedVideo v : content.videos()) {
                if (v.postedAt() != null && !v.postedAt().isBefore(slot)) {
                    continue;
                }
                VideoCounters last = lastVideo.get(v.id());
                DueVideo due = new DueVideo(v.id(), orgId, v.postedAt(), last == null ? null : previous, last, false);
                VideoSnapshot snap = ScrapeService.nextSnapshot(due, slot);
                lastVideo.put(v.id(), snap.counters());
                snaps.add(snap);
            }
            return snaps;
        }

        /** One per active creator, counting its posts up to the slot. */
        private List<CreatorSnapshot> profileSnapshots(Instant slot) {
            List<CreatorSnapshot> snaps = new ArrayList<>();
            for (UUID creator : content.creators()) {
                long posts = content.postsByCreator().getOrDefault(creator, List.of()).stream().filter(p -> !p.isAfter(slot)).count();
                CreatorCounters last = lastCreator.get(creator);
                CreatorSnapshot snap = ScrapeService.profileSnapshot(creator, orgId, last == null ? null : previous, last, false, slot, posts);
                lastCreator.put(creator, snap.counters());
                snaps.add(snap);
            }
            return snaps;
        }
    }
}
