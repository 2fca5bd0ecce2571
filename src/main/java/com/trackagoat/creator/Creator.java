package com.trackagoat.creator;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "creator")
public class Creator extends PanacheEntityBase {
    public static final String ACTIVE = "active";
    public static final String REMOVED = "removed";
    public static final String DISABLED = "disabled";

    @Id
    public UUID id;
    @Column(name = "org_id")
    public UUID orgId;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "tiktok_handle")
    public String tiktokHandle;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "avatar_url")
    public String avatarUrl;
    public String readme;
    /** JSON object text (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String metadata;
    @Column(name = "tracking_mode")
    public String trackingMode;
    @Column(name = "tracking_start_date")
    public LocalDate trackingStartDate;
    public String status;
    @Column(name = "follower_count")
    public Long followerCount;
    @Column(name = "following_count")
    public Long followingCount;
    @Column(name = "likes_count")
    public Long likesCount;
    @Column(name = "video_count")
    public Long videoCount;
    @Column(name = "last_scraped_at")
    public Instant lastScrapedAt;
    @Column(name = "last_discovery_at")
    public Instant lastDiscoveryAt;
    /** Set by the resume-baseline reset and cleared by the snapshot writers (ScrapeRepository), never written from the entity. */
    @Column(name = "resume_baseline", insertable = false, updatable = false)
    public boolean resumeBaseline;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
