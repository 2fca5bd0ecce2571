package com.trackagoat.video;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.Params;
import com.trackagoat.api.Tx;
import com.trackagoat.auth.Caller;
import com.trackagoat.org.CountedLimit;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.org.PlanLimits;
import com.trackagoat.scrape.ScrapeRepository;
import com.trackagoat.scrape.ScrapeRepository.DueVideo;
import com.trackagoat.scrape.ScrapeService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * POST /api/v1/projects/{projectId}/videos: a video added by URL (endpoints-write.md), in one
 * transaction under a lock on the organization row (the {@code max_tracked_videos_per_org} count and
 * the insert are atomic), with its baseline snapshot taken before the answer.
 */
@ApplicationScoped
public class VideoCreation {

    static final Pattern URL = Pattern.compile("^https?://(?:www\\.|m\\.)?tiktok\\.com/@([^/?#\\s]+)/(?:video|photo)/(\\d{1,25})(?:[/?#].*)?$");
    static final Instant EARLIEST_POST = Instant.parse("2016-09-01T00:00:00Z");

    /** Created (201) or a deleted tombstone restored (200). */
    public record Outcome(VideoDto video, boolean restored) {
    }

    private record Written(UUID id, boolean restored) {
    }

    private final Pool pool;
    private final PlanLimits limits;
    private final ScrapeRepository snapshots;
    private final VideoRepository videos;
    private final OrganizationRepository organizations;
    private final Clock clock;

    public VideoCreation(Pool pool, PlanLimits limits, ScrapeRepository snapshots, VideoRepository videos, OrganizationRepository organizations,
                         Clock clock) {
        this.pool = pool;
        this.limits = limits;
        this.snapshots = snapshots;
        this.videos = videos;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** {@code posted_at} from the id's upper 32 bits when plausible (2016-09-01 to now), else null. */
    static Instant postedAt(String tiktokVideoId, Instant now) {
        try {
            long id = Long.parseUnsignedLong(tiktokVideoId);
            Instant at = Instant.ofEpochSecond(id >>> 32);
            return at.isBefore(EARLIEST_POST) || at.isAfter(now) ? null : at;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Uni<Outcome> create(Caller caller, UUID projectId, JsonBody body) {
        String url = body.requiredString("url", 2048, false);
        var m = URL.matcher(url);
        if (!m.matches()) {
            throw ApiException.invalidField("url");
        }
        String handle = m.group(1).toLowerCase();
        String tiktokId = m.group(2);
        var creatorField = body.string("creator_id", false, 64, false);
        if (creatorField.present() && !Params.isUuid(creatorField.value())) {
            throw ApiException.invalidField("creator_id");
        }
        UUID creatorId = creatorField.present() ? UUID.fromString(creatorField.value()) : null;
        var readme = body.readme();
        var metadata = body.metadata();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String canonical = "https://www.tiktok.com/@" + handle + "/video/" + tiktokId;
        return pool.withTransaction(c -> c.preparedQuery("SELECT o.tier FROM organization o JOIN project p ON p.org_id = o.id "
                                + "WHERE o.id = $1 AND p.id = $2 FOR UPDATE OF o").execute(Tuple.of(caller.orgId(), projectId))
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                throw ApiException.notFound();
                            }
                            return linkedCreator(c, caller.orgId(), projectId, creatorId, handle);
                        })
                        .flatMap(creator -> c.preparedQuery("SELECT id, deleted_at IS NOT NULL AS deleted, view_count, like_count, comment_count, "
                                        + "share_count, save_count, last_scraped_at, posted_at FROM video WHERE project_id = $1 AND tiktok_video_id = $2")
                                .execute(Tuple.of(projectId, tiktokId))
                                .flatMap(existing -> {
                                    Row row = existing.size() == 0 ? null : existing.iterator().next();
                                    if (row != null && !row.getBoolean("deleted")) {
                                        throw new ApiException(409, "duplicate", "Video is already tracked in this project");
                                    }
                                    return limits.requireRoom(Tx.of(c), CountedLimit.TRACKED_VIDEOS, caller.orgId())
                                            .flatMap(v -> write(c, caller, projectId, creator, tiktokId, canonical, readme, metadata, row, now));
                                })))
                .flatMap(w -> Panache.withSession(() -> videos.find("id", w.id()).firstResult())
                        .map(v -> new Outcome(VideoDto.of(v), w.restored())));
    }

    /** The creator to link: the given one (visible, same project), else one of the project with the URL's handle, else none. */
    private Uni<UUID> linkedCreator(SqlConnection c, UUID orgId, UUID projectId, UUID creatorId, String handle) {
        if (creatorId != null) {
            return c.preparedQuery("SELECT project_id FROM creator WHERE id = $1 AND org_id = $2 AND status <> 'removed'")
                    .execute(Tuple.of(creatorId, orgId)).map(rows -> {
                        if (rows.size() == 0) {
                            throw ApiException.notFound();
                        }
                        if (!rows.iterator().next().getUUID(0).equals(projectId)) {
                            throw ApiException.invalidField("creator_id");
                        }
                        return creatorId;
                    });
        }
        return c.preparedQuery("SELECT id FROM creator WHERE project_id = $1 AND tiktok_handle = $2 AND status <> 'removed'")
                .execute(Tuple.of(projectId, handle)).map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
    }

    private Uni<Written> write(SqlConnection c, Caller caller, UUID projectId, UUID creatorId, String tiktokId, String url,
                               JsonBody.Field<String> readme, JsonBody.Field<String> metadata, Row tombstone, Instant now) {
        var nowUtc = now.atOffset(ZoneOffset.UTC);
        String meta = metadata.present() ? metadata.value() : "{}";
        if (tombstone == null) {
            UUID id = UUID.randomUUID();
            Instant posted = postedAt(tiktokId, now);
            DueVideo fresh = new DueVideo(id, caller.orgId(), posted, null, null, false);
            return c.preparedQuery("""
                            INSERT INTO video (id, org_id, project_id, creator_id, tiktok_video_id, url, readme, metadata, tracking_status,
                                               posted_at, created_at, updated_at)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, 'direct_add', $9, $10, $10)""")
                    .execute(Tuple.from(new Object[]{id, caller.orgId(), projectId, creatorId, tiktokId, url, readme.value(), meta,
                            posted == null ? null : posted.atOffset(ZoneOffset.UTC), nowUtc}))
                    .flatMap(r -> snapshots.writeVideoSnapshots(c, List.of(ScrapeService.nextSnapshot(fresh, now)), now, "initial"))
                    .flatMap(n -> organizations.bumpStatsVersions(Tx.of(c), List.of(caller.orgId())))
                    .map(v -> new Written(id, false));
        }
        UUID id = tombstone.getUUID("id");
        var lastScraped = tombstone.getOffsetDateTime("last_scraped_at");
        var posted = tombstone.getOffsetDateTime("posted_at");
        DueVideo restored = new DueVideo(id, caller.orgId(), posted == null ? null : posted.toInstant(),
                lastScraped == null ? null : lastScraped.toInstant(),
                new com.trackagoat.scrape.Simulation.VideoCounters(tombstone.getLong("view_count"), tombstone.getLong("like_count"),
                        tombstone.getLong("comment_count"), tombstone.getLong("share_count"), tombstone.getLong("save_count")), true);
        return c.preparedQuery("""
                        UPDATE video SET deleted_at = NULL, tracking_status = 'direct_add', creator_id = coalesce($2, creator_id),
                               readme = CASE WHEN $3 THEN $4 ELSE readme END, metadata = CASE WHEN $5 THEN $6::text::jsonb ELSE metadata END,
                               updated_at = $7
                        WHERE id = $1""")
                .execute(Tuple.from(new Object[]{id, creatorId, readme.present(), readme.value(), metadata.present(), meta, nowUtc}))
                .flatMap(r -> snapshots.writeVideoSnapshots(c, List.of(ScrapeService.nextSnapshot(restored, now)), now, "initial"))
                .flatMap(n -> organizations.bumpStatsVersions(Tx.of(c), List.of(caller.orgId())))
                .map(v -> new Written(id, true));
    }
}
