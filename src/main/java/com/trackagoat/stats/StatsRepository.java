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
                SELECT 'creator', id, NULL, NULL FROM (SELECT id FROM item_creators UNION SELECT creator_id FROM covered WHERE creator_id IS NOT NULL) c
                """.formatted(COUNTED);
        return pool.preparedQuery(sql).execute(Tuple.of(orgId, campaignId)).map(rows -> {
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
            return new Coverage(videos, creators);
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
