package com.trackagoat.scrape;

import com.trackagoat.TrackagoatConfig;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Json;
import com.trackagoat.api.Tx;
import com.trackagoat.ops.ScrapeMetrics;
import com.trackagoat.org.Limits;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.org.TierLimits;
import com.trackagoat.scrape.ScrapeRepository.CreatorSnapshot;
import com.trackagoat.scrape.ScrapeRepository.Discovered;
import com.trackagoat.scrape.ScrapeRepository.DueCreator;
import com.trackagoat.scrape.ScrapeRepository.DueVideo;
import com.trackagoat.scrape.ScrapeRepository.Floors;
import com.trackagoat.scrape.ScrapeRepository.VideoSnapshot;
import com.trackagoat.scrape.Simulation.CreatorCounters;
import com.trackagoat.scrape.Simulation.VideoCounters;
import com.trackagoat.stats.RollupService;
import com.trackagoat.stats.RollupService.Touch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One scrape cycle at a slot (docs/reference/scraping.md §2): banned handles, then creators (discovery and
 * profile snapshots), then video snapshots, each in batches claimed and committed in their own
 * transaction. Several instances may run the same slot at once and leave exactly the rows one
 * instance would.
 */
@ApplicationScoped
public class ScrapeService {

    private static final Logger LOG = Logger.getLogger(ScrapeService.class);
    static final Duration FIRST_DISCOVERY_MAX = Duration.ofDays(30);

    /** What a cycle wrote. */
    public record Result(int creatorSnapshots, int videoSnapshots, int videosDiscovered) {
    }

    private final Pool pool;
    private final ScrapeRepository repository;
    private final OrganizationRepository organizations;
    private final TierLimits tiers;
    private final TrackagoatConfig config;
    private final RollupService rollups;
    private final ScrapeMetrics metrics;
    private final Clock clock;

    @Inject
    public ScrapeService(Pool pool, ScrapeRepository repository, OrganizationRepository organizations, TierLimits tiers,
                         TrackagoatConfig config, RollupService rollups, ScrapeMetrics metrics, Clock clock) {
        this.pool = pool;
        this.repository = repository;
        this.organizations = organizations;
        this.tiers = tiers;
        this.config = config;
        this.rollups = rollups;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The same scraper writing through another pool (the outage tests give it an unreachable one). */
    public ScrapeService on(Pool other, ScrapeMetrics meters) {
        return new ScrapeService(other, repository, organizations, tiers, config, rollups, meters, clock);
    }

    /** Runs the cycle of {@code slot} for every organization. */
    public Uni<Result> runSlot(Instant slot) {
        return runSlot(slot, null);
    }

    /** Runs the cycle of {@code slot}; {@code onlyOrg} restricts it to one organization (null = all). */
    public Uni<Result> runSlot(Instant slot, UUID onlyOrg) {
        return runSlot(slot, onlyOrg, config.scrape().batchSize());
    }

    /** As {@link #runSlot(Instant, UUID)} with an explicit batch size. */
    Uni<Result> runSlot(Instant slot, UUID onlyOrg, int batchSize) {
        AtomicInteger creators = new AtomicInteger();
        AtomicInteger videos = new AtomicInteger();
        AtomicInteger discovered = new AtomicInteger();
        List<String> banned = config.bannedHandles().orElse(List.of()).stream().map(h -> h.strip().toLowerCase()).filter(h -> !h.isEmpty()).toList();
        return pool.withTransaction(c -> repository.disableBanned(c, banned, onlyOrg))
                .flatMap(n -> loop(ScrapeRepository.FIRST, after -> {
                    Tally t = new Tally();
                    return pool.withTransaction(c -> creatorBatch(c, slot, onlyOrg, batchSize, after, t))
                            .invoke(() -> {
                                creators.addAndGet(t.creators.get());
                                discovered.addAndGet(t.discovered.get());
                                t.report(metrics, SCHEDULED);
                            });
                }))
                .flatMap(n -> loop(ScrapeRepository.VideoCursor.FIRST, after -> {
                    Tally t = new Tally();
                    return pool.withTransaction(c -> videoBatch(c, slot, onlyOrg, batchSize, after, t.videos))
                            .invoke(() -> {
                                videos.addAndGet(t.videos.get());
                                t.report(metrics, SCHEDULED);
                            });
                }))
                .map(n -> new Result(creators.get(), videos.get(), discovered.get()));
    }

    /**
     * What one transaction wrote, for the meters once it committed: creator snapshots, video
     * snapshots (including the baselines of discovered videos) and discovered videos.
     */
    private static final class Tally {
        final AtomicInteger creators = new AtomicInteger();
        final AtomicInteger videos = new AtomicInteger();
        final AtomicInteger discovered = new AtomicInteger();

        void report(ScrapeMetrics metrics, String source) {
            metrics.committed(source, creators.get(), videos.get(), discovered.get());
        }
    }

    /**
     * Runs batches in id order until one claims nothing: each batch gets the last id the previous
     * one claimed and answers its own last id (null when it claimed nothing). Rows skipped because
     * another instance holds them are that instance's work; a batch that failed is retried by a
     * later run.
     */
    private static <K> Uni<Void> loop(K after, Function<K, Uni<K>> batch) {
        return batch.apply(after).flatMap(last -> last == null ? Uni.createFrom().voidItem() : loop(last, batch));
    }

    private Floors floors(String key) {
        return new Floors(floor("free", key), floor("starter", key), floor("ultra", key));
    }

    private int floor(String tier, String key) {
        Long hours = tiers.of(tier).get(key);
        return hours == null ? 0 : hours.intValue();
    }

    private Uni<UUID> creatorBatch(SqlConnection c, Instant slot, UUID onlyOrg, int batchSize, UUID after, Tally tally) {
        return repository.claimCreators(c, slot, floors("min_creator_profiles_hours"), floors("min_discover_videos_hours"), batchSize, onlyOrg,
                        after)
                .flatMap(batch -> batch.isEmpty() ? Uni.createFrom().nullItem()
                        : scrapeCreators(c, batch, slot, SCHEDULED, tally)
                        .replaceWith(batch.get(batch.size() - 1).id()));
    }

    /**
     * The creator work of a batch, set-based: discovery of the creators due for it (all their new
     * videos in one insert, their {@code video_added} baselines in one more), then one profile
     * snapshot per creator due for it, in one insert. Scheduled, initial and manual scrapes share it.
     */
    private Uni<Void> scrapeCreators(SqlConnection c, List<DueCreator> batch, Instant at, String source, Tally tally) {
        List<DueCreator> discovering = batch.stream().filter(DueCreator::discoveryDue).toList();
        List<Discovered> found = new ArrayList<>();
        for (DueCreator cr : discovering) {
            for (Simulation.Post post : discover(cr, at)) {
                found.add(new Discovered(cr, post));
            }
        }
        return repository.insertDiscovered(c, found)
                .flatMap(inserted -> {
                    tally.discovered.addAndGet(inserted.size());
                    List<VideoSnapshot> baselines = found.stream().filter(d -> inserted.contains(d.post().id()))
                            .map(d -> nextSnapshot(new DueVideo(d.post().id(), d.creator().orgId(), d.post().postedAt(), null, null, false), at))
                            .toList();
                    return writeVideoSnapshots(c, baselines, at, source).invoke(tally.videos::addAndGet);
                })
                .flatMap(n -> repository.markDiscovered(c, discovering.stream().map(DueCreator::id).toList(), at))
                .flatMap(v -> repository.postsUpTo(c, batch.stream().map(DueCreator::id).toList(), at))
                .flatMap(posts -> writeCreatorSnapshots(c, batch.stream().filter(DueCreator::profileDue)
                        .map(cr -> profileSnapshot(cr, at, posts.getOrDefault(cr.id(), 0L))).toList(), at, source))
                .invoke(tally.creators::addAndGet)
                .flatMap(n -> organizations.bumpStatsVersions(Tx.of(c), batch.stream().map(DueCreator::orgId).toList()));
    }

    /**
     * Writes video snapshots at {@code at} and brings the daily rollups of the videos written up to
     * date in the same transaction; every video snapshot is written here. Returns the number written.
     */
    public Uni<Integer> writeVideoSnapshots(SqlConnection c, List<VideoSnapshot> snaps, Instant at, String source) {
        return repository.writeVideoSnapshots(c, snaps, at, source)
                .call(ids -> rollups.touched(Tx.of(c), ids.stream().map(id -> Touch.at(id, at)).toList(), List.of()))
                .map(List::size);
    }

    /** As {@link #writeVideoSnapshots} for creator snapshots. */
    public Uni<Integer> writeCreatorSnapshots(SqlConnection c, List<CreatorSnapshot> snaps, Instant at, String source) {
        return repository.writeCreatorSnapshots(c, snaps, at, source)
                .call(ids -> rollups.touched(Tx.of(c), List.of(), ids.stream().map(id -> Touch.at(id, at)).toList()))
                .map(List::size);
    }

    /**
     * The initial or manual scrape of one creator (docs/reference/scraping.md §5), in the caller's transaction:
     * discovery, then a profile snapshot at {@code at}; floors do not apply.
     *
     * @return the number of videos discovered
     */
    public Uni<Integer> scrapeCreatorNow(SqlConnection c, DueCreator cr, Instant at, String source) {
        return scrapeCreatorNow(c, cr, at, source, new Tally());
    }

    private Uni<Integer> scrapeCreatorNow(SqlConnection c, DueCreator cr, Instant at, String source, Tally tally) {
        DueCreator now = new DueCreator(cr.id(), cr.orgId(), cr.projectId(), cr.handle(), cr.trackingMode(), cr.trackingStart(), cr.timezone(),
                cr.lastScrapedAt(), cr.lastDiscoveryAt(), cr.counters(), cr.resume(), true, true);
        return scrapeCreators(c, List.of(now), at, source, tally).map(v -> tally.discovered.get());
    }

    /**
     * The snapshot of one video at {@code at} now (manual scrape, initial snapshot of a video added
     * or restored), in the caller's transaction, with the stats-version bump; none when the video
     * has one at or after {@code at}.
     *
     * @return the number of snapshots written
     */
    public Uni<Integer> scrapeVideoNow(SqlConnection c, DueVideo v, Instant at, String source) {
        Uni<Integer> written = v.lastScrapedAt() != null && !v.lastScrapedAt().isBefore(at) ? Uni.createFrom().item(0)
                : writeVideoSnapshots(c, List.of(nextSnapshot(v, at)), at, source);
        return written.call(n -> organizations.bumpStatsVersions(Tx.of(c), List.of(v.orgId())));
    }

    static final String SCHEDULED = "scheduled";
    static final String MANUAL = "manual";

    /** Answer of a manual scrape (docs/reference/scraping.md §5). */
    @Schema(name = "ScrapeResult")
    public record ManualResult(String entityType, UUID entityId, String capturedAt, int snapshotsWritten, int videosDiscovered) {
    }

    /**
     * POST /creators/{id}/scrape: one unit of the day's quota (402 when spent), then a creator
     * snapshot, discovery and a snapshot of each scrapable video, at the request time (floors do
     * not apply), all in one transaction.
     */
    public Uni<ManualResult> manualCreator(UUID orgId, String tier, UUID creatorId) {
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Tally tally = new Tally();
        return pool.withTransaction(c -> repository.lockCreator(c, orgId, creatorId).flatMap(found -> {
            DueCreator cr = ApiException.requireFound(found);
            return takeQuota(c, orgId, tier, at)
                    .flatMap(v -> scrapeCreatorNow(c, cr, at, MANUAL, tally))
                    .flatMap(discovered -> repository.lockVideos(c, orgId, null, creatorId)
                            .flatMap(videos -> writeVideoSnapshots(c, videos.stream()
                                    .filter(v -> v.lastScrapedAt() == null || v.lastScrapedAt().isBefore(at))
                                    .map(v -> nextSnapshot(v, at)).toList(), at, MANUAL))
                            .invoke(tally.videos::addAndGet)
                            .map(videoSnaps -> new ManualResult("creator", creatorId, Json.ts(at),
                                    videoSnaps + discovered + 1, discovered)));
        })).invoke(r -> tally.report(metrics, MANUAL));
    }

    /** POST /videos/{id}/scrape: one unit of the quota, then one snapshot (0 when one exists at that second). */
    public Uni<ManualResult> manualVideo(UUID orgId, String tier, UUID videoId) {
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return pool.withTransaction(c -> repository.lockVideos(c, orgId, videoId, null).flatMap(found -> {
            if (found.isEmpty()) {
                throw ApiException.notFound();
            }
            DueVideo v = found.get(0);
            return takeQuota(c, orgId, tier, at)
                    .flatMap(x -> scrapeVideoNow(c, v, at, MANUAL))
                    .map(n -> new ManualResult("video", videoId, Json.ts(at), n, 0));
        })).invoke(r -> metrics.committed(MANUAL, 0, r.snapshotsWritten(), 0));
    }

    private Uni<Void> takeQuota(SqlConnection c, UUID orgId, String tier, Instant at) {
        Long max = tiers.of(tier).get(Limits.MAX_MANUAL_SCRAPES);
        return repository.takeManualScrape(c, orgId, at.atOffset(ZoneOffset.UTC).toLocalDate(), max).map(used -> {
            if (used >= 0) {
                throw ApiException.limitReached(Limits.MAX_MANUAL_SCRAPES, used, max);
            }
            return null;
        });
    }

    /**
     * The posts of a discovery at {@code at} (docs/reference/scraping.md §4): since the previous discovery, or the
     * first time since {@code tracking_start_date} 00:00 in the organization's zone, at most 30 days
     * back; never before that date.
     */
    static List<Simulation.Post> discover(DueCreator cr, Instant at) {
        Instant notBefore = cr.trackingStart().atStartOfDay(ZoneId.of(cr.timezone())).toInstant();
        Instant from = cr.lastDiscoveryAt() != null ? cr.lastDiscoveryAt()
                : (notBefore.isBefore(at.minus(FIRST_DISCOVERY_MAX)) ? at.minus(FIRST_DISCOVERY_MAX) : notBefore);
        return Simulation.discover(cr.id(), at, from, notBefore);
    }

    /**
     * The profile snapshot of a creator at {@code at}: a {@code creator_added} baseline when it is
     * the first, a {@code tracking_resumed} baseline when tracking resumed, else the next counters.
     * {@code posts} = the creator's videos posted up to {@code at}.
     */
    public static CreatorSnapshot profileSnapshot(DueCreator cr, Instant at, long posts) {
        return profileSnapshot(cr.id(), cr.orgId(), cr.lastScrapedAt(), cr.counters(), cr.resume(), at, posts);
    }

    /** As {@link #profileSnapshot(DueCreator, Instant, long)}, from the creator's latest counters taken at {@code lastAt}. */
    static CreatorSnapshot profileSnapshot(UUID id, UUID orgId, Instant lastAt, CreatorCounters last, boolean resume, Instant at, long posts) {
        if (last == null || lastAt == null) {
            return new CreatorSnapshot(id, orgId, Simulation.firstCreator(id, at, posts), "creator_added");
        }
        CreatorCounters next = Simulation.nextCreator(id, at, lastAt, last, posts);
        return new CreatorSnapshot(id, orgId, next, resume ? "tracking_resumed" : null);
    }

    private Uni<ScrapeRepository.VideoCursor> videoBatch(SqlConnection c, Instant slot, UUID onlyOrg, int batchSize, ScrapeRepository.VideoCursor after,
                                                         AtomicInteger written) {
        return repository.claimVideos(c, slot, floors("min_video_stats_hours"), batchSize, onlyOrg, after).flatMap(claim -> {
            List<DueVideo> batch = claim.videos();
            if (batch.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            List<VideoSnapshot> snaps = new ArrayList<>(batch.size());
            for (DueVideo v : batch) {
                snaps.add(nextSnapshot(v, slot));
            }
            return writeVideoSnapshots(c, snaps, slot, SCHEDULED)
                    .invoke(written::addAndGet)
                    .flatMap(n -> organizations.bumpStatsVersions(Tx.of(c), batch.stream().map(DueVideo::orgId).toList()))
                    .replaceWith(claim.last());
        });
    }

    /**
     * The snapshot of a video at {@code at}: a {@code video_added} baseline when it is the first,
     * a {@code tracking_resumed} baseline when tracking resumed, else the next counters.
     */
    public static VideoSnapshot nextSnapshot(DueVideo v, Instant at) {
        if (v.lastScrapedAt() == null) {
            return new VideoSnapshot(v.id(), v.orgId(), Simulation.firstVideo(v.id(), at, v.postedAt()), "video_added");
        }
        VideoCounters next = Simulation.nextVideo(v.id(), at, v.postedAt(), v.lastScrapedAt(), v.counters());
        return new VideoSnapshot(v.id(), v.orgId(), next, v.resume() ? "tracking_resumed" : null);
    }

    /** Scheduled entry: runs the slot; logs and swallows failures (an unreachable database skips the slot). */
    public Uni<Void> runScheduled(Instant slot) {
        return runScheduled(slot, null);
    }

    /** As {@link #runScheduled(Instant)}, restricted to {@code onlyOrg} (null = every organization). */
    public Uni<Void> runScheduled(Instant slot, UUID onlyOrg) {
        long started = System.nanoTime();
        return runSlot(slot, onlyOrg)
                .invoke(r -> LOG.infof("Scrape slot %s: %d creator snapshots, %d video snapshots, %d videos discovered in %d ms",
                        slot, r.creatorSnapshots(), r.videoSnapshots(), r.videosDiscovered(), (System.nanoTime() - started) / 1_000_000))
                .ifNoItem().after(config.scrape().cycleTimeout())
                .failWith(() -> new TimeoutException("no answer within " + config.scrape().cycleTimeout()))
                .invoke(r -> metrics.cycleEnded(started, true))
                .onFailure().invoke(e -> {
                    metrics.cycleEnded(started, false);
                    LOG.warnf("Scrape slot %s skipped: %s", slot, e.toString());
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
