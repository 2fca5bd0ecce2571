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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The hot path of every request: key lookup and the lazy {@code last_used_at} refresh, one round
 * trip each; and the SQL of the organizations' daily request counter ({@link RequestCounter}, which
 * counts in memory and writes in batches). Plain SQL on the reactive pool.
 */
@ApplicationScoped
public class AuthRepository implements RequestCounter.Store {

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

    @Override
    public Uni<Long> apiRequests(UUID orgId, LocalDate day) {
        return pool.preparedQuery("SELECT coalesce((SELECT api_requests FROM org_daily_usage WHERE org_id = $1 AND day = $2), 0)")
                .execute(Tuple.of(orgId, day))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * The flush of {@link RequestCounter}, one statement for all organizations: adds the positive
     * counts to their rows (inserted when missing, in the order given, which is the lock order) and
     * answers the total of every row asked for, the rows of the zero deltas read as they are.
     */
    @Override
    public Uni<List<RequestCounter.Total>> addApiRequests(List<RequestCounter.Delta> deltas) {
        int n = deltas.size();
        UUID[] orgs = new UUID[n];
        LocalDate[] days = new LocalDate[n];
        Long[] counts = new Long[n];
        for (int i = 0; i < n; i++) {
            RequestCounter.Delta d = deltas.get(i);
            orgs[i] = d.orgId();
            days[i] = d.day();
            counts[i] = d.count();
        }
        return pool.preparedQuery("""
                        WITH d AS (SELECT * FROM unnest($1::uuid[], $2::date[], $3::bigint[]) WITH ORDINALITY AS d(org_id, day, n, i)),
                        added AS (
                            INSERT INTO org_daily_usage (org_id, day, api_requests)
                            SELECT org_id, day, n FROM d WHERE n > 0 ORDER BY i
                            ON CONFLICT (org_id, day) DO UPDATE SET api_requests = org_daily_usage.api_requests + EXCLUDED.api_requests
                            RETURNING org_id, day, api_requests)
                        SELECT org_id, day, api_requests FROM added
                        UNION ALL
                        SELECT d.org_id, d.day, coalesce(u.api_requests, 0)
                        FROM d LEFT JOIN org_daily_usage u ON u.org_id = d.org_id AND u.day = d.day
                        WHERE d.n = 0""")
                .execute(Tuple.of(orgs, days, counts))
                .map(rows -> {
                    List<RequestCounter.Total> totals = new ArrayList<>(rows.size());
                    rows.forEach(r -> totals.add(new RequestCounter.Total(r.getUUID(0), r.getLocalDate(1), r.getLong(2))));
                    return totals;
                });
    }

    public Uni<Void> touch(UUID keyId, Instant now) {
        return pool.preparedQuery("UPDATE api_key SET last_used_at = $2 WHERE id = $1")
                .execute(Tuple.of(keyId, now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
