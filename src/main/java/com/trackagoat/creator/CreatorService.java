package com.trackagoat.creator;

import com.trackagoat.api.Deleted;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Page;
import com.trackagoat.api.Json;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Tx;
import com.trackagoat.org.OrganizationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class CreatorService {

    static final Set<String> TRACKING_MODES = Set.of("auto", "selective");

    private final CreatorRepository creators;
    private final Handles handles;
    private final OrganizationRepository organizations;
    private final Clock clock;

    public CreatorService(CreatorRepository creators, Handles handles, OrganizationRepository organizations, Clock clock) {
        this.creators = creators;
        this.handles = handles;
        this.organizations = organizations;
        this.clock = clock;
    }

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
    public Uni<CreatorDto> patch(UUID orgId, UUID id, JsonBody body) {
        var readme = body.readme();
        var handle = body.string("tiktok_handle", false, Integer.MAX_VALUE, false);
        var metadata = body.metadata();
        var mode = body.oneOf("tracking_mode", TRACKING_MODES, false);
        if (!readme.present() && !handle.present() && !metadata.present() && !mode.present()) {
            throw ApiException.noUpdatableField();
        }
        return creators.findVisible(orgId, id).flatMap(found -> {
            Creator c = ApiException.requireFound(found);
            Uni<Void> renamed = handle.present() ? rename(c, Handles.normalize(handle.value())) : Uni.createFrom().voidItem();
            return renamed.map(v -> {
                if (readme.present()) {
                    c.readme = readme.value();
                }
                if (metadata.present()) {
                    c.metadata = metadata.value();
                }
                if (mode.present()) {
                    c.trackingMode = mode.value();
                }
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
            return organizations.bumpStatsVersions(Tx.session(), List.of(orgId)).replaceWith(Deleted.of(c.id));
        });
    }
}
