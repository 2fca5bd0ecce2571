package com.trackagoat.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "org_id")
    public UUID orgId;
    @Column(name = "project_id")
    public UUID projectId;
    public String name;
    public String readme;
    /** JSON object text (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String metadata;
    @Column(name = "target_views")
    public Long targetViews;
    @Column(name = "target_at")
    public Instant targetAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
