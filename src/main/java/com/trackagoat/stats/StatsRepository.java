package com.trackagoat.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.time.LocalDate;
import java.util.function.Function;
import com.trackagoat.stats.calc.DaySeries;
import com.trackagoat.stats.calc.Rollup;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads for the stats endpoints, in SQL on the reactive pool. Lookups are filtered by the
 * organization; snapshot reads take the ids those lookups returned and are served by the
 * (entity, captured_at) primary keys.
 */
@ApplicationScoped
public class StatsRepository {

    /** SQL condition: video {@code v} is counted (docs/reference/data-model.md): visible and auto_tracked, included or direct_add. */
    static final String COUNTED = "v.deleted_at IS NULL AND v.tracking_status IN ('auto_tracked', 'included', 'direct_add') "
            + "AND (v.creator_id IS NULL OR EXISTS (SELECT 1 FROM creator c WHERE c.id = v.creator_id AND c.status <> 'removed'))";

    public record VideoRef(UUID id, UUID creatorId, Instant postedAt, boolean counted) {
    }

    public record VideoSnapshotRow(UUID videoId, Instant capturedAt, long views, long likes, long comments, long shares,
                                   long saves, boolean baseline, String reason) {
    }

    public record CreatorSnapshotRow(UUID creatorId, Instant capturedAt, long followers, long following, long likes,
                                     long videos, boolean baseline, String reason) {
    }

    /** A campaign's target ({@code target_views}, {@code target_at}; each may be null). */
    public record CampaignTarget(Long views, Instant at) {
    }

    /**
     * Covered counted videos and covered creators of a campaign; {@code itemCreators} are the
     * covered creators that are items of the tree (all their counted videos are covered).
     */
    public record Coverage(List<VideoRef> videos, List<UUID> creators, Set<UUID> itemCreators) {
    }

    private final Pool pool;

    public StatsRepository(Pool pool) {
        this.pool = pool;
    }

    /** A visible video of the organization with whether it counts, or null. */
    public Uni<VideoRef> visibleVideo(UUID orgId, UUID videoId) {
        return pool.preparedQuery("""
                        SELECT v.id, v.creator_id, v.posted_at, v.tracking_status IN ('auto_tracked', 'included', 'direct_add') AS counted
                        FROM video v
                        WHERE v.id = $1 AND v.org_id = $2 AND v.deleted_at IS NULL AND v.tracking_status <> 'excluded'
                          AND (v.creator_id IS NULL OR EXISTS (SELECT 1 FROM creator c WHERE c.id = v.creator_id AND c.status <> 'removed'))""")
                .execute(Tuple.of(videoId, orgId))
                .map(rows -> rows.size() == 0 ? null : videoRef(rows.iterator().next()));
    }

    /** Whether the creator is a visible one of the organization. */
    public Uni<Boolean> visibleCreator(UUID orgId, UUID creatorId) {
        return pool.preparedQuery("SELECT id FROM creator WHERE id = $1 AND org_id = $2 AND status <> 'removed'")
                .execute(Tuple.of(creatorId, orgId))
                .map(rows -> rows.size() > 0);
    }

    /** The target of a campaign of the organization, or null when there is no such campaign. */
    public Uni<CampaignTarget> campaignTarget(UUID orgId, UUID campaignId) {
        return pool.preparedQuery("SELECT target_views, target_at FROM campaign WHERE id = $1 AND org_id = $2")
                .execute(Tuple.of(campaignId, orgId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    OffsetDateTime at = r.getOffsetDateTime(1);
                    return new CampaignTarget(r.getLong(0), at == null ? null : at.toInstant());
                });
    }

    /** Counted videos of a creator (the creator's own, each once). */
    public Uni<List<VideoRef>> countedVideosOfCreator(UUID orgId, UUID creatorId) {
        return pool.preparedQuery("SELECT v.id, v.creator_id, v.posted_at, true AS counted FROM video v "
                        + "WHERE v.org_id = $1 AND v.creator_id = $2 AND " + COUNTED)
                .execute(Tuple.of(orgId, creatorId))
                .map(StatsRepository::videoRefs);
    }

    /**
     * The covered videos (counted, each once) and covered creators of a campaign: the union over
     * the campaign tree, walked recursively (UNION also stops at any cycle). One round trip; every
     * step is an index lookup.
     */
    public Uni<Coverage> coverage(UUID orgId, UUID campaignId) {
        String sql = """
                WITH RECURSIVE tree(id) AS (
                    SELECT $2::uuid
                    UNION
                    SELECT ci.item_id FROM campaign_item ci JOIN tree t ON ci.campaign_id = t.id
                    WHERE ci.item_type = 'campaign' AND ci.org_id = $1
                ),
                items AS (SELECT ci.item_type, ci.item_id FROM campaign_item ci JOIN tree t ON ci.campaign_id = t.id WHERE ci.org_id = $1),
                item_creators AS (
                    SELECT c.id FROM creator c JOIN items i ON i.item_type = 'creator' AND i.item_id = c.id
                    WHERE c.org_id = $1 AND c.status <> 'removed'
                ),
                covered AS (
                    SELECT v.id, v.creator_id, v.posted_at FROM video v JOIN items i ON i.item_type = 'video' AND i.item_id = v.id
                    WHERE v.org_id = $1 AND %1$s
                    UNION
                    SELECT v.id, v.creator_id, v.posted_at FROM video v JOIN item_creators ic ON v.creator_id = ic.id
                    WHERE v.org_id = $1 AND %1$s
                )
                SELECT 'video' AS kind, id, creator_id, posted_at FROM covered
                UNION ALL
                SELECT 'item_creator', id, NULL, NULL FROM item_creators
                UNION ALL
                SELECT 'creator', id, NULL, NULL FROM (SELECT creator_id AS id FROM covered WHERE creator_id IS NOT NULL
                                                       EXCEPT SELECT id FROM item_creators) c
                """.formatted(COUNTED);
        return pool.preparedQuery(sql).execute(Tuple.of(orgId, campaignId)).map(rows -> {
            List<VideoRef> videos = new ArrayList<>();
            List<UUID> creators = new ArrayList<>();
            Set<UUID> itemCreators = new HashSet<>();
            for (Row r : rows) {
                if (r.getString(0).equals("video")) {
                    OffsetDateTime posted = r.getOffsetDateTime(3);
                    videos.add(new VideoRef(r.getUUID(1), r.getUUID(2), posted == null ? null : posted.toInstant(), true));
                } else {
                    creators.add(r.getUUID(1));
                    if (r.getString(0).equals("item_creator")) {
                        itemCreators.add(r.getUUID(1));
                    }
                }
            }
            return new Coverage(videos, creators, itemCreators);
        });
    }

    /**
     * What a project covers: its counted videos and its non-removed creators (docs/reference/analytics.md §1);
     * every creator is an item creator (all its counted videos are covered).
     */
    public Uni<Coverage> projectCoverage(UUID orgId, UUID projectId) {
        return pool.preparedQuery("""
                        SELECT 'video' AS kind, v.id, v.creator_id, v.posted_at FROM video v
                        WHERE v.org_id = $1 AND v.project_id = $2 AND %s
                        UNION ALL
                        SELECT 'creator', c.id, NULL, NULL FROM creator c WHERE c.org_id = $1 AND c.project_id = $2 AND c.status <> 'removed'
                        """.formatted(COUNTED))
                .execute(Tuple.of(orgId, projectId)).map(rows -> {
                    List<VideoRef> videos = new ArrayList<>();
                    List<UUID> creators = new ArrayList<>();
                    for (Row r : rows) {
                        if (r.getString(0).equals("video")) {
                            OffsetDateTime posted = r.getOffsetDateTime(3);
                            videos.add(new VideoRef(r.getUUID(1), r.getUUID(2), posted == null ? null : posted.toInstant(), true));
                        } else {
                            creators.add(r.getUUID(1));
                        }
                    }
                    return new Coverage(videos, creators, Set.copyOf(creators));
                });
    }

    /** Every snapshot of the given videos, oldest first per video (velocity and cohorts need whole histories). */
    public Uni<List<VideoSnapshotRow>> allVideoSnapshots(List<UUID> videoIds) {
        if (videoIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("""
                        SELECT video_id, captured_at, view_count, like_count, comment_count, share_count, save_count, is_baseline, baseline_reason
                        FROM video_snapshot WHERE video_id = ANY($1) ORDER BY video_id, captured_at""")
                .execute(Tuple.of(videoIds.toArray(UUID[]::new)))
                .map(StatsRepository::videoSnapshots);
    }

    /** Every snapshot of the given creators, oldest first per creator. */
    public Uni<List<CreatorSnapshotRow>> allCreatorSnapshots(List<UUID> creatorIds) {
        if (creatorIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("""
                        SELECT creator_id, captured_at, follower_count, following_count, likes_count, video_count, is_baseline, baseline_reason
                        FROM creator_snapshot WHERE creator_id = ANY($1) ORDER BY creator_id, captured_at""")
                .execute(Tuple.of(creatorIds.toArray(UUID[]::new)))
                .map(rows -> {
                    List<CreatorSnapshotRow> out = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        out.add(new CreatorSnapshotRow(r.getUUID(0), r.getOffsetDateTime(1).toInstant(), r.getLong(2), r.getLong(3),
                                r.getLong(4), r.getLong(5), r.getBoolean(6), r.getString(7)));
                    }
                    return out;
                });
    }

    // ------------------------------------------------------------------------- rollup reads

    /** The ready rollup zone of the organization in {@code tz}, or null (docs/decisions.md, "Stats rollups"). */
    public Uni<Long> readyZone(UUID orgId, String tz) {
        return pool.preparedQuery("SELECT max(id) FROM rollup_zone WHERE org_id = $1 AND tz = $2 AND state = 'ready'")
                .execute(Tuple.of(orgId, tz)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Rollup rows of entities over a range: per entity, the row before {@code from} (or null) and the rows in [from, to]. */
    public record RangeRows<D>(Map<UUID, D> before, Map<UUID, List<D>> rows) {
    }

    public Uni<RangeRows<Rollup.CreatorDay>> creatorDays(long zoneId, Collection<UUID> creatorIds, LocalDate from, LocalDate to) {
        return range(zoneId, creatorIds, from, to, "creator_day", "creator_id", RollupRepository.CREATOR_DAY_COLUMNS, RollupRepository::creatorDay);
    }

    public Uni<RangeRows<DaySeries.Day>> videoDays(long zoneId, Collection<UUID> videoIds, LocalDate from, LocalDate to) {
        return range(zoneId, videoIds, from, to, "video_day", "video_id", RollupRepository.VIDEO_DAY_COLUMNS, RollupRepository::videoDay);
    }

    private <D> Uni<RangeRows<D>> range(long zoneId, Collection<UUID> ids, LocalDate from, LocalDate to, String table, String idColumn,
                                        String columns, Function<Object[], D> row) {
        Map<UUID, D> before = new HashMap<>();
        Map<UUID, List<D>> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new RangeRows<>(before, rows));
        }
        String sql = """
                SELECT u.id, 0, p.day - %1$s, %4$s FROM unnest($2::uuid[]) AS u(id) CROSS JOIN LATERAL (
                    SELECT * FROM %2$s p WHERE p.zone_id = $1 AND p.%3$s = u.id AND p.day < $3 ORDER BY p.day DESC LIMIT 1) p
                UNION ALL
                SELECT r.%3$s, 1, r.day - %1$s, %5$s FROM %2$s r WHERE r.zone_id = $1 AND r.%3$s = ANY($2) AND r.day BETWEEN $3 AND $4
                ORDER BY 1, 2, 3""".formatted(RollupRepository.EPOCH, table, idColumn, RollupRepository.prefixed("p", columns),
                RollupRepository.prefixed("r", columns));
        return pool.preparedQuery(sql).execute(Tuple.of(zoneId, ids.toArray(UUID[]::new), from, to)).map(result -> {
            for (Row r : result) {
                Object[] values = new Object[r.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = r.getValue(i);
                }
                D d = row.apply(values);
                if (r.getInteger(1) == 0) {
                    before.put(r.getUUID(0), d);
                } else {
                    rows.computeIfAbsent(r.getUUID(0), k -> new ArrayList<>()).add(d);
                }
            }
            return new RangeRows<>(before, rows);
        });
    }

    /**
     * first_data_date from the rollups: the first day of the counted videos of {@code videoCreators},
     * of the creators' own snapshots of {@code ownCreators} and of {@code videos}; null when none.
     */
    public Uni<LocalDate> firstDay(long zoneId, Collection<UUID> videoCreators, Collection<UUID> ownCreators, Collection<UUID> videos) {
        return pool.preparedQuery("""
                        SELECT least((SELECT min(first_day) FROM video_rollup WHERE zone_id = $1 AND counted AND creator_id = ANY($2)),
                                     (SELECT min(c.first) FROM unnest($3::uuid[]) AS u(id) CROSS JOIN LATERAL (
                                          SELECT min(day) AS first FROM creator_day d WHERE d.zone_id = $1 AND d.creator_id = u.id AND d.own_snapshot) c),
                                     (SELECT min(first_day) FROM video_rollup WHERE zone_id = $1 AND video_id = ANY($4)))""")
                .execute(Tuple.of(zoneId, videoCreators.toArray(UUID[]::new), ownCreators.toArray(UUID[]::new), videos.toArray(UUID[]::new)))
                .map(rows -> rows.iterator().next().getLocalDate(0));
    }

    /** Each video's first day with a snapshot in the zone (videos without one are left out). */
    public Uni<Map<UUID, LocalDate>> firstDays(long zoneId, Collection<UUID> videoIds) {
        return pool.preparedQuery("SELECT video_id, first_day FROM video_rollup WHERE zone_id = $1 AND video_id = ANY($2) AND first_day IS NOT NULL")
                .execute(Tuple.of(zoneId, videoIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, LocalDate> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getUUID(0), r.getLocalDate(1)));
                    return out;
                });
    }

    /** A baseline snapshot of a video or creator. */
    public record BaselineRow(UUID entityId, Instant capturedAt, String reason) {
    }

    /** The baseline snapshots of the videos and creators captured in [from, to). */
    public Uni<List<BaselineRow>> baselines(Collection<UUID> videoIds, Collection<UUID> creatorIds, Instant from, Instant to) {
        return pool.preparedQuery("""
                        SELECT video_id, captured_at, baseline_reason FROM video_snapshot
                        WHERE video_id = ANY($1) AND is_baseline AND captured_at >= $3 AND captured_at < $4
                        UNION ALL
                        SELECT creator_id, captured_at, baseline_reason FROM creator_snapshot
                        WHERE creator_id = ANY($2) AND is_baseline AND captured_at >= $3 AND captured_at < $4""")
                .execute(Tuple.of(videoIds.toArray(UUID[]::new), creatorIds.toArray(UUID[]::new), utc(from), utc(to)))
                .map(rows -> {
                    List<BaselineRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new BaselineRow(r.getUUID(0), r.getOffsetDateTime(1).toInstant(), r.getString(2))));
                    return out;
                });
    }

    /** Velocity sums of owners (creators or the organization) in a zone: owner → day number → [sum, count]. */
    public Uni<Map<UUID, Map<Integer, long[]>>> velocitySums(long zoneId, Collection<UUID> owners) {
        return pool.preparedQuery("SELECT owner_id, day_number, gain_sum, sample_size FROM velocity_sum "
                        + "WHERE zone_id = $1 AND owner_id = ANY($2) AND sample_size > 0")
                .execute(Tuple.of(zoneId, owners.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Map<Integer, long[]>> out = new HashMap<>();
                    for (Row r : rows) {
                        out.computeIfAbsent(r.getUUID(0), k -> new HashMap<>()).put(r.getInteger(1), new long[]{r.getLong(2), r.getInteger(3)});
                    }
                    return out;
                });
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static VideoRef videoRef(Row r) {
        OffsetDateTime posted = r.getOffsetDateTime(2);
        return new VideoRef(r.getUUID(0), r.getUUID(1), posted == null ? null : posted.toInstant(), r.getBoolean(3));
    }

    private static List<VideoRef> videoRefs(RowSet<Row> rows) {
        List<VideoRef> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(videoRef(r)));
        return out;
    }

    private static List<VideoSnapshotRow> videoSnapshots(RowSet<Row> rows) {
        List<VideoSnapshotRow> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new VideoSnapshotRow(r.getUUID(0), r.getOffsetDateTime(1).toInstant(), r.getLong(2), r.getLong(3), r.getLong(4),
                    r.getLong(5), r.getLong(6), r.getBoolean(7), r.getString(8)));
        }
        return out;
    }
}
