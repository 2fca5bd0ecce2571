package com.trackagoat.auth;

import com.trackagoat.api.Deleted;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Page;
import com.trackagoat.api.Json;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Tx;
import com.trackagoat.org.CountedLimit;
import com.trackagoat.org.PlanLimits;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyService {

    @Inject
    ApiKeyRepository keys;
    @Inject
    PlanLimits limits;
    @Inject
    Clock clock;

    @WithSession
    public Uni<Page<ApiKeyDto>> list(UUID orgId, PageRequest page) {
        return keys.page(orgId, page).map(rows -> page.page(rows, k -> k.createdAt, k -> k.id, ApiKeyDto::of));
    }

    /**
     * POST: {@code name}, {@code scopes} (default read, write). A key grants only scopes it holds
     * (403), and the organization's active keys are capped (402) under a lock on its row.
     */
    @WithTransaction
    public Uni<ApiKeyDto> create(Caller caller, ApiKeyCreate body) {
        String name = body.name();
        List<String> scopes = scopes(body);
        for (String scope : scopes) {
            if (!caller.has(scope)) {
                throw ApiException.insufficientScope(scope, caller.scopes());
            }
        }
        return limits.requireRoom(Tx.session(), CountedLimit.API_KEYS, caller.orgId()).flatMap(v -> issue(caller.orgId(), name, scopes));
    }

    /** Creates a key in the current transaction; the plaintext appears only in this answer. */
    public Uni<ApiKeyDto> issue(UUID orgId, String name, List<String> scopes) {
        String plaintext = ApiKeys.generate();
        return store(orgId, plaintext, name, scopes).map(saved -> ApiKeyDto.of(saved, plaintext));
    }

    private Uni<ApiKey> store(UUID orgId, String plaintext, String name, List<String> scopes) {
        ApiKey k = new ApiKey();
        k.id = UUID.randomUUID();
        k.orgId = orgId;
        k.name = name;
        k.prefix = ApiKeys.prefix(plaintext);
        k.keyHash = ApiKeys.hash(plaintext);
        k.scopes = Scopes.format(scopes);
        k.createdAt = Json.now(clock);
        return keys.persist(k);
    }

    public Uni<Boolean> exists(String plaintext) {
        return keys.existsWithHash(ApiKeys.hash(plaintext));
    }

    /** Stores a configured key (bootstrap) unless a key with its hash exists. */
    public Uni<Void> ensure(UUID orgId, String plaintext, String name, List<String> scopes) {
        return exists(plaintext).flatMap(exists -> exists ? Uni.createFrom().voidItem() : store(orgId, plaintext, name, scopes).replaceWithVoid());
    }

    /** DELETE: revokes at once; revoking a revoked key answers the same. */
    @WithTransaction
    public Uni<Deleted> revoke(UUID orgId, UUID id) {
        return keys.findInOrg(orgId, id).map(found -> {
            ApiKey k = ApiException.requireFound(found);
            if (k.revokedAt == null) {
                k.revokedAt = Json.now(clock);
            }
            return Deleted.of(k.id);
        });
    }

    /**
     * {@code scopes}: the default when absent, else the given ones ({@link ApiKeyCreate}: known, at
     * least one) without duplicates, in canonical order.
     */
    static List<String> scopes(ApiKeyCreate body) {
        if (!body.scopes().present()) {
            return Scopes.DEFAULT;
        }
        List<String> given = body.scopes().value();
        return Scopes.ORDER.stream().filter(given::contains).toList();
    }
}
