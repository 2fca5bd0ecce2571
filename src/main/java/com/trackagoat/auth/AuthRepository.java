package com.trackagoat.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The hot path of every request: key lookup, the organization's daily request counter and the
 * lazy {@code last_used_at} refresh. Plain SQL on the reactive pool, one round trip each.
 */
@ApplicationScoped
public class AuthRepository {

    /** A non-revoked key with what the filters need of its organization. */
    public record KeyRow(Caller caller, boolean banned, Instant lastUsedAt) {
    }

    private final Pool pool;

    public AuthRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<KeyRow> findActiveKey(String keyHash) {
        return pool.preparedQuery("""
                        SELECT k.id, k.org_id, k.scopes, k.last_used_at, o.tier, o.timezone, o.banned, o.is_platform, o.stats_version
                        FROM api_key k JOIN organization o ON o.id = k.org_id
                        WHERE k.key_hash = $1 AND k.revoked_at IS NULL""")
                .execute(Tuple.of(keyHash))
                .map(rows -> rows.size() == 0 ? null : toKeyRow(rows.iterator().next()));
    }

    private static KeyRow toKeyRow(Row r) {
        Caller caller = new Caller(r.getUUID("id"), r.getUUID("org_id"), Scopes.parse(r.getString("scopes")),
                r.getString("tier"), r.getString("timezone"), r.getBoolean("is_platform"), r.getLong("stats_version"));
        OffsetDateTime lastUsed = r.getOffsetDateTime("last_used_at");
        return new KeyRow(caller, r.getBoolean("banned"), lastUsed == null ? null : lastUsed.toInstant());
    }

    /**
     * Counts one request against the organization's quota for the UTC day, unless the quota is
     * used up. {@code max} null = unlimited.
     *
     * @return true when the request was counted (allowed)
     */
    public Uni<Boolean> countApiRequest(UUID orgId, LocalDate day, Long max) {
        long cap = max == null ? Long.MAX_VALUE : max;
        return pool.preparedQuery("""
                        INSERT INTO org_daily_usage (org_id, day, api_requests) SELECT $1, $2, 1 WHERE $3::bigint > 0
                        ON CONFLICT (org_id, day) DO UPDATE SET api_requests = org_daily_usage.api_requests + 1
                        WHERE org_daily_usage.api_requests < $3::bigint
                        RETURNING api_requests""")
                .execute(Tuple.of(orgId, day, cap))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> touch(UUID keyId, Instant now) {
        return pool.preparedQuery("UPDATE api_key SET last_used_at = $2 WHERE id = $1")
                .execute(Tuple.of(keyId, now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
