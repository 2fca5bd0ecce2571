package com.trackagoat.scrape;

import com.trackagoat.api.Tx;
import com.trackagoat.scrape.Simulation.CreatorCounters;
import com.trackagoat.scrape.Simulation.VideoCounters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * SQL of the scraper. Work is claimed with {@code FOR UPDATE SKIP LOCKED}: the due condition is
 * re-checked by PostgreSQL on the locked row, so concurrent instances never process an entity twice
 * for one slot, and snapshot inserts are {@code ON CONFLICT DO NOTHING} on (entity, captured_at).
 */
@ApplicationScoped
public class ScrapeRepository {

    /** Hours of a tier's floor, as SQL over organization {@code o}: $3 free, $4 starter, $5 ultra. */
    private static final String FLOOR = "make_interval(hours => CASE o.tier WHEN 'free' THEN %s::int WHEN 'starter' THEN %s::int ELSE %s::int END)";

    public record Floors(int free, int starter, int ultra) {
        Object[] params() {
            return new Object[]{free, starter, ultra};
        }
    }

    public record DueCreator(UUID id, UUID orgId, UUID projectId, String handle, String trackingMode, LocalDate trackingStart, String timezone,
                             Instant lastScrapedAt, Instant lastDiscoveryAt, CreatorCounters counters, boolean resume,
                             boolean profileDue, boolean discoveryDue) {
    }

    public record DueVideo(UUID id, UUID orgId, Instant postedAt, Instant lastScrapedAt, VideoCounters counters, boolean resume) {
    }

    /**
     * Where a cycle's video claims go on from. Videos are claimed grouped by creator (creator id,
     * then id; videos without a creator first), so that a batch touches few creators and the rollup
     * maintenance of a batch (docs/decisions.md, "Stats rollups") rewrites few creator rows.
     */
    public record VideoCursor(UUID creator, UUID id) {
        public static final VideoCursor FIRST = new VideoCursor(ScrapeRepository.FIRST, ScrapeRepository.FIRST);
    }

    /** The videos of one claim and the cursor after the last of them (null when none). */
    public record VideoClaim(List<DueVideo> videos, VideoCursor last) {
    }

    /** The claim order's creator part, as indexed by {@code video_claim_idx} (V5). */
    private static final String CREATOR_KEY = "coalesce(v.creator_id, '00000000-0000-0000-0000-000000000000'::uuid)";

    /** One snapshot row to write. */
    public record VideoSnapshot(UUID videoId, UUID orgId, VideoCounters counters, String baselineReason) {
    }

    /** One creator snapshot row to write. */
    public record CreatorSnapshot(UUID creatorId, UUID orgId, CreatorCounters counters, String baselineReason) {
    }

    /** A post found by discovery, with the creator it belongs to. */
    public record Discovered(DueCreator creator, Simulation.Post post) {
    }

    /** A video as the backfill sees it. */
    public record PostedVideo(UUID id, Instant postedAt) {
    }

    /** The smallest UUID: the keyset cursor before the first claim of a cycle. */
    public static final UUID FIRST = new UUID(0, 0);

    private final Pool pool;

    public ScrapeRepository(Pool pool) {
        this.pool = pool;
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    /** Active creators whose banned handle stops them: set to disabled instead of being scraped. */
    public Uni<Integer> disableBanned(SqlConnection c, List<String> handles, UUID onlyOrg) {
        if (handles.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return c.preparedQuery("UPDATE creator SET status = 'disabled', updated_at = now() WHERE status = 'active' "
                        + "AND tiktok_handle = ANY($1) AND ($2::uuid IS NULL OR org_id = $2)")
                .execute(Tuple.of(handles.toArray(String[]::new), onlyOrg)).map(r -> r.rowCount());
    }

    /**
     * Claims up to {@code limit} due active creators with ids after {@code after} (keyset order, so a
     * cycle reads each creator once instead of rescanning the ones it already handled).
     */
    public Uni<List<DueCreator>> claimCreators(SqlConnection c, Instant slot, Floors profile, Floors discovery, int limit, UUID onlyOrg,
                                               UUID after) {
        String sql = """
                SELECT c.id, c.org_id, c.project_id, c.tiktok_handle, c.tracking_mode, c.tracking_start_date, o.timezone, c.last_scraped_at,
                       c.last_discovery_at, c.follower_count, c.following_count, c.likes_count, c.video_count, c.resume_baseline,
                       (c.last_scraped_at IS NULL OR c.last_scraped_at <= $1::timestamptz - %s) AS profile_due,
                       (c.last_discovery_at IS NULL OR c.last_discovery_at <= $1::timestamptz - %s) AS discovery_due
                FROM creator c JOIN organization o ON o.id = c.org_id
                WHERE c.id > $10 AND c.status = 'active' AND NOT o.banned AND ($9::uuid IS NULL OR c.org_id = $9)
                  AND ((c.last_scraped_at IS NULL OR c.last_scraped_at <= $1::timestamptz - %s) OR (c.last_discovery_at IS NULL OR c.last_discovery_at <= $1::timestamptz - %s))
                ORDER BY c.id LIMIT $2
                FOR UPDATE OF c SKIP LOCKED""".formatted(
                FLOOR.formatted("$3", "$4", "$5"), FLOOR.formatted("$6", "$7", "$8"),
                FLOOR.formatted("$3", "$4", "$5"), FLOOR.formatted("$6", "$7", "$8"));
        Tuple args = Tuple.of(utc(slot), limit).addInteger(profile.free()).addInteger(profile.starter()).addInteger(profile.ultra())
                .addInteger(discovery.free()).addInteger(discovery.starter()).addInteger(discovery.ultra()).addUUID(onlyOrg).addUUID(after);
        return c.preparedQuery(sql).execute(args).map(rows -> {
            List<DueCreator> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(dueCreator(r, r.getBoolean("profile_due"), r.getBoolean("discovery_due")));
            }
            return out;
        });
    }

    /**
     * Inserts the discovered videos of several creators in one statement; returns the ids actually
     * inserted. A {@code tiktok_video_id} already present in the project (tombstones included) is
     * skipped, and so is an id that exists already.
     */
    public Uni<Set<UUID>> insertDiscovered(SqlConnection c, List<Discovered> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = found.size();
        UUID[] ids = new UUID[n];
        UUID[] orgs = new UUID[n];
        UUID[] projects = new UUID[n];
        UUID[] creators = new UUID[n];
        String[] tiktokIds = new String[n];
        String[] urls = new String[n];
        String[] titles = new String[n];
        String[] statuses = new String[n];
        OffsetDateTime[] posted = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            DueCreator cr = found.get(i).creator();
            Simulation.Post p = found.get(i).post();
            ids[i] = p.id();
            orgs[i] = cr.orgId();
            projects[i] = cr.projectId();
            creators[i] = cr.id();
            tiktokIds[i] = p.tiktokVideoId();
            urls[i] = "https://www.tiktok.com/@" + cr.handle() + "/video/" + p.tiktokVideoId();
            titles[i] = p.title();
            statuses[i] = "selective".equals(cr.trackingMode()) ? "pending_review" : "auto_tracked";
            posted[i] = utc(p.postedAt());
        }
        return c.preparedQuery("""
                        INSERT INTO video (id, org_id, project_id, creator_id, tiktok_video_id, url, title, tracking_status, posted_at,
                                           created_at, updated_at)
                        SELECT u.id, u.org, u.project, u.creator, u.tid, u.url, u.title, u.status, u.posted, now(), now()
                        FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::varchar[], $6::text[], $7::text[], $8::varchar[],
                                    $9::timestamptz[]) AS u(id, org, project, creator, tid, url, title, status, posted)
                        ORDER BY u.id
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .execute(Tuple.from(new Object[]{ids, orgs, projects, creators, tiktokIds, urls, titles, statuses, posted}))
                .map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    rows.forEach(r -> inserted.add(r.getUUID(0)));
                    return inserted;
                });
    }

    /** Posts known per creator up to the slot (discovered or added), for the profile's post count. */
    public Uni<Map<UUID, Long>> postsUpTo(SqlConnection c, List<UUID> creatorIds, Instant slot) {
        return c.preparedQuery("SELECT creator_id, count(*) FROM video WHERE creator_id = ANY($1) AND posted_at <= $2 GROUP BY creator_id")
                .execute(Tuple.of(creatorIds.toArray(UUID[]::new), utc(slot)))
                .map(rows -> {
                    Map<UUID, Long> m = new HashMap<>();
                    rows.forEach(r -> m.put(r.getUUID(0), r.getLong(1)));
                    return m;
                });
    }

    /**
     * Writes creator snapshots at {@code at} in one statement and moves each creator's latest
     * counters to them (only for the rows actually inserted, and never backwards in time); returns
     * the creators whose snapshot was inserted.
     */
    public Uni<List<UUID>> writeCreatorSnapshots(SqlConnection c, List<CreatorSnapshot> snaps, Instant at, String source) {
        if (snaps.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = snaps.size();
        UUID[] ids = new UUID[n];
        UUID[] orgs = new UUID[n];
        Long[] followers = new Long[n];
        Long[] following = new Long[n];
        Long[] likes = new Long[n];
        Long[] videos = new Long[n];
        Boolean[] baseline = new Boolean[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            CreatorSnapshot s = snaps.get(i);
            ids[i] = s.creatorId();
            orgs[i] = s.orgId();
            followers[i] = s.counters().followers();
            following[i] = s.counters().following();
            likes[i] = s.counters().likes();
            videos[i] = s.counters().videos();
            baseline[i] = s.baselineReason() != null;
            reasons[i] = s.baselineReason();
        }
        return c.preparedQuery("""
                        WITH ins AS (
                            INSERT INTO creator_snapshot (creator_id, captured_at, org_id, follower_count, following_count, likes_count,
                                                          video_count, is_baseline, baseline_reason, source)
                            SELECT u.id, $1, u.org, u.followers, u.following, u.likes, u.videos, u.baseline, u.reason, $2
                            FROM unnest($3::uuid[], $4::uuid[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::boolean[],
                                        $10::varchar[]) AS u(id, org, followers, following, likes, videos, baseline, reason)
                            ON CONFLICT DO NOTHING
                            RETURNING creator_id, follower_count, following_count, likes_count, video_count),
                        upd AS (
                            UPDATE creator c SET follower_count = ins.follower_count, following_count = ins.following_count,
                                                 likes_count = ins.likes_count, video_count = ins.video_count, last_scraped_at = $1,
                                                 resume_baseline = false
                            FROM ins WHERE c.id = ins.creator_id AND (c.last_scraped_at IS NULL OR c.last_scraped_at <= $1))
                        SELECT * FROM ins""")
                .execute(Tuple.from(new Object[]{utc(at), source, ids, orgs, followers, following, likes, videos, baseline, reasons}))
                .map(ScrapeRepository::ids);
    }

    public Uni<Void> markDiscovered(SqlConnection c, List<UUID> creatorIds, Instant slot) {
        if (creatorIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("UPDATE creator SET last_discovery_at = $2 WHERE id = ANY($1)")
                .execute(Tuple.of(creatorIds.toArray(UUID[]::new), utc(slot))).replaceWithVoid();
    }

    /** Claims up to {@code limit} due videos with ids after {@code after} (keyset order, as {@link #claimCreators}). */
    public Uni<VideoClaim> claimVideos(SqlConnection c, Instant slot, Floors floors, int limit, UUID onlyOrg, VideoCursor after) {
        String sql = """
                SELECT v.id, v.org_id, v.posted_at, v.last_scraped_at, v.view_count, v.like_count, v.comment_count, v.share_count,
                       v.save_count, v.resume_baseline, %2$s AS creator_key
                FROM video v JOIN organization o ON o.id = v.org_id
                WHERE (%2$s, v.id) > ($7, $8) AND v.deleted_at IS NULL AND v.tracking_status <> 'excluded' AND NOT v.tracking_disabled AND NOT o.banned
                  AND ($6::uuid IS NULL OR v.org_id = $6)
                  AND (v.creator_id IS NULL OR EXISTS (SELECT 1 FROM creator c WHERE c.id = v.creator_id AND c.status = 'active'))
                  AND (v.last_scraped_at IS NULL OR v.last_scraped_at <= $1::timestamptz - %1$s)
                ORDER BY %2$s, v.id LIMIT $2
                FOR UPDATE OF v SKIP LOCKED""".formatted(FLOOR.formatted("$3", "$4", "$5"), CREATOR_KEY);
        Tuple args = Tuple.of(utc(slot), limit).addInteger(floors.free()).addInteger(floors.starter()).addInteger(floors.ultra()).addUUID(onlyOrg)
                .addUUID(after.creator()).addUUID(after.id());
        return c.preparedQuery(sql).execute(args).map(rows -> {
            List<DueVideo> out = new ArrayList<>();
            VideoCursor last = null;
            for (Row r : rows) {
                out.add(dueVideo(r));
                last = new VideoCursor(r.getUUID("creator_key"), r.getUUID("id"));
            }
            return new VideoClaim(out, last);
        });
    }

    /**
     * Writes video snapshots at {@code at} in one statement and moves each video's latest counters
     * to them (only for the rows actually inserted, and never backwards in time); returns the videos
     * whose snapshot was inserted.
     */
    public Uni<List<UUID>> writeVideoSnapshots(SqlConnection c, List<VideoSnapshot> snaps, Instant at, String source) {
        if (snaps.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = snaps.size();
        UUID[] ids = new UUID[n];
        UUID[] orgs = new UUID[n];
        Long[] views = new Long[n];
        Long[] likes = new Long[n];
        Long[] comments = new Long[n];
        Long[] shares = new Long[n];
        Long[] saves = new Long[n];
        Boolean[] baseline = new Boolean[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            VideoSnapshot s = snaps.get(i);
            ids[i] = s.videoId();
            orgs[i] = s.orgId();
            views[i] = s.counters().views();
            likes[i] = s.counters().likes();
            comments[i] = s.counters().comments();
            shares[i] = s.counters().shares();
            saves[i] = s.counters().saves();
            baseline[i] = s.baselineReason() != null;
            reasons[i] = s.baselineReason();
        }
        return c.preparedQuery("""
                        WITH ins AS (
                            INSERT INTO video_snapshot (video_id, captured_at, org_id, view_count, like_count, comment_count, share_count,
                                                        save_count, is_baseline, baseline_reason, source)
                            SELECT u.id, $1, u.org, u.views, u.likes, u.comments, u.shares, u.saves, u.baseline, u.reason, $2
                            FROM unnest($3::uuid[], $4::uuid[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[],
                                        $10::boolean[], $11::varchar[])
                                 AS u(id, org, views, likes, comments, shares, saves, baseline, reason)
                            ON CONFLICT DO NOTHING
                            RETURNING video_id, view_count, like_count, comment_count, share_count, save_count),
                        upd AS (
                            UPDATE video v SET view_count = ins.view_count, like_count = ins.like_count, comment_count = ins.comment_count,
                                               share_count = ins.share_count, save_count = ins.save_count, last_scraped_at = $1,
                                               resume_baseline = false
                            FROM ins WHERE v.id = ins.video_id AND (v.last_scraped_at IS NULL OR v.last_scraped_at <= $1))
                        SELECT * FROM ins""")
                .execute(Tuple.from(new Object[]{utc(at), source, ids, orgs, views, likes, comments, shares, saves, baseline, reasons}))
                .map(ScrapeRepository::ids);
    }

    /**
     * Takes one unit of the organization's manual-scrape quota for the UTC day; null max =
     * unlimited. Returns -1 when taken, else the units already used (the quota is spent).
     */
    public Uni<Long> takeManualScrape(SqlConnection c, UUID orgId, LocalDate day, Long max) {
        long cap = max == null ? Long.MAX_VALUE : max;
        return c.preparedQuery("""
                        INSERT INTO org_daily_usage (org_id, day, manual_scrapes) SELECT $1, $2, 1 WHERE $3::bigint > 0
                        ON CONFLICT (org_id, day) DO UPDATE SET manual_scrapes = org_daily_usage.manual_scrapes + 1
                        WHERE org_daily_usage.manual_scrapes < $3::bigint
                        RETURNING manual_scrapes""")
                .execute(Tuple.of(orgId, day, cap))
                .flatMap(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(-1L)
                        : c.preparedQuery("SELECT coalesce((SELECT manual_scrapes FROM org_daily_usage WHERE org_id = $1 AND day = $2), 0)")
                        .execute(Tuple.of(orgId, day)).map(r -> r.iterator().next().getLong(0)));
    }

    /** A creator as the scraper sees it, by id within the organization (not removed), locked; null when there is none. */
    public Uni<DueCreator> lockCreator(SqlConnection c, UUID orgId, UUID creatorId) {
        return c.preparedQuery("""
                        SELECT c.id, c.org_id, c.project_id, c.tiktok_handle, c.tracking_mode, c.tracking_start_date, o.timezone,
                               c.last_scraped_at, c.last_discovery_at, c.follower_count, c.following_count, c.likes_count, c.video_count,
                               c.resume_baseline
                        FROM creator c JOIN organization o ON o.id = c.org_id
                        WHERE c.id = $1 AND c.org_id = $2 AND c.status <> 'removed'
                        FOR UPDATE OF c""")
                .execute(Tuple.of(creatorId, orgId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    return dueCreator(rows.iterator().next(), true, true);
                });
    }

    /**
     * A visible video by id (tracking-disabled ones too), or a creator's scrapable videos (not
     * deleted, not excluded, not tracking-disabled); locked.
     */
    public Uni<List<DueVideo>> lockVideos(SqlConnection c, UUID orgId, UUID videoId, UUID creatorId) {
        String sql = """
                SELECT v.id, v.org_id, v.posted_at, v.last_scraped_at, v.view_count, v.like_count, v.comment_count, v.share_count,
                       v.save_count, v.resume_baseline
                FROM video v
                WHERE v.org_id = $1 AND v.deleted_at IS NULL AND v.tracking_status <> 'excluded'
                  AND ((v.id = $2 AND (v.creator_id IS NULL OR EXISTS (SELECT 1 FROM creator c WHERE c.id = v.creator_id AND c.status <> 'removed')))
                       OR (v.creator_id = $3 AND NOT v.tracking_disabled))
                ORDER BY v.id FOR UPDATE OF v""";
        return c.preparedQuery(sql).execute(Tuple.of(orgId, videoId, creatorId)).map(rows -> {
            List<DueVideo> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(dueVideo(r));
            }
            return out;
        });
    }

    /** A video as the scraper sees it, by id (any state); null when there is none. */
    public Uni<DueVideo> dueVideo(SqlConnection c, UUID videoId) {
        return c.preparedQuery("""
                        SELECT v.id, v.org_id, v.posted_at, v.last_scraped_at, v.view_count, v.like_count, v.comment_count, v.share_count,
                               v.save_count, v.resume_baseline
                        FROM video v WHERE v.id = $1""")
                .execute(Tuple.of(videoId)).map(rows -> rows.size() == 0 ? null : dueVideo(rows.iterator().next()));
    }

    /**
     * The resume-baseline reset of a creator (reactivation, bulk re-enable): its next snapshot and
     * the next snapshot of each of its videos are {@code tracking_resumed} baselines.
     */
    public Uni<Void> resumeCreator(Tx tx, UUID creatorId) {
        return tx.update("""
                WITH videos AS (UPDATE video SET resume_baseline = true WHERE creator_id = $1)
                UPDATE creator SET resume_baseline = true WHERE id = $1""", creatorId).replaceWithVoid();
    }

    /**
     * The resume-baseline reset of a video (tracking-enable, restore): its next snapshot is a
     * {@code tracking_resumed} baseline; {@code resume} false withdraws that (tracking disabled again).
     */
    public Uni<Void> resumeVideo(Tx tx, UUID videoId, boolean resume) {
        return tx.update("UPDATE video SET resume_baseline = $2 WHERE id = $1", videoId, resume).replaceWithVoid();
    }

    /** Whether the organization has any snapshot. */
    public Uni<Boolean> hasSnapshots(UUID orgId) {
        return pool.preparedQuery("SELECT (SELECT count(*) FROM video_snapshot WHERE org_id = $1) "
                        + "+ (SELECT count(*) FROM creator_snapshot WHERE org_id = $1)")
                .execute(Tuple.of(orgId)).map(rows -> rows.iterator().next().getLong(0) > 0);
    }

    /** The organization's active creators, by id. */
    public Uni<List<UUID>> activeCreators(UUID orgId) {
        return pool.preparedQuery("SELECT id FROM creator WHERE org_id = $1 AND status = 'active' ORDER BY id")
                .execute(Tuple.of(orgId)).map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
    }

    /** The organization's videos that are not deleted or excluded, by id. */
    public Uni<List<PostedVideo>> postedVideos(UUID orgId) {
        return pool.preparedQuery("""
                        SELECT id, posted_at, creator_id FROM video
                        WHERE org_id = $1 AND deleted_at IS NULL AND tracking_status <> 'excluded' ORDER BY id""")
                .execute(Tuple.of(orgId)).map(rows -> {
                    List<PostedVideo> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new PostedVideo(r.getUUID(0), instant(r, "posted_at")));
                    }
                    return out;
                });
    }

    /** The posting times of the organization's videos, per creator. */
    public Uni<Map<UUID, List<Instant>>> postTimesByCreator(UUID orgId) {
        return pool.preparedQuery("SELECT creator_id, posted_at FROM video WHERE org_id = $1 AND creator_id IS NOT NULL AND posted_at IS NOT NULL")
                .execute(Tuple.of(orgId)).map(rows -> {
                    Map<UUID, List<Instant>> m = new HashMap<>();
                    rows.forEach(r -> m.computeIfAbsent(r.getUUID(0), k -> new ArrayList<>()).add(r.getOffsetDateTime(1).toInstant()));
                    return m;
                });
    }

    /**
     * Deletes the video snapshots of a tier's organizations captured before {@code cutoff}, except
     * each video's latest; returns the videos that lost snapshots.
     */
    public Uni<List<UUID>> pruneVideoSnapshots(SqlConnection c, String tier, Instant cutoff) {
        return c.preparedQuery("""
                        WITH d AS (DELETE FROM video_snapshot s USING video v, organization o
                                   WHERE s.video_id = v.id AND o.id = v.org_id AND o.tier = $1
                                     AND s.captured_at < $2 AND s.captured_at < v.last_scraped_at
                                   RETURNING s.video_id)
                        SELECT DISTINCT video_id FROM d""")
                .execute(Tuple.of(tier, utc(cutoff))).map(ScrapeRepository::ids);
    }

    /** As {@link #pruneVideoSnapshots} for creator snapshots. */
    public Uni<List<UUID>> pruneCreatorSnapshots(SqlConnection c, String tier, Instant cutoff) {
        return c.preparedQuery("""
                        WITH d AS (DELETE FROM creator_snapshot s USING creator c, organization o
                                   WHERE s.creator_id = c.id AND o.id = c.org_id AND o.tier = $1
                                     AND s.captured_at < $2 AND s.captured_at < c.last_scraped_at
                                   RETURNING s.creator_id)
                        SELECT DISTINCT creator_id FROM d""")
                .execute(Tuple.of(tier, utc(cutoff))).map(ScrapeRepository::ids);
    }

    private static List<UUID> ids(RowSet<Row> rows) {
        List<UUID> ids = new ArrayList<>(rows.size());
        rows.forEach(r -> ids.add(r.getUUID(0)));
        return ids;
    }

    private static DueCreator dueCreator(Row r, boolean profileDue, boolean discoveryDue) {
        return new DueCreator(r.getUUID("id"), r.getUUID("org_id"), r.getUUID("project_id"), r.getString("tiktok_handle"),
                r.getString("tracking_mode"), r.getLocalDate("tracking_start_date"), r.getString("timezone"),
                instant(r, "last_scraped_at"), instant(r, "last_discovery_at"), creatorCounters(r), r.getBoolean("resume_baseline"),
                profileDue, discoveryDue);
    }

    /**
     * The creator's latest profile counters, or null when it has none. The scraper writes the four
     * together; a row with only some of them (written by hand) counts as having none, so that one
     * odd row cannot fail the cycle of every organization.
     */
    static CreatorCounters creatorCounters(Row r) {
        Long followers = r.getLong("follower_count");
        Long following = r.getLong("following_count");
        Long likes = r.getLong("likes_count");
        Long videos = r.getLong("video_count");
        if (followers == null || following == null || likes == null || videos == null) {
            return null;
        }
        return new CreatorCounters(followers, following, likes, videos);
    }

    private static DueVideo dueVideo(Row r) {
        return new DueVideo(r.getUUID("id"), r.getUUID("org_id"), instant(r, "posted_at"), instant(r, "last_scraped_at"),
                new VideoCounters(r.getLong("view_count"), r.getLong("like_count"), r.getLong("comment_count"),
                        r.getLong("share_count"), r.getLong("save_count")), r.getBoolean("resume_baseline"));
    }
}
