package com.trackagoat.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Field;
import com.trackagoat.api.Tx;
import com.trackagoat.auth.Caller;
import com.trackagoat.creator.CreatorRepository;
import com.trackagoat.org.CountedLimit;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.org.PlanLimits;
import com.trackagoat.scrape.ScrapeRepository;
import com.trackagoat.scrape.ScrapeService;
import io.quarkus.hibernate.reactive.panache.Panache;
import com.trackagoat.stats.RollupService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST /api/v1/projects/{projectId}/videos: a video added by URL (docs/reference/endpoints-write.md), in one
 * transaction under a lock on the organization row (the {@code max_tracked_videos_per_org} count and
 * the insert are atomic), with its baseline snapshot taken before the answer.
 */
@ApplicationScoped
public class VideoCreation {

    /** {@link VideoCreate#URL}: group 1 the handle, group 2 the video id. */
    private static final Pattern URL = Pattern.compile(VideoCreate.URL);
    static final Instant EARLIEST_POST = Instant.parse("2016-09-01T00:00:00Z");

    /** Created (201) or a deleted tombstone restored (200). */
    public record Outcome(VideoDto video, boolean restored) {
    }

    private record Written(UUID id, boolean restored) {
    }

    /** One request: the URL's parts and the fields given. */
    private record Request(UUID projectId, String handle, String tiktokId, String url, UUID creatorId, Field<String> readme,
                           Field<String> metadata) {
    }

    private final Pool pool;
    private final PlanLimits limits;
    private final ScrapeService scraper;
    private final ScrapeRepository scrapes;
    private final VideoRepository videos;
    private final CreatorRepository creators;
    private final OrganizationRepository organizations;
    private final Clock clock;
    @Inject
    RollupService rollups;


    public VideoCreation(Pool pool, PlanLimits limits, ScrapeService scraper, ScrapeRepository scrapes, VideoRepository videos,
                         CreatorRepository creators, OrganizationRepository organizations, Clock clock) {
        this.pool = pool;
        this.limits = limits;
        this.scraper = scraper;
        this.scrapes = scrapes;
        this.videos = videos;
        this.creators = creators;
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

    public Uni<Outcome> create(Caller caller, UUID projectId, VideoCreate body) {
        Matcher m = URL.matcher(body.url());
        if (!m.matches()) {   // never: VideoCreate's @Pattern is this pattern
            throw ApiException.invalidField("url");
        }
        String handle = m.group(1).toLowerCase();
        String tiktokId = m.group(2);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String canonical = "https://www.tiktok.com/@" + handle + "/video/" + tiktokId;
        Request request = new Request(projectId, handle, tiktokId, canonical, body.creatorId().orElse(null), body.readme(),
                body.metadata().map(JsonNode::toString));
        return pool.withTransaction(c -> write(c, caller.orgId(), request, now))
                .flatMap(w -> Panache.withSession(() -> videos.findById(w.id()))
                        .map(v -> new Outcome(VideoDto.of(v), w.restored())));
    }

    /**
     * Under the organization's lock: the project is the caller's, the creator to link is found, the
     * video is not tracked yet (409 before the cap is looked at) and fits the cap; then it is inserted
     * or its tombstone restored, and its snapshot is taken through the scraper's own path.
     */
    private Uni<Written> write(SqlConnection c, UUID orgId, Request r, Instant now) {
        return organizations.lockWithProject(c, orgId, r.projectId())
                .flatMap(found -> {
                    if (!found) {
                        throw ApiException.notFound();
                    }
                    return linkedCreator(c, orgId, r.projectId(), r.creatorId(), r.handle());
                })
                .flatMap(creatorId -> videos.findInProject(c, r.projectId(), r.tiktokId())
                        .call(existing -> requireUntracked(c, orgId, existing))
                        .flatMap(existing -> existing == null ? insert(c, orgId, r, creatorId, now)
                                : restore(c, r, existing.id(), creatorId, now)))
                .call(w -> scrapes.dueVideo(c, w.id()).flatMap(due -> scraper.scrapeVideoNow(c, due, now, "initial")));
    }

    /** The creator to link: the given one (visible, same project), else one of the project with the URL's handle, else none. */
    private Uni<UUID> linkedCreator(SqlConnection c, UUID orgId, UUID projectId, UUID creatorId, String handle) {
        if (creatorId != null) {
            return creators.projectOfVisible(c, orgId, creatorId).map(project -> {
                if (project == null) {
                    throw ApiException.notFound();
                }
                if (!project.equals(projectId)) {
                    throw ApiException.invalidField("creator_id");
                }
                return creatorId;
            });
        }
        return creators.visibleWithHandle(c, projectId, handle);
    }

    /** 409 when the project tracks the video already, else the tracked-video cap (a restore counts too). */
    private Uni<Void> requireUntracked(SqlConnection c, UUID orgId, VideoRepository.Existing existing) {
        if (existing != null && !existing.deleted()) {
            throw new ApiException(409, "duplicate", "Video is already tracked in this project");
        }
        return limits.requireRoom(Tx.of(c), CountedLimit.TRACKED_VIDEOS, orgId);
    }

    private Uni<Written> insert(SqlConnection c, UUID orgId, Request r, UUID creatorId, Instant now) {
        UUID id = UUID.randomUUID();
        return videos.insertDirectAdd(c, id, orgId, r.projectId(), creatorId, r.tiktokId(), r.url(), r.readme().value(), r.metadata().orElse("{}"),
                        postedAt(r.tiktokId(), now), now)
                .replaceWith(new Written(id, false));
    }

    /** The tombstone comes back; given fields overwrite, and its next snapshot is a tracking_resumed baseline when it has history. */
    private Uni<Written> restore(SqlConnection c, Request r, UUID id, UUID creatorId, Instant now) {
        return videos.restore(c, id, creatorId, r.readme().present(), r.readme().value(), r.metadata().present(), r.metadata().value(), now)
                .call(v -> rollups.videosChanged(Tx.of(c), List.of(id)))
                .call(v -> scrapes.resumeVideo(Tx.of(c), id, true))
                .replaceWith(new Written(id, true));
    }
}
