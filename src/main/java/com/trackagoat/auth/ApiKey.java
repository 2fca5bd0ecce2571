package com.trackagoat.auth;

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
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "org_id")
    public UUID orgId;
    public String name;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 8)
    public String prefix;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "key_hash", length = 64)
    public String keyHash;
    /** Comma-separated, in the order read, write, admin. */
    public String scopes;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
