package com.trackagoat.creator;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.Tx;
import com.trackagoat.auth.Caller;
import com.trackagoat.org.CountedLimit;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.org.PlanLimits;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk re-enable and bulk remove of a project's creators (endpoints-write.md): 1–100 ids, each
 * handled independently and in order, in one transaction under a lock on the organization row
 * (re-enabling counts against {@code max_creators_per_org}); always 200 with per-id results.
 */
@ApplicationScoped
public class CreatorBulk {

    private final Pool pool;
    private final Handles handles;
    private final PlanLimits limits;
    private final OrganizationRepository organizations;

    public CreatorBulk(Pool pool, Handles handles, PlanLimits limits, OrganizationRepository organizations) {
        this.pool = pool;
        this.handles = handles;
        this.limits = limits;
        this.organizations = organizations;
    }

    public Uni<Map<String, Object>> reenable(Caller caller, UUID projectId, JsonBody body) {
        return run(caller, projectId, body, "reenabled", true);
    }

    public Uni<Map<String, Object>> remove(Caller caller, UUID projectId, JsonBody body) {
        return run(caller, projectId, body, "removed", false);
    }

    private Uni<Map<String, Object>> run(Caller caller, UUID projectId, JsonBody body, String doneKey, boolean reenable) {
        List<UUID> ids = body.uuidArray("creator_ids", 1, 100);
        List<UUID> done = new ArrayList<>();
        List<Object> errors = new ArrayList<>();
        return pool.withTransaction(c -> c.preparedQuery("SELECT 1 FROM project p JOIN organization o ON o.id = p.org_id "
                                + "WHERE p.id = $1 AND o.id = $2 FOR UPDATE OF o").execute(Tuple.of(projectId, caller.orgId()))
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                throw ApiException.notFound();
                            }
                            return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id ->
                                    (reenable ? reenableOne(c, caller, projectId, id) : removeOne(c, projectId, id))
                                            .map(error -> {
                                                if (error == null) {
                                                    done.add(id);
                                                } else {
                                                    Map<String, Object> e = new LinkedHashMap<>();
                                                    e.put("creator_id", id);
                                                    e.put("code", error.code());
                                                    e.put("error", error.getMessage());
                                                    errors.add(e);
                                                }
                                                return id;
                                            })).collect().last();
                        })
                        .flatMap(x -> done.isEmpty() ? Uni.createFrom().voidItem()
                                : organizations.bumpStatsVersions(Tx.of(c), List.of(caller.orgId()))))
                .map(v -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put(doneKey, done);
                    out.put("errors", errors);
                    return out;
                });
    }

    private static Uni<Row> creator(SqlConnection c, UUID projectId, UUID id) {
        return c.preparedQuery("SELECT id, status, tiktok_handle FROM creator WHERE id = $1 AND project_id = $2 FOR UPDATE")
                .execute(Tuple.of(id, projectId)).map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    /** Null when re-enabled, else the error of this id. */
    private Uni<ApiException> reenableOne(SqlConnection c, Caller caller, UUID projectId, UUID id) {
        return creator(c, projectId, id).flatMap(row -> {
            if (row == null) {
                return Uni.createFrom().item(ApiException.notFound());
            }
            String status = row.getString("status");
            String handle = row.getString("tiktok_handle");
            if (status.equals(Creator.ACTIVE)) {
                return Uni.createFrom().item(ApiException.conflict("no_change"));
            }
            if (handles.isBanned(handle)) {
                return Uni.createFrom().item(ApiException.conflict("creator_banned"));
            }
            Uni<Boolean> taken = !status.equals(Creator.REMOVED) ? Uni.createFrom().item(false)
                    : c.preparedQuery("SELECT 1 FROM creator WHERE project_id = $1 AND tiktok_handle = $2 AND status <> 'removed' AND id <> $3")
                    .execute(Tuple.of(projectId, handle, id)).map(r -> r.size() > 0);
            return taken.flatMap(isTaken -> {
                if (isTaken) {
                    return Uni.createFrom().item(ApiException.conflict("handle_taken"));
                }
                return limits.requireRoom(Tx.of(c), CountedLimit.CREATORS, caller.orgId())
                        .flatMap(v -> c.preparedQuery("UPDATE creator SET status = 'active', resume_baseline = true, updated_at = now() WHERE id = $1")
                                .execute(Tuple.of(id)))
                        .flatMap(r -> c.preparedQuery("UPDATE video SET resume_baseline = true WHERE creator_id = $1").execute(Tuple.of(id)))
                        .replaceWith((ApiException) null)
                        .onFailure(ApiException.class).recoverWithItem(e -> (ApiException) e);
            });
        });
    }

    /** Null when removed, else the error of this id. */
    private static Uni<ApiException> removeOne(SqlConnection c, UUID projectId, UUID id) {
        return creator(c, projectId, id).flatMap(row -> {
            if (row == null) {
                return Uni.createFrom().item(ApiException.notFound());
            }
            if (row.getString("status").equals(Creator.REMOVED)) {
                return Uni.createFrom().item(ApiException.conflict("no_change"));
            }
            return c.preparedQuery("UPDATE creator SET status = 'removed', updated_at = now() WHERE id = $1").execute(Tuple.of(id))
                    .replaceWith((ApiException) null);
        });
    }
}
