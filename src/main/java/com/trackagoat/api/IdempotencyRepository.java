package com.trackagoat.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** The stored {@code Idempotency-Key} claims and answers, on the reactive pool (one statement per step, no transaction). */
@ApplicationScoped
public class IdempotencyRepository {

    /** A claim: the request it was made for and, once completed, the 2xx answer (status null while in progress). */
    public record Stored(String method, String path, String bodySha256, Integer status, byte[] body) {
    }

    private final Pool pool;

    public IdempotencyRepository(Pool pool) {
        this.pool = pool;
    }

    /** Deletes the key when it expired at or before {@code now}. */
    public Uni<Void> deleteExpired(UUID orgId, String key, Instant now) {
        return pool.preparedQuery("DELETE FROM idempotency_key WHERE org_id = $1 AND idem_key = $2 AND expires_at <= $3")
                .execute(Tuple.of(orgId, key, now.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    /** Claims the key for this request; false when it is held already (concurrent duplicates: exactly one claim wins). */
    public Uni<Boolean> claim(UUID orgId, String key, String method, String path, String bodySha256, Instant now, Instant expiresAt) {
        return pool.preparedQuery("""
                        INSERT INTO idempotency_key (org_id, idem_key, method, path, body_sha256, created_at, expires_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING""")
                .execute(Tuple.from(new Object[]{orgId, key, method, path, bodySha256, now.atOffset(ZoneOffset.UTC),
                        expiresAt.atOffset(ZoneOffset.UTC)}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Stores the answer of the claimed request. */
    public Uni<Void> complete(UUID orgId, String key, int status, byte[] body) {
        return pool.preparedQuery("UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE org_id = $1 AND idem_key = $2")
                .execute(Tuple.of(orgId, key, status, Buffer.buffer(body))).replaceWithVoid();
    }

    /** Gives the key up (the request did not succeed). */
    public Uni<Void> release(UUID orgId, String key) {
        return pool.preparedQuery("DELETE FROM idempotency_key WHERE org_id = $1 AND idem_key = $2").execute(Tuple.of(orgId, key))
                .replaceWithVoid();
    }

    /** The claim of the key, or null when there is none (released meanwhile). */
    public Uni<Stored> find(UUID orgId, String key) {
        return pool.preparedQuery("SELECT method, path, body_sha256, response_status, response_body FROM idempotency_key "
                        + "WHERE org_id = $1 AND idem_key = $2")
                .execute(Tuple.of(orgId, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    Integer status = r.getInteger("response_status");
                    return new Stored(r.getString("method"), r.getString("path"), r.getString("body_sha256"), status,
                            status == null ? null : r.getBuffer("response_body").getBytes());
                });
    }
}
