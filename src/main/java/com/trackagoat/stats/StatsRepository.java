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
import java.util.List;
import java.util.UUID;

/**
 * Reads for the stats endpoints, in SQL on the reactive pool. Every query is filtered by the
 * organization. Snapshot reads are bounded to what a request needs: the snapshots inside the
 * requested range, the last one before it per entity (carried values and gains of the first day)
 * and the first one per entity (first_data_date), all served by the (entity, captured_at) keys.
 */
@ApplicationScoped
public class StatsRepository {

    /** SQL condition: video {@code v} is counted (data-model.md): visible and auto_tracked, included or direct_add. */
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

    /** Covered counted videos and covered creators of a campaign. */
    public record Coverage(List<VideoRef> videos, List<UUID> creators) {
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

    /** Counted videos of a creator (the creator's own, each once). */
    public Uni<List<VideoRef>> countedVideosOfCreator(UUID orgId, UUID creatorId) {
        return pool.preparedQuery("SELECT v.id, v.creator_id, v.posted_at, true AS counted FROM video v "
                        + "WHERE v.org_id = $1 AND v.creator_id = $2 AND " + COUNTED)
                .execute(Tuple.of(orgId, creatorId))
                .map(StatsRepository::videoRefs);
    }

    /**
     * The covered videos (counted, each once) and covered creators of a campaign: the union over
     * the campaign tree, walked recursively (UNION also stops at any cycle).
     */
    public Uni<Coverage> coverage(UUID orgId, UUID campaignId) {
        String tree = """
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
                    SELECT v.id, v.creator_id, v.posted_at FROM video v
                    WHERE v.org_id = $1 AND %s
                      AND (v.id IN (SELECT item_id FROM items WHERE item_type = 'video') OR v.creator_id IN (SELECT id FROM item_creators))
                )
                """.formatted(COUNTED);
        Uni<List<VideoRef>> videos = pool.preparedQuery(tree + "SELECT id, creator_id, posted_at, true AS counted FROM covered")
                .execute(Tuple.of(orgId, campaignId)).map(StatsRepository::videoRefs);
        Uni<List<UUID>> creators = pool.preparedQuery(tree + """
                        SELECT id FROM item_creators
                        UNION SELECT creator_id FROM covered WHERE creator_id IS NOT NULL""")
                .execute(Tuple.of(orgId, campaignId))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
        return Uni.combine().all().unis(videos, creators).asTuple().map(t -> new Coverage(t.getItem1(), t.getItem2()));
    }

    /** Every snapshot of the given videos, oldest first per video (velocity and cohorts need whole histories). */
    public Uni<List<VideoSnapshotRow>> allVideoSnapshots(List<UUID> videoIds) {
        return pool.preparedQuery("""
                        SELECT video_id, captured_at, view_count, like_count, comment_count, share_count, save_count, is_baseline, baseline_reason
                        FROM video_snapshot WHERE video_id = ANY($1) ORDER BY video_id, captured_at""")
                .execute(Tuple.of(videoIds.toArray(UUID[]::new)))
                .map(StatsRepository::videoSnapshots);
    }

    /**
     * The snapshots a range needs: those in {@code [start, end)}, the last one before {@code start}
     * and the first one ever, per video; oldest first per video, without duplicates.
     */
    public Uni<List<VideoSnapshotRow>> videoSnapshotsForRange(List<UUID> videoIds, Instant start, Instant end) {
        if (videoIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("""
                        SELECT s.video_id, s.captured_at, s.view_count, s.like_count, s.comment_count, s.share_count, s.save_count,
                               s.is_baseline, s.baseline_reason
                        FROM unnest($1::uuid[]) AS ids(id)
                        CROSS JOIN LATERAL (
                            (SELECT * FROM video_snapshot WHERE video_id = ids.id ORDER BY captured_at LIMIT 1)
                            UNION
                            (SELECT * FROM video_snapshot WHERE video_id = ids.id AND captured_at < $2 ORDER BY captured_at DESC LIMIT 1)
                            UNION
                            (SELECT * FROM video_snapshot WHERE video_id = ids.id AND captured_at >= $2 AND captured_at < $3)
                        ) s
                        ORDER BY s.video_id, s.captured_at""")
                .execute(Tuple.of(videoIds.toArray(UUID[]::new), utc(start), utc(end)))
                .map(StatsRepository::videoSnapshots);
    }

    /** As {@link #videoSnapshotsForRange} for creator snapshots. */
    public Uni<List<CreatorSnapshotRow>> creatorSnapshotsForRange(List<UUID> creatorIds, Instant start, Instant end) {
        if (creatorIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("""
                        SELECT s.creator_id, s.captured_at, s.follower_count, s.following_count, s.likes_count, s.video_count,
                               s.is_baseline, s.baseline_reason
                        FROM unnest($1::uuid[]) AS ids(id)
                        CROSS JOIN LATERAL (
                            (SELECT * FROM creator_snapshot WHERE creator_id = ids.id ORDER BY captured_at LIMIT 1)
                            UNION
                            (SELECT * FROM creator_snapshot WHERE creator_id = ids.id AND captured_at < $2 ORDER BY captured_at DESC LIMIT 1)
                            UNION
                            (SELECT * FROM creator_snapshot WHERE creator_id = ids.id AND captured_at >= $2 AND captured_at < $3)
                        ) s
                        ORDER BY s.creator_id, s.captured_at""")
                .execute(Tuple.of(creatorIds.toArray(UUID[]::new), utc(start), utc(end)))
                .map(rows -> {
                    List<CreatorSnapshotRow> out = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        out.add(new CreatorSnapshotRow(r.getUUID(0), r.getOffsetDateTime(1).toInstant(), r.getLong(2), r.getLong(3),
                                r.getLong(4), r.getLong(5), r.getBoolean(6), r.getString(7)));
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
