package com.trackagoat.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A dated note on the organization ({@code entityType} null) or on one of its entities (docs/reference/data-model.md "Annotation"). */
@Entity
@Table(name = "annotation")
public class Annotation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "org_id")
    public UUID orgId;
    @Column(name = "entity_type")
    public String entityType;
    @Column(name = "entity_id")
    public UUID entityId;
    public LocalDate date;
    public String kind;
    public String title;
    public String body;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
