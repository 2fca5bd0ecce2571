package com.trackagoat.project;

import com.trackagoat.api.Keyset;
import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    public Uni<List<Project>> page(UUID orgId, PageRequest page) {
        return find(Keyset.where("orgId = :org", page), Keyset.NEWEST_FIRST,
                Keyset.params(Parameters.with("org", orgId), page))
                .range(0, page.fetchSize() - 1).list();
    }

    /** The project of the organization, locked for the transaction (serializes counts and inserts in it), else null. */
    public Uni<Project> lockInOrg(UUID orgId, UUID id) {
        return find("id = ?1 and orgId = ?2", id, orgId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The project when it belongs to the organization, else null. */
    public Uni<Project> findInOrg(UUID orgId, UUID id) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }
}
