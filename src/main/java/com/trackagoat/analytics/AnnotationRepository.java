package com.trackagoat.analytics;

import com.trackagoat.api.Keyset;
import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AnnotationRepository implements PanacheRepositoryBase<Annotation, UUID> {

    /** One keyset page of the organization's annotations, newest first, narrowed by the filters that are set. */
    public Uni<List<Annotation>> page(UUID orgId, AnnotationFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("orgId = :org");
        Parameters params = Parameters.with("org", orgId);
        if (filter.entityType() != null) {
            where.append(" and entityType = :type");
            params = params.and("type", filter.entityType());
        }
        if (filter.entityId() != null) {
            where.append(" and entityId = :entity");
            params = params.and("entity", filter.entityId());
        }
        if (filter.from() != null) {
            where.append(" and date >= :from");
            params = params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and date <= :to");
            params = params.and("to", filter.to());
        }
        return find(Keyset.where(where.toString(), page), Keyset.NEWEST_FIRST, Keyset.params(params, page))
                .range(0, page.fetchSize() - 1).list();
    }

    public Uni<Annotation> findInOrg(UUID orgId, UUID id) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }

    /**
     * The annotations dated in {@code [from, to]} that target the whole organization or one of
     * {@code entityIds} of type {@code entityType}, by date, then id. PostgreSQL orders uuids by
     * their bytes, which is the order of their canonical lowercase text.
     */
    public Uni<List<Annotation>> inRange(UUID orgId, LocalDate from, LocalDate to, String entityType, Collection<UUID> entityIds) {
        Sort order = Sort.ascending("date", "id");
        Parameters params = Parameters.with("org", orgId).and("from", from).and("to", to);
        String where = "orgId = :org and date >= :from and date <= :to and ";
        if (entityType == null || entityIds == null || entityIds.isEmpty()) {
            return find(where + "entityType is null", order, params).list();
        }
        return find(where + "(entityType is null or (entityType = :type and entityId in :ids))", order,
                params.and("type", entityType).and("ids", List.copyOf(entityIds))).list();
    }
}
