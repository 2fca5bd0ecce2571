package com.trackagoat.org;

import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    public Uni<List<Organization>> page(PageRequest page) {
        var query = page.after() == null
                ? find("1 = 1", NEWEST_FIRST)
                : find("createdAt < ?1 or (createdAt = ?1 and id < ?2)", NEWEST_FIRST, page.after().createdAt(), page.after().id());
        return query.range(0, page.fetchSize() - 1).list();
    }

    /**
     * Invalidates the organization's cached stats and cohort curves: call in the transaction of any
     * write that changes what its stats count.
     */
    public Uni<Void> bumpStatsVersion(UUID orgId) {
        return update("statsVersion = statsVersion + 1 where id = ?1", orgId).replaceWithVoid();
    }

    public Uni<Organization> findPlatform() {
        return find("platform", true).firstResult();
    }

    public Uni<Organization> findDemo() {
        return find("demo", true).firstResult();
    }
}
