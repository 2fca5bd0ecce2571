package com.trackagoat.org;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public String tier;
    public String timezone;
    public boolean banned;
    @Column(name = "is_platform")
    public boolean platform;
    @Column(name = "is_demo")
    public boolean demo;
    /**
     * Bumped by every change to what the organization's stats compute from (cache and cohort
     * validity), only by {@link OrganizationRepository#bumpStatsVersions}: never written from the entity.
     */
    @Column(name = "stats_version", insertable = false, updatable = false)
    public long statsVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
