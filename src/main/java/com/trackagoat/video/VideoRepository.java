package com.trackagoat.video;

import com.trackagoat.api.Keyset;
import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VideoRepository implements PanacheRepositoryBase<Video, UUID> {

    /** A video of a project by TikTok id, tombstones included. */
    public record Existing(UUID id, boolean deleted) {
    }

    /**
     * Visibility of docs/reference/data-model.md as an HQL condition on {@code Video}: not deleted, not excluded,
     * no creator or a creator that is not removed.
     */
    static final String VISIBLE = "deletedAt is null and trackingStatus <> 'excluded' and (creatorId is null or not exists "
            + "(select 1 from Creator c where c.id = creatorId and c.status = 'removed'))";

    public Uni<List<Video>> page(UUID orgId, UUID projectId, UUID creatorId, String trackingStatus, PageRequest page) {
        StringBuilder where = new StringBuilder("orgId = :org and " + VISIBLE);
        Parameters params = Parameters.with("org", orgId);
        if (projectId != null) {
            where.append(" and projectId = :project");
            params = params.and("project", projectId);
        }
        if (creatorId != null) {
            where.append(" and creatorId = :creator");
            params = params.and("creator", creatorId);
        }
        if (trackingStatus != null) {
            where.append(" and trackingStatus = :status");
            params = params.and("status", trackingStatus);
        }
        return find(Keyset.where(where.toString(), page), Keyset.NEWEST_FIRST, Keyset.params(params, page))
                .range(0, page.fetchSize() - 1).list();
    }

    /** A visible video of the organization, else null. */
    public Uni<Video> findVisible(UUID orgId, UUID id) {
        return find("id = :id and orgId = :org and " + VISIBLE, Parameters.with("id", id).and("org", orgId)).firstResult();
    }

    /** The visible videos of the organization among {@code ids}. */
    public Uni<List<Video>> listVisible(UUID orgId, List<UUID> ids) {
        return find("id in ?1 and orgId = ?2 and " + VISIBLE, ids, orgId).list();
    }

    /** The project's video with the TikTok id (a deleted one too), else null. */
    public Uni<Existing> findInProject(SqlConnection c, UUID projectId, String tiktokVideoId) {
        return c.preparedQuery("SELECT id, deleted_at IS NOT NULL AS deleted FROM video WHERE project_id = $1 AND tiktok_video_id = $2")
                .execute(Tuple.of(projectId, tiktokVideoId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Existing(r.getUUID("id"), r.getBoolean("deleted"));
                });
    }

    /** A new video added by URL ({@code direct_add}). */
    public Uni<Void> insertDirectAdd(SqlConnection c, UUID id, UUID orgId, UUID projectId, UUID creatorId, String tiktokVideoId, String url,
                                     String readme, String metadata, Instant postedAt, Instant now) {
        return c.preparedQuery("""
                        INSERT INTO video (id, org_id, project_id, creator_id, tiktok_video_id, url, readme, metadata, tracking_status,
                                           posted_at, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, 'direct_add', $9, $10, $10)""")
                .execute(Tuple.from(new Object[]{id, orgId, projectId, creatorId, tiktokVideoId, url, readme, metadata,
                        postedAt == null ? null : postedAt.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }

    /**
     * A deleted video added by URL again: {@code direct_add}, linked to {@code creatorId} when given;
     * {@code readme} and {@code metadata} overwrite only when given ({@code setReadme}, {@code setMetadata}).
     */
    public Uni<Void> restore(SqlConnection c, UUID id, UUID creatorId, boolean setReadme, String readme, boolean setMetadata, String metadata,
                             Instant now) {
        return c.preparedQuery("""
                        UPDATE video SET deleted_at = NULL, tracking_status = 'direct_add', creator_id = coalesce($2, creator_id),
                               readme = CASE WHEN $3 THEN $4 ELSE readme END, metadata = CASE WHEN $5 THEN $6::text::jsonb ELSE metadata END,
                               updated_at = $7
                        WHERE id = $1""")
                .execute(Tuple.from(new Object[]{id, creatorId, setReadme, readme, setMetadata, metadata, now.atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }
}
