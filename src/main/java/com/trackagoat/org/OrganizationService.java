package com.trackagoat.org;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Field;
import com.trackagoat.api.Page;
import com.trackagoat.api.Json;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Tx;
import com.trackagoat.auth.ApiKeyDto;
import com.trackagoat.auth.ApiKeyService;
import com.trackagoat.auth.RequestCounter;
import com.trackagoat.auth.Scopes;
import com.trackagoat.payout.PayoutMethod;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import com.trackagoat.stats.RollupService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Organizations: the caller's own (docs/reference/auth.md §5) and platform administration (§6). */
@ApplicationScoped
public class OrganizationService {

    /** Answer of the admin create: the organization and its initial key. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "OrganizationCreated")
    public record Created(OrganizationDto organization, ApiKeyDto apiKey) {
    }

    @Inject
    OrganizationRepository organizations;
    @Inject
    ApiKeyService keys;
    @Inject
    TierLimits tiers;
    @Inject
    PlanLimitRepository limits;
    @Inject
    RequestCounter requests;
    @Inject
    Clock clock;
    @Inject
    RollupService rollups;

    /** Creates an organization with its default payout methods, in the current transaction. */
    public Uni<Organization> create(String name, String tier, String timezone) {
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.name = name;
        org.tier = tier;
        org.timezone = timezone;
        org.createdAt = Json.now(clock);
        org.updatedAt = org.createdAt;
        return organizations.persist(org)
                .call(o -> Panache.getSession().flatMap(s -> s.persistAll(PayoutMethod.defaultsFor(o.id, o.createdAt).toArray())))
                .call(o -> organizations.flush().flatMap(v -> rollups.organizationCreated(Tx.session(), o.id, o.timezone)));
    }

    @WithSession
    public Uni<OwnOrganizationDto> own(UUID orgId) {
        return organizations.findById(orgId).flatMap(org -> usage(org.id).map(u -> OwnOrganizationDto.of(org, tiers.of(org.tier), u)));
    }

    /** PATCH own: {@code name}, {@code timezone}. */
    @WithTransaction
    public Uni<OwnOrganizationDto> patchOwn(UUID orgId, OrganizationPatch body) {
        return lockedForUpdate(orgId).flatMap(org -> apply(org, body.name(), body.timezone())
                .flatMap(v -> organizations.flush())
                .flatMap(v -> usage(org.id))
                .map(u -> OwnOrganizationDto.of(org, tiers.of(org.tier), u)));
    }

    @WithSession
    public Uni<Page<OrganizationDto>> list(PageRequest page) {
        return organizations.page(page).map(rows -> page.page(rows, o -> o.createdAt, o -> o.id, OrganizationDto::of));
    }

    /** Admin create: {@code name} (required), {@code tier} (free), {@code timezone} (UTC); plus an "Initial key". */
    @WithTransaction
    public Uni<Created> adminCreate(AdminOrganizationCreate body) {
        return create(body.name(), body.tier().orElse("free"), body.timezone().orElse("UTC"))
                .flatMap(org -> keys.issue(org.id, "Initial key", Scopes.DEFAULT).map(k -> new Created(OrganizationDto.of(org), k)));
    }

    /** Admin PATCH: {@code name}, {@code tier}, {@code timezone}, {@code banned}; the platform cannot be banned. */
    @WithTransaction
    public Uni<OrganizationDto> adminPatch(UUID id, AdminOrganizationPatch body) {
        return lockedForUpdate(id).flatMap(found -> {
            Organization org = ApiException.requireFound(found);
            if (body.banned().orElse(false) && org.platform) {
                throw ApiException.invalidField("banned");
            }
            Uni<Void> applied = apply(org, body.name(), body.timezone());
            org.tier = body.tier().orElse(org.tier);
            org.banned = body.banned().orElse(org.banned);
            return applied.map(v -> OrganizationDto.of(org));
        });
    }

    /** A rebuild of an organization's rollups, as the admin endpoint answers it. */
    public record RollupRebuild(UUID organizationId, String timezone, String status) {
    }

    /** Admin: rebuilds the organization's stats rollups in its time zone from its snapshots (RollupService.rebuild). */
    @WithTransaction
    public Uni<RollupRebuild> adminRebuildRollups(UUID id) {
        return organizations.findById(id).flatMap(found -> {
            Organization org = ApiException.requireFound(found);
            return rollups.rebuild(Tx.session(), org.id, org.timezone).map(zone -> new RollupRebuild(org.id, org.timezone, "building"));
        });
    }

    /**
     * The row, locked until the transaction ends. Hibernate writes every column back, so without
     * the lock a concurrent change (a ban, another PATCH, the scraper's {@code stats_version} bump)
     * committed between our read and our write would be silently undone.
     */
    private Uni<Organization> lockedForUpdate(UUID id) {
        return organizations.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Name and time zone; a new time zone bumps the stats version (the default zone of every stats request changed). */
    private Uni<Void> apply(Organization org, Field<String> name, Field<String> timezone) {
        org.name = name.orElse(org.name);
        boolean zoneChanged = timezone.present() && !timezone.value().equals(org.timezone);
        if (zoneChanged) {
            org.timezone = timezone.value();
        }
        org.updatedAt = Json.now(clock);
        return zoneChanged ? organizations.bumpStatsVersions(Tx.session(), List.of(org.id))
                .flatMap(v -> rollups.rebuild(Tx.session(), org.id, org.timezone).replaceWithVoid()) : Uni.createFrom().voidItem();
    }

    /**
     * The organization's usage today (UTC), counted as its plan limits count; the requests today are
     * the database's plus those this instance counted and has not written yet.
     */
    private Uni<OwnOrganizationDto.Usage> usage(UUID orgId) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return requests.withUnflushed(orgId, day, () -> limits.usage(orgId, day), (u, unflushed) -> new OwnOrganizationDto.Usage(
                u.creators(), u.projects(), u.trackedVideos(), u.apiKeys(), u.apiRequestsToday() + unflushed, u.manualScrapesToday()));
    }
}
