package com.trackagoat.video;

import com.trackagoat.api.Keyset;
import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VideoRepository implements PanacheRepositoryBase<Video, UUID> {

    /**
     * Visibility of data-model.md as an HQL condition on {@code Video}: not deleted, not excluded,
     * no creator or a creator that is not removed.
     */
    static final String VISIBLE = "deletedAt is null and trackingStatus <> 'excluded' and (creatorId is null or not exists "
            + "(select 1 from Creator c where c.id = creatorId and c.status = 'removed'))";

    public Uni<List<Video>> page(UUID orgId, UUID projectId, UUID creatorId, String trackingStatus, PageRequest page) {
        StringBuilder where = new StringBuilder("orgId = :org and " + VISIBLE);
        Parameters params = Parameters.with("org", orgId);
        if (projectId != null) {
            where.append(" and projectId = :project");
            params = params.and("project", projectId);
        }
        if (creatorId != null) {
            where.append(" and creatorId = :creator");
            params = params.and("creator", creatorId);
        }
        if (trackingStatus != null) {
            where.append(" and trackingStatus = :status");
            params = params.and("status", trackingStatus);
        }
        return find(Keyset.where(where.toString(), page), Keyset.NEWEST_FIRST, Keyset.params(params, page))
                .range(0, page.fetchSize() - 1).list();
    }

    /** A visible video of the organization, else null. */
    public Uni<Video> findVisible(UUID orgId, UUID id) {
        return find("id = :id and orgId = :org and " + VISIBLE, Parameters.with("id", id).and("org", orgId)).firstResult();
    }
}
