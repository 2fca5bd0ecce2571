package com.trackagoat.payout;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A way to pay creators (docs/reference/data-model.md, payout entities); every organization starts with three defaults. */
@Entity
@Table(name = "payout_method")
public class PayoutMethod extends PanacheEntityBase {

    public static final List<String> DEFAULTS = List.of("Venmo", "Cash App", "PayPal");

    @Id
    public UUID id;
    @Column(name = "org_id")
    public UUID orgId;
    public String name;
    @Column(name = "icon_url")
    public String iconUrl;
    @Column(name = "is_default")
    public boolean isDefault;
    @Column(name = "is_active")
    public boolean active;
    @JdbcTypeCode(SqlTypes.JSON)
    public String metadata;
    public String readme;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<PayoutMethod> defaultsFor(UUID orgId, Instant now) {
        return DEFAULTS.stream().map(name -> {
            PayoutMethod m = new PayoutMethod();
            m.id = UUID.randomUUID();
            m.orgId = orgId;
            m.name = name;
            m.isDefault = true;
            m.active = true;
            m.metadata = "{}";
            m.createdAt = now;
            return m;
        }).toList();
    }
}
