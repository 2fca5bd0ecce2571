package com.trackagoat.creator;

import com.trackagoat.api.Keyset;
import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CreatorRepository implements PanacheRepositoryBase<Creator, UUID> {

    /** Visible creators (not removed) of the organization, optionally of one project and matching a handle substring. */
    public Uni<List<Creator>> page(UUID orgId, UUID projectId, String search, PageRequest page) {
        StringBuilder where = new StringBuilder("orgId = :org and status <> 'removed'");
        Parameters params = Parameters.with("org", orgId);
        if (projectId != null) {
            where.append(" and projectId = :project");
            params = params.and("project", projectId);
        }
        if (search != null) {
            where.append(" and tiktokHandle like :search escape '\\'");
            params = params.and("search", "%" + escapeLike(search.toLowerCase()) + "%");
        }
        return find(Keyset.where(where.toString(), page), Keyset.NEWEST_FIRST, Keyset.params(params, page))
                .range(0, page.fetchSize() - 1).list();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A visible creator of the organization, else null. */
    public Uni<Creator> findVisible(UUID orgId, UUID id) {
        return find("id = ?1 and orgId = ?2 and status <> 'removed'", id, orgId).firstResult();
    }

    /** Whether another non-removed creator of the project holds the handle. */
    public Uni<Boolean> handleTaken(UUID projectId, String handle, UUID exceptId) {
        return count("projectId = ?1 and tiktokHandle = ?2 and status <> 'removed' and id <> ?3", projectId, handle, exceptId)
                .map(n -> n > 0);
    }
}
