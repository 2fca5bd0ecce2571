package com.trackagoat.org;

import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Tx;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    public Uni<List<Organization>> page(PageRequest page) {
        var query = page.after() == null
                ? find("1 = 1", NEWEST_FIRST)
                : find("createdAt < ?1 or (createdAt = ?1 and id < ?2)", NEWEST_FIRST, page.after().createdAt(), page.after().id());
        return query.range(0, page.fetchSize() - 1).list();
    }

    /**
     * The stats-version bump, the one statement that invalidates organizations' cached stats and
     * cohort curves: every write that changes what their stats compute from (snapshots, the counted
     * set, review decisions, the time zone, retention) calls it in its own transaction.
     */
    public Uni<Void> bumpStatsVersions(Tx tx, Collection<UUID> orgIds) {
        if (orgIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = orgIds.stream().distinct().sorted().toArray(UUID[]::new);
        return tx.update("UPDATE organization SET stats_version = stats_version + 1 WHERE id = ANY($1)", (Object) ids).replaceWithVoid();
    }

    /** Locks the organization row until the transaction ends and answers its time zone. */
    public Uni<String> lockTimezone(SqlConnection c, UUID orgId) {
        return c.preparedQuery("SELECT timezone FROM organization WHERE id = $1 FOR UPDATE").execute(Tuple.of(orgId))
                .map(rows -> rows.iterator().next().getString(0));
    }

    /** Locks the organization row until the transaction ends when the project is one of its own; false when it is not. */
    public Uni<Boolean> lockWithProject(SqlConnection c, UUID orgId, UUID projectId) {
        return c.preparedQuery("SELECT 1 FROM organization o JOIN project p ON p.org_id = o.id WHERE o.id = $1 AND p.id = $2 FOR UPDATE OF o")
                .execute(Tuple.of(orgId, projectId)).map(rows -> rows.size() > 0);
    }

    /** The organizations of a tier. */
    public Uni<List<UUID>> idsOfTier(SqlConnection c, String tier) {
        return c.preparedQuery("SELECT id FROM organization WHERE tier = $1").execute(Tuple.of(tier)).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getUUID(0)));
            return ids;
        });
    }

    public Uni<Organization> findPlatform() {
        return find("platform", true).firstResult();
    }

    public Uni<Organization> findDemo() {
        return find("demo", true).firstResult();
    }
}
