package com.trackagoat.org;

import com.trackagoat.api.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.UUID;

/**
 * SQL of the plan limits: the lock and the count behind each {@link CountedLimit}, and the usage
 * of GET /organization, which counts the same sets.
 */
@ApplicationScoped
public class PlanLimitRepository {

    private final Pool pool;

    public PlanLimitRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Locks the row that serializes the writers of the limited set (the organization, or the project
     * of a campaign set) until the transaction ends, and answers the organization's tier; null when
     * the owner does not exist. Re-entrant: a row the transaction locked already is not waited for.
     */
    public Uni<String> lockOwner(Tx tx, CountedLimit limit, UUID ownerId) {
        return tx.value(String.class, switch (limit.owner()) {
            case ORGANIZATION -> "SELECT tier FROM organization WHERE id = $1 FOR NO KEY UPDATE";
            case PROJECT -> "SELECT o.tier FROM project p JOIN organization o ON o.id = p.org_id WHERE p.id = $1 FOR NO KEY UPDATE OF p";
            case CAMPAIGN -> """
                    SELECT o.tier FROM campaign c JOIN project p ON p.id = c.project_id JOIN organization o ON o.id = p.org_id
                    WHERE c.id = $1 FOR NO KEY UPDATE OF p""";
        }, ownerId);
    }

    /** The current size of the limited set of the owner (in a statement of its own, so it sees what committed before the lock). */
    public Uni<Long> count(Tx tx, CountedLimit limit, UUID ownerId) {
        return tx.value(Long.class, countSql(limit), ownerId);
    }

    /** What counts against the limit, {@code $1} = the owner id. */
    private static String countSql(CountedLimit limit) {
        return switch (limit) {
            case CREATORS -> "SELECT count(*) FROM creator WHERE org_id = $1 AND status = 'active'";
            case TRACKED_VIDEOS -> "SELECT count(*) FROM video WHERE org_id = $1 AND deleted_at IS NULL AND tracking_status = 'direct_add'";
            case PROJECTS -> "SELECT count(*) FROM project WHERE org_id = $1";
            case API_KEYS -> "SELECT count(*) FROM api_key WHERE org_id = $1 AND revoked_at IS NULL";
            case CAMPAIGNS -> "SELECT count(*) FROM campaign WHERE project_id = $1";
            case CAMPAIGN_ITEMS -> "SELECT count(*) FROM campaign_item WHERE campaign_id = $1";
        };
    }

    /** The organization's counted sets and its usage of the UTC {@code day}, in one round trip. */
    public Uni<OwnOrganizationDto.Usage> usage(UUID orgId, LocalDate day) {
        return pool.preparedQuery("""
                        SELECT (%s), (%s), (%s), (%s),
                               coalesce((SELECT api_requests FROM org_daily_usage WHERE org_id = $1 AND day = $2), 0),
                               coalesce((SELECT manual_scrapes FROM org_daily_usage WHERE org_id = $1 AND day = $2), 0)"""
                        .formatted(countSql(CountedLimit.CREATORS), countSql(CountedLimit.PROJECTS), countSql(CountedLimit.TRACKED_VIDEOS),
                                countSql(CountedLimit.API_KEYS)))
                .execute(Tuple.of(orgId, day))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new OwnOrganizationDto.Usage(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
                });
    }
}
