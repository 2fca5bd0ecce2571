package com.trackagoat.video;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "video")
public class Video extends PanacheEntityBase {
    public static final String AUTO_TRACKED = "auto_tracked";
    public static final String PENDING_REVIEW = "pending_review";
    public static final String INCLUDED = "included";
    public static final String EXCLUDED = "excluded";
    public static final String DIRECT_ADD = "direct_add";
    /** Statuses whose videos count in stats (docs/reference/data-model.md "Counted videos"). */
    public static final Set<String> COUNTED = Set.of(AUTO_TRACKED, INCLUDED, DIRECT_ADD);

    @Id
    public UUID id;
    @Column(name = "org_id")
    public UUID orgId;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "creator_id")
    public UUID creatorId;
    @Column(name = "tiktok_video_id")
    public String tiktokVideoId;
    public String url;
    public String title;
    public String readme;
    /** JSON object text (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String metadata;
    @Column(name = "thumbnail_url")
    public String thumbnailUrl;
    @Column(name = "view_count")
    public long viewCount;
    @Column(name = "like_count")
    public long likeCount;
    @Column(name = "comment_count")
    public long commentCount;
    @Column(name = "share_count")
    public long shareCount;
    @Column(name = "save_count")
    public long saveCount;
    @Column(name = "tracking_status")
    public String trackingStatus;
    @Column(name = "tracking_disabled")
    public boolean trackingDisabled;
    @Column(name = "posted_at")
    public Instant postedAt;
    @Column(name = "last_scraped_at")
    public Instant lastScrapedAt;
    /** Set by the resume-baseline reset and cleared by the snapshot writers (ScrapeRepository), never written from the entity. */
    @Column(name = "resume_baseline", insertable = false, updatable = false)
    public boolean resumeBaseline;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
