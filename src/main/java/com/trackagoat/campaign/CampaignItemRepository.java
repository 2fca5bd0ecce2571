package com.trackagoat.campaign;

import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CampaignItemRepository implements PanacheRepositoryBase<CampaignItem, CampaignItem.Key> {

    /** Direct items, newest first, keyset on (createdAt, itemId). */
    public Uni<List<CampaignItem>> page(UUID campaignId, PageRequest page) {
        String where = "campaignId = :campaign";
        Parameters params = Parameters.with("campaign", campaignId);
        if (page.after() != null) {
            where += " and (createdAt < :cursorAt or (createdAt = :cursorAt and itemId < :cursorId))";
            params = params.and("cursorAt", page.after().createdAt()).and("cursorId", page.after().id());
        }
        return find(where, Sort.descending("createdAt", "itemId"), params).range(0, page.fetchSize() - 1).list();
    }

    public Uni<CampaignItem> findItem(UUID campaignId, String type, UUID itemId) {
        return find("campaignId = ?1 and itemType = ?2 and itemId = ?3", campaignId, type, itemId).firstResult();
    }

    /** Whether {@code target} is {@code from} or is contained in it, directly or transitively. */
    @SuppressWarnings("unchecked")
    public Uni<Boolean> reaches(UUID from, UUID target) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        WITH RECURSIVE tree(id) AS (
                            SELECT CAST(?1 AS uuid)
                            UNION
                            SELECT ci.item_id FROM campaign_item ci JOIN tree t ON ci.campaign_id = t.id WHERE ci.item_type = 'campaign'
                        )
                        SELECT count(*) FROM tree WHERE id = CAST(?2 AS uuid)""", Long.class)
                .setParameter(1, from.toString()).setParameter(2, target.toString())
                .getSingleResult().map(n -> n > 0));
    }

    /** Removes every membership of the item in any campaign. */
    public Uni<Long> deleteMemberships(String itemType, UUID itemId) {
        return delete("itemType = ?1 and itemId = ?2", itemType, itemId);
    }

    /** Removes the campaign's own items and every membership listing it as an item of another campaign. */
    public Uni<Long> deleteAllOf(UUID campaignId) {
        return delete("campaignId = ?1 or (itemType = 'campaign' and itemId = ?1)", campaignId);
    }
}
