package com.trackagoat.creator;

import com.trackagoat.api.Keyset;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Tx;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CreatorRepository implements PanacheRepositoryBase<Creator, UUID> {

    /** What the bulk routes check of a creator before changing its status. */
    public record State(UUID id, String status, String handle) {
    }

    /** Visible creators (not removed) of the organization, optionally of one project and matching a handle substring. */
    public Uni<List<Creator>> page(UUID orgId, UUID projectId, String search, PageRequest page) {
        StringBuilder where = new StringBuilder("orgId = :org and status <> 'removed'");
        Parameters params = Parameters.with("org", orgId);
        if (projectId != null) {
            where.append(" and projectId = :project");
            params = params.and("project", projectId);
        }
        if (search != null) {
            where.append(" and tiktokHandle like :search escape '\\'");
            params = params.and("search", "%" + escapeLike(search.toLowerCase()) + "%");
        }
        return find(Keyset.where(where.toString(), page), Keyset.NEWEST_FIRST, Keyset.params(params, page))
                .range(0, page.fetchSize() - 1).list();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A visible creator of the organization, else null. */
    public Uni<Creator> findVisible(UUID orgId, UUID id) {
        return find("id = ?1 and orgId = ?2 and status <> 'removed'", id, orgId).firstResult();
    }

    /**
     * Whether a creator of the project that is not removed holds the handle, other than
     * {@code exceptId} (null: any creator).
     */
    public Uni<Boolean> handleTaken(Tx tx, UUID projectId, String handle, UUID exceptId) {
        return tx.value(Boolean.class, "SELECT EXISTS (SELECT 1 FROM creator WHERE project_id = $1 AND tiktok_handle = $2 "
                + "AND status <> 'removed' AND id IS DISTINCT FROM $3)", projectId, handle, exceptId);
    }

    /** A removed creator of the project with the handle (the one a create reactivates), else null. */
    public Uni<UUID> removedWithHandle(SqlConnection c, UUID projectId, String handle) {
        return c.preparedQuery("SELECT id FROM creator WHERE project_id = $1 AND tiktok_handle = $2 AND status = 'removed' LIMIT 1")
                .execute(Tuple.of(projectId, handle)).map(CreatorRepository::firstId);
    }

    /** The visible creator of the project with the handle, else null. */
    public Uni<UUID> visibleWithHandle(SqlConnection c, UUID projectId, String handle) {
        return c.preparedQuery("SELECT id FROM creator WHERE project_id = $1 AND tiktok_handle = $2 AND status <> 'removed'")
                .execute(Tuple.of(projectId, handle)).map(CreatorRepository::firstId);
    }

    /** The project of a visible creator of the organization, else null. */
    public Uni<UUID> projectOfVisible(SqlConnection c, UUID orgId, UUID id) {
        return c.preparedQuery("SELECT project_id FROM creator WHERE id = $1 AND org_id = $2 AND status <> 'removed'")
                .execute(Tuple.of(id, orgId)).map(CreatorRepository::firstId);
    }

    /** A new active creator. */
    public Uni<Void> insert(SqlConnection c, UUID id, UUID orgId, UUID projectId, String handle, String readme, String metadata,
                            String trackingMode, LocalDate trackingStart, Instant now) {
        return c.preparedQuery("""
                        INSERT INTO creator (id, org_id, project_id, tiktok_handle, readme, metadata, tracking_mode, tracking_start_date,
                                             status, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, 'active', $9, $9)""")
                .execute(Tuple.from(new Object[]{id, orgId, projectId, handle, readme, metadata, trackingMode, trackingStart,
                        now.atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }

    /**
     * A removed creator active again with the given tracking; {@code readme} and {@code metadata}
     * overwrite only when given ({@code setReadme}, {@code setMetadata}).
     */
    public Uni<Void> reactivate(SqlConnection c, UUID id, String trackingMode, LocalDate trackingStart, boolean setReadme, String readme,
                                boolean setMetadata, String metadata, Instant now) {
        return c.preparedQuery("""
                        UPDATE creator SET status = 'active', tracking_mode = $2, tracking_start_date = $3,
                               readme = CASE WHEN $4 THEN $5 ELSE readme END, metadata = CASE WHEN $6 THEN $7::text::jsonb ELSE metadata END,
                               updated_at = $8
                        WHERE id = $1""")
                .execute(Tuple.from(new Object[]{id, trackingMode, trackingStart, setReadme, readme, setMetadata, metadata,
                        now.atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }

    /** The creator of the project, locked for the transaction, else null. */
    public Uni<State> lockInProject(SqlConnection c, UUID projectId, UUID id) {
        return c.preparedQuery("SELECT id, status, tiktok_handle FROM creator WHERE id = $1 AND project_id = $2 FOR UPDATE")
                .execute(Tuple.of(id, projectId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new State(r.getUUID("id"), r.getString("status"), r.getString("tiktok_handle"));
                });
    }

    public Uni<Void> setStatus(SqlConnection c, UUID id, String status) {
        return c.preparedQuery("UPDATE creator SET status = $2, updated_at = now() WHERE id = $1").execute(Tuple.of(id, status))
                .replaceWithVoid();
    }

    private static UUID firstId(RowSet<Row> rows) {
        return rows.size() == 0 ? null : rows.iterator().next().getUUID(0);
    }
}
