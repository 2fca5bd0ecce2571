package com.trackagoat.auth;

import com.trackagoat.api.Keyset;
import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Uni<List<ApiKey>> page(UUID orgId, PageRequest page) {
        return find(Keyset.where("orgId = :org", page), Keyset.NEWEST_FIRST, Keyset.params(Parameters.with("org", orgId), page))
                .range(0, page.fetchSize() - 1).list();
    }

    public Uni<ApiKey> findInOrg(UUID orgId, UUID id) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }

    public Uni<Boolean> existsWithHash(String hash) {
        return count("keyHash", hash).map(n -> n > 0);
    }
}
