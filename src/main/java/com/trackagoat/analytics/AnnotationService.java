package com.trackagoat.analytics;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Deleted;
import com.trackagoat.api.Json;
import com.trackagoat.api.Page;
import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Annotations (docs/reference/analytics.md §2): the CRUD of the routes, and {@link #inRange} for the analytics answer. */
@ApplicationScoped
public class AnnotationService {

    @Inject
    AnnotationRepository annotations;
    @Inject
    VisibleEntities entities;
    @Inject
    Clock clock;

    @WithSession
    public Uni<Page<AnnotationDto>> list(UUID orgId, AnnotationFilter filter, PageRequest page) {
        return annotations.page(orgId, filter, page).map(rows -> page.page(rows, a -> a.createdAt, a -> a.id, AnnotationDto::of));
    }

    /**
     * The annotations dated in {@code [from, to]} that target one of {@code entityIds} (all of type
     * {@code entityType}) or the whole organization, ordered by date, then id as text
     * (docs/reference/analytics.md §1 "Response"). The caller has checked that the entities are visible.
     */
    @WithSession
    public Uni<List<AnnotationDto>> inRange(UUID orgId, LocalDate from, LocalDate to, String entityType, Collection<UUID> entityIds) {
        return annotations.inRange(orgId, from, to, entityType, entityIds).map(rows -> rows.stream().map(AnnotationDto::of).toList());
    }

    /** POST: the targeted entity must be visible in the organization (404 otherwise); {@code kind} defaults to {@code note}. */
    @WithTransaction
    public Uni<AnnotationDto> create(UUID orgId, AnnotationCreate body) {
        Uni<Void> target = body.entityType() == null ? Uni.createFrom().voidItem() : requireVisible(orgId, body.entityType(), body.entityId());
        return target.flatMap(v -> {
            Annotation a = new Annotation();
            a.id = UUID.randomUUID();
            a.orgId = orgId;
            a.entityType = body.entityType();
            a.entityId = body.entityId();
            a.date = body.date();
            a.kind = body.kind().orElse(Annotations.KINDS.get(0));
            a.title = body.title();
            a.body = body.body();
            a.createdAt = Json.now(clock);
            a.updatedAt = a.createdAt;
            return annotations.persist(a).map(AnnotationDto::of);
        });
    }

    /** PATCH: the given fields of {@code date}, {@code title}, {@code body}, {@code kind} (at least one, {@link AnnotationPatch}). */
    @WithTransaction
    public Uni<AnnotationDto> patch(UUID orgId, UUID id, AnnotationPatch body) {
        return annotations.findInOrg(orgId, id).map(found -> {
            Annotation a = ApiException.requireFound(found);
            a.date = body.date().orElse(a.date);
            a.title = body.title().orElse(a.title);
            a.body = body.body().orElse(a.body);
            a.kind = body.kind().orElse(a.kind);
            a.updatedAt = Json.now(clock);
            return AnnotationDto.of(a);
        });
    }

    @WithTransaction
    public Uni<Deleted> delete(UUID orgId, UUID id) {
        return annotations.findInOrg(orgId, id).flatMap(found -> {
            Annotation a = ApiException.requireFound(found);
            return annotations.delete(a).replaceWith(Deleted.of(a.id));
        });
    }

    /** 404 unless the entity is one the organization can read (the visibility of its GET, docs/reference/data-model.md "Visibility"). */
    private Uni<Void> requireVisible(UUID orgId, String type, UUID id) {
        return entities.label(orgId, type, id).map(ApiException::requireFound).replaceWithVoid();
    }
}
