package com.trackagoat.org;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Tx;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The plan-limit rule for every counted limit (decisions.md "Writes"): in the transaction of the
 * insert, lock the owner's row, count, compare with the tier's limit, 402 {@code limit_reached}.
 */
@ApplicationScoped
public class PlanLimits {

    @Inject
    PlanLimitRepository repository;
    @Inject
    TierLimits tiers;

    /**
     * Fails with 402 when the owner's set has reached the limit of the organization's tier (read
     * from the locked rows); 404 when the owner does not exist. Works on a pool connection or on the
     * Panache session ({@link Tx}). A write that runs other checks under the same lock before the
     * count (handle taken, duplicate, cycle) locks the row first itself; the lock taken here is then
     * already held, so the lock order stays the caller's.
     */
    public Uni<Void> requireRoom(Tx tx, CountedLimit limit, UUID ownerId) {
        return repository.lockOwner(tx, limit, ownerId)
                .flatMap(tier -> compare(tx, limit, ownerId, ApiException.requireFound(tier)));
    }

    private Uni<Void> compare(Tx tx, CountedLimit limit, UUID ownerId, String tier) {
        Long max = tiers.of(tier).get(limit.key());
        return repository.count(tx, limit, ownerId).map(current -> {
            Limits.requireRoom(limit.key(), current, max);
            return null;
        });
    }
}
