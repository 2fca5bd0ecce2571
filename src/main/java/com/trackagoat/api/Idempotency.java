package com.trackagoat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on creating POSTs (conventions.md §11), kept in PostgreSQL for 24 hours
 * so that restarts and other instances honour it. The key is claimed with one insert (concurrent
 * duplicates: exactly one executes); a 2xx answer is stored as status and exact body bytes and
 * replayed with {@code Idempotent-Replayed: true}; any other answer releases the key.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration TTL = Duration.ofHours(24);
    private static final Pattern VALID = Pattern.compile("^[\\x20-\\x7E]{1,255}$");

    private final Pool pool;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Idempotency(Pool pool, ObjectMapper mapper, Clock clock) {
        this.pool = pool;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Validates the header (400 invalid_params when present and malformed); null when absent. An
     * empty value counts as absent, like an empty query parameter (conventions.md §5).
     */
    public static String key(String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        if (!VALID.matcher(header).matches()) {
            throw ApiException.invalidParams(HEADER);
        }
        return header;
    }

    /**
     * Runs {@code action} under the key: without a key it just runs; with one it replays, refuses
     * (409) or executes and records, as the contract says.
     */
    public Uni<Response> run(UUID orgId, String key, String method, String path, byte[] body, Supplier<Uni<RestResponse<Envelope>>> action) {
        if (key == null) {
            return action.get().map(this::toResponse);
        }
        String fingerprint = sha256(body == null ? new byte[0] : body);
        Instant now = Instant.now(clock);
        return pool.preparedQuery("DELETE FROM idempotency_key WHERE org_id = $1 AND idem_key = $2 AND expires_at <= $3")
                .execute(Tuple.of(orgId, key, now.atOffset(ZoneOffset.UTC)))
                .flatMap(r -> pool.preparedQuery("""
                                INSERT INTO idempotency_key (org_id, idem_key, method, path, body_sha256, created_at, expires_at)
                                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING""")
                        .execute(Tuple.from(new Object[]{orgId, key, method, path, fingerprint, now.atOffset(ZoneOffset.UTC),
                                now.plus(TTL).atOffset(ZoneOffset.UTC)})))
                .flatMap(claimed -> claimed.rowCount() == 1 ? execute(orgId, key, action) : existing(orgId, key, method, path, fingerprint));
    }

    private Uni<Response> execute(UUID orgId, String key, Supplier<Uni<RestResponse<Envelope>>> action) {
        return Uni.createFrom().<RestResponse<Envelope>>deferred(() -> action.get())
                .map(this::toResponse)
                .onFailure().call(e -> release(orgId, key))
                .call(res -> res.getStatus() / 100 == 2
                        ? pool.preparedQuery("UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE org_id = $1 AND idem_key = $2")
                        .execute(Tuple.of(orgId, key, res.getStatus(), io.vertx.core.buffer.Buffer.buffer((byte[]) res.getEntity())))
                        : release(orgId, key));
    }

    private Uni<Void> release(UUID orgId, String key) {
        return pool.preparedQuery("DELETE FROM idempotency_key WHERE org_id = $1 AND idem_key = $2").execute(Tuple.of(orgId, key)).replaceWithVoid();
    }

    private Uni<Response> existing(UUID orgId, String key, String method, String path, String fingerprint) {
        return pool.preparedQuery("SELECT method, path, body_sha256, response_status, response_body FROM idempotency_key WHERE org_id = $1 AND idem_key = $2")
                .execute(Tuple.of(orgId, key))
                .map(rows -> {
                    if (rows.size() == 0) {   // released meanwhile: the caller may retry
                        throw new ApiException(409, "idempotency_key_in_use", "A request with this Idempotency-Key is still in progress");
                    }
                    Row r = rows.iterator().next();
                    if (!r.getString("method").equals(method) || !r.getString("path").equals(path) || !r.getString("body_sha256").equals(fingerprint)) {
                        throw new ApiException(409, "idempotency_key_reused", "Idempotency-Key was already used for a different request");
                    }
                    Integer status = r.getInteger("response_status");
                    if (status == null) {
                        throw new ApiException(409, "idempotency_key_in_use", "A request with this Idempotency-Key is still in progress");
                    }
                    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(r.getBuffer("response_body").getBytes())
                            .header("Idempotent-Replayed", "true").build();
                });
    }

    /** The answer as exact bytes, so that a replay is byte-identical. */
    private Response toResponse(RestResponse<Envelope> res) {
        try {
            return Response.status(res.getStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(mapper.writeValueAsBytes(res.getEntity())).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
