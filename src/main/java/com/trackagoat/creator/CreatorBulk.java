package com.trackagoat.creator;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Tx;
import com.trackagoat.auth.Caller;
import com.trackagoat.org.CountedLimit;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.org.PlanLimits;
import com.trackagoat.scrape.ScrapeRepository;
import io.smallrye.mutiny.Multi;
import com.trackagoat.stats.RollupService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bulk re-enable and bulk remove of a project's creators (docs/reference/endpoints-write.md): 1–100 ids, each
 * handled independently and in order, in one transaction under a lock on the organization row
 * (re-enabling counts against {@code max_creators_per_org}); always 200 with per-id results.
 */
@ApplicationScoped
public class CreatorBulk {

    @Inject
    Pool pool;
    @Inject
    Handles handles;
    @Inject
    PlanLimits limits;
    @Inject
    OrganizationRepository organizations;
    @Inject
    CreatorRepository creators;
    @Inject
    RollupService rollups;
    @Inject
    ScrapeRepository scrapes;

    public Uni<CreatorIdResult.Reenabled> reenable(Caller caller, UUID projectId, CreatorIds body) {
        return run(caller, projectId, body.creatorIds(), true).map(r -> new CreatorIdResult.Reenabled(r.done(), r.errors()));
    }

    public Uni<CreatorIdResult.Removed> remove(Caller caller, UUID projectId, CreatorIds body) {
        return run(caller, projectId, body.creatorIds(), false).map(r -> new CreatorIdResult.Removed(r.done(), r.errors()));
    }

    /** The ids changed and the errors of the others, in the order of the request. */
    private record Outcome(List<UUID> done, List<CreatorIdResult.IdError> errors) {
        void add(UUID id, ApiException error) {
            if (error == null) {
                done.add(id);
            } else {
                errors.add(new CreatorIdResult.IdError(id, error.code(), error.getMessage()));
            }
        }
    }

    /** Under the organization's lock: the project (404), then each id in order, then one stats-version bump when any changed. */
    private Uni<Outcome> run(Caller caller, UUID projectId, List<UUID> ids, boolean reenable) {
        UUID orgId = caller.orgId();
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>());
        return pool.withTransaction(c -> organizations.lockWithProject(c, orgId, projectId)
                        .invoke(CreatorBulk::requireProject)
                        .chain(() -> Multi.createFrom().iterable(ids)
                                .onItem().transformToUniAndConcatenate(id -> change(c, orgId, projectId, id, reenable)
                                        .invoke(error -> outcome.add(id, error)))
                                .collect().last())
                        .call(() -> outcome.done().isEmpty() ? Uni.createFrom().voidItem()
                                : organizations.bumpStatsVersions(Tx.of(c), List.of(orgId))))
                .replaceWith(outcome);
    }

    private static void requireProject(boolean found) {
        if (!found) {
            throw ApiException.notFound();
        }
    }

    /** Null when the change of one id succeeded, else its error. */
    private Uni<ApiException> change(SqlConnection c, UUID orgId, UUID projectId, UUID id, boolean reenable) {
        return outcome(reenable ? reenableOne(c, orgId, projectId, id) : removeOne(c, projectId, id));
    }

    /** Null when the change of one id succeeded, else its error; other failures fail the whole transaction. */
    private static Uni<ApiException> outcome(Uni<Void> change) {
        return change.replaceWith((ApiException) null).onFailure(ApiException.class).recoverWithItem(e -> (ApiException) e);
    }

    /** Fails with the error of this id: not found, no change, banned handle, handle taken, creator cap. */
    private Uni<Void> reenableOne(SqlConnection c, UUID orgId, UUID projectId, UUID id) {
        return creators.lockInProject(c, projectId, id).flatMap(found -> {
            CreatorRepository.State creator = ApiException.requireFound(found);
            if (creator.status().equals(Creator.ACTIVE)) {
                throw ApiException.conflict("no_change");
            }
            if (handles.isBanned(creator.handle())) {
                throw ApiException.conflict("creator_banned");
            }
            Uni<Void> handleFree = creator.status().equals(Creator.REMOVED) ? handles.requireAvailable(Tx.of(c), projectId, creator.handle(), id)
                    : Uni.createFrom().voidItem();
            return handleFree
                    .call(v -> limits.requireRoom(Tx.of(c), CountedLimit.CREATORS, orgId))
                    .call(v -> creators.setStatus(c, id, Creator.ACTIVE))
                    .call(v -> rollups.creatorChanged(Tx.of(c), id))
                    .call(v -> scrapes.resumeCreator(Tx.of(c), id));
        });
    }

    /** Fails with the error of this id: not found, no change. */
    private Uni<Void> removeOne(SqlConnection c, UUID projectId, UUID id) {
        return creators.lockInProject(c, projectId, id).flatMap(found -> {
            if (ApiException.requireFound(found).status().equals(Creator.REMOVED)) {
                throw ApiException.conflict("no_change");
            }
            return creators.setStatus(c, id, Creator.REMOVED).call(v -> rollups.creatorChanged(Tx.of(c), id));
        });
    }
}
