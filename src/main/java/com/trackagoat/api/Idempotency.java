package com.trackagoat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on creating POSTs (docs/reference/conventions.md §11), kept in PostgreSQL for 24 hours
 * so that restarts and other instances honour it. The key is claimed with one insert (concurrent
 * duplicates: exactly one executes); a 2xx answer is stored as status and exact body bytes and
 * replayed with {@code Idempotent-Replayed: true}; any other answer releases the key.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration TTL = Duration.ofHours(24);
    private static final Pattern VALID = Pattern.compile("^[\\x20-\\x7E]{1,255}$");

    @Inject
    IdempotencyRepository repository;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /**
     * A creating POST of organization {@code orgId}, once its path parameters were checked, in the
     * order of docs/reference/conventions.md §4 and §11: the {@code Idempotency-Key} header
     * ({@link #key}), the body's media type and JSON ({@link Body#parse}), the claim of the key
     * ({@link #run}), then {@code action} with the parsed body. The action binds the fields, so a
     * 400 there comes after the claim (and releases the key, like any answer that is not 2xx).
     */
    public Uni<Response> create(UUID orgId, String keyHeader, HttpServerRequest request, String contentType, byte[] body,
                                Function<ObjectNode, Uni<? extends RestResponse<? extends Envelope<?>>>> action) {
        String key = key(keyHeader);
        ObjectNode json = Body.parse(contentType, body);
        return run(orgId, key, "POST", request.path(), body, () -> action.apply(json));
    }

    /**
     * Validates the header (400 invalid_params when present and malformed); null when absent. An
     * empty value counts as absent, like an empty query parameter (docs/reference/conventions.md §5).
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
    private Uni<Response> run(UUID orgId, String key, String method, String path, byte[] body,
                              Supplier<Uni<? extends RestResponse<? extends Envelope<?>>>> action) {
        if (key == null) {
            return action.get().map(this::toResponse);
        }
        String fingerprint = sha256(body == null ? new byte[0] : body);
        Instant now = Instant.now(clock);
        return repository.deleteExpired(orgId, key, now)
                .flatMap(v -> repository.claim(orgId, key, method, path, fingerprint, now, now.plus(TTL)))
                .flatMap(claimed -> claimed ? execute(orgId, key, action) : existing(orgId, key, method, path, fingerprint));
    }

    private Uni<Response> execute(UUID orgId, String key, Supplier<Uni<? extends RestResponse<? extends Envelope<?>>>> action) {
        return Uni.createFrom().deferred(action::get)
                .map(this::toResponse)
                .onFailure().call(e -> repository.release(orgId, key))
                .call(res -> res.getStatus() / 100 == 2 ? repository.complete(orgId, key, res.getStatus(), (byte[]) res.getEntity())
                        : repository.release(orgId, key));
    }

    private Uni<Response> existing(UUID orgId, String key, String method, String path, String fingerprint) {
        return repository.find(orgId, key)
                .map(stored -> {
                    if (stored == null) {   // released meanwhile: the caller may retry
                        throw new ApiException(409, "idempotency_key_in_use", "A request with this Idempotency-Key is still in progress");
                    }
                    if (!stored.method().equals(method) || !stored.path().equals(path) || !stored.bodySha256().equals(fingerprint)) {
                        throw new ApiException(409, "idempotency_key_reused", "Idempotency-Key was already used for a different request");
                    }
                    if (stored.status() == null) {
                        throw new ApiException(409, "idempotency_key_in_use", "A request with this Idempotency-Key is still in progress");
                    }
                    return Response.status(stored.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(stored.body())
                            .header("Idempotent-Replayed", "true").build();
                });
    }

    /** The answer as exact bytes, so that a replay is byte-identical. */
    private Response toResponse(RestResponse<? extends Envelope<?>> res) {
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
