package com.trackagoat.creator;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.Deleted;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Page;
import com.trackagoat.api.Json;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Tx;
import com.trackagoat.org.OrganizationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import com.trackagoat.stats.RollupService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CreatorService {

    @Inject
    CreatorRepository creators;
    @Inject
    Handles handles;
    @Inject
    OrganizationRepository organizations;
    @Inject
    Clock clock;
    @Inject
    RollupService rollups;


    @WithSession
    public Uni<Page<CreatorDto>> list(UUID orgId, UUID projectId, String search, PageRequest page) {
        return creators.page(orgId, projectId, search, page)
                .map(rows -> page.page(rows, c -> c.createdAt, c -> c.id, CreatorDto::of));
    }

    @WithSession
    public Uni<CreatorDto> get(UUID orgId, UUID id) {
        return creators.findVisible(orgId, id).map(c -> CreatorDto.of(ApiException.requireFound(c)));
    }

    /**
     * PATCH: {@code readme}, {@code tiktok_handle} (rename with the 409 checks of
     * docs/reference/endpoints-core.md in their order), {@code metadata}, {@code tracking_mode}.
     */
    @WithTransaction
    public Uni<CreatorDto> patch(UUID orgId, UUID id, CreatorPatch body) {
        return creators.findVisible(orgId, id).flatMap(found -> {
            Creator c = ApiException.requireFound(found);
            Uni<Void> renamed = body.tiktokHandle().present() ? rename(c, Handles.normalize(body.tiktokHandle().value()))
                    : Uni.createFrom().voidItem();
            return renamed.map(v -> {
                c.readme = body.readme().orElse(c.readme);
                c.metadata = body.metadata().map(JsonNode::toString).orElse(c.metadata);
                c.trackingMode = body.trackingMode().orElse(c.trackingMode);
                c.updatedAt = Json.now(clock);
                return CreatorDto.of(c);
            });
        });
    }

    private Uni<Void> rename(Creator c, String handle) {
        if (!Handles.isValid(handle)) {
            throw ApiException.conflict("invalid_handle");
        }
        if (handle.equals(c.tiktokHandle)) {
            throw ApiException.conflict("no_change");
        }
        if (handles.isBanned(handle)) {
            throw ApiException.conflict("creator_banned");
        }
        return handles.requireAvailable(Tx.session(), c.projectId, handle, c.id).invoke(() -> c.tiktokHandle = handle);
    }

    /**
     * DELETE: soft removal (status {@code removed}); the creator and its videos disappear and stop
     * counting; snapshots, goals and campaign memberships stay for a later reactivation.
     */
    @WithTransaction
    public Uni<Deleted> remove(UUID orgId, UUID id) {
        return creators.findVisible(orgId, id).flatMap(found -> {
            Creator c = ApiException.requireFound(found);
            c.status = Creator.REMOVED;
            c.updatedAt = Json.now(clock);
            return rollups.creatorChanged(Tx.session(), c.id)
                    .flatMap(v -> organizations.bumpStatsVersions(Tx.session(), List.of(orgId))).replaceWith(Deleted.of(c.id));
        });
    }
}
