package com.trackagoat.campaign;

import com.trackagoat.api.Keyset;
import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    public Uni<List<Campaign>> page(UUID orgId, UUID projectId, PageRequest page) {
        String where = "orgId = :org";
        Parameters params = Parameters.with("org", orgId);
        if (projectId != null) {
            where += " and projectId = :project";
            params = params.and("project", projectId);
        }
        return find(Keyset.where(where, page), Keyset.NEWEST_FIRST, Keyset.params(params, page))
                .range(0, page.fetchSize() - 1).list();
    }

    public Uni<Campaign> findInOrg(UUID orgId, UUID id) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }
}
