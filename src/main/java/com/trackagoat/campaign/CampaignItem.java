package com.trackagoat.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "campaign_item")
@IdClass(CampaignItem.Key.class)
public class CampaignItem extends PanacheEntityBase {
    @Id
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Id
    @Column(name = "item_type")
    public String itemType;
    @Id
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "org_id")
    public UUID orgId;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Composite primary key (campaign_id, item_type, item_id). */
    public static class Key implements Serializable {
        public UUID campaignId;
        public String itemType;
        public UUID itemId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(campaignId, k.campaignId)
                    && Objects.equals(itemType, k.itemType) && Objects.equals(itemId, k.itemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(campaignId, itemType, itemId);
        }
    }
}
