package com.trackagoat.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.Deleted;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Field;
import com.trackagoat.api.Page;
import com.trackagoat.api.Json;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Tx;
import com.trackagoat.campaign.CampaignItemRepository;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.project.ProjectRepository;
import com.trackagoat.scrape.ScrapeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import com.trackagoat.stats.RollupService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class VideoService {

    /** Filter values of {@code tracking_status} on the list (excluded videos are never listed). */
    public static final Set<String> LISTABLE_STATUSES = Set.of(Video.AUTO_TRACKED, Video.PENDING_REVIEW, Video.INCLUDED, Video.DIRECT_ADD);

    /** The review decisions PATCH allows: source → allowed targets (docs/reference/endpoints-core.md). */
    static final Map<String, Set<String>> TRANSITIONS = Map.of(
            Video.PENDING_REVIEW, Set.of(Video.INCLUDED, Video.EXCLUDED),
            Video.AUTO_TRACKED, Set.of(Video.EXCLUDED),
            Video.INCLUDED, Set.of(Video.EXCLUDED));

    @Inject
    VideoRepository videos;
    @Inject
    OrganizationRepository organizations;
    @Inject
    ProjectRepository projects;
    @Inject
    ScrapeRepository scrapes;
    @Inject
    CampaignItemRepository campaignItems;
    @Inject
    Clock clock;
    @Inject
    RollupService rollups;


    @WithSession
    public Uni<Page<VideoDto>> list(UUID orgId, UUID projectId, UUID creatorId, String status, PageRequest page) {
        return videos.page(orgId, projectId, creatorId, status, page)
                .map(rows -> page.page(rows, v -> v.createdAt, v -> v.id, VideoDto::of));
    }

    @WithSession
    public Uni<VideoDto> get(UUID orgId, UUID id) {
        return videos.findVisible(orgId, id).map(v -> VideoDto.of(ApiException.requireFound(v)));
    }

    /** PATCH: {@code readme}, {@code metadata}, {@code tracking_status} (the review decision, {@link #TRANSITIONS}). */
    @WithTransaction
    public Uni<VideoDto> patch(UUID orgId, UUID id, VideoPatch body) {
        return videos.findVisible(orgId, id).flatMap(found -> {
            Video v = ApiException.requireFound(found);
            Field<String> status = body.trackingStatus();
            Uni<Void> counted = Uni.createFrom().voidItem();
            if (status.present() && !status.value().equals(v.trackingStatus)) {
                if (!TRANSITIONS.getOrDefault(v.trackingStatus, Set.of()).contains(status.value())) {
                    throw ApiException.invalidField("tracking_status");
                }
                v.trackingStatus = status.value();
                counted = rollups.videosChanged(Tx.session(), List.of(v.id))
                        .flatMap(x -> organizations.bumpStatsVersions(Tx.session(), List.of(orgId)));
            }
            v.readme = body.readme().orElse(v.readme);
            v.metadata = body.metadata().map(JsonNode::toString).orElse(v.metadata);
            v.updatedAt = Json.now(clock);
            return counted.replaceWith(VideoDto.of(v));
        });
    }

    /** DELETE: soft delete; the row stays as a tombstone, its campaign memberships go. */
    @WithTransaction
    public Uni<Deleted> delete(UUID orgId, UUID id) {
        return videos.findVisible(orgId, id).flatMap(found -> {
            Video v = ApiException.requireFound(found);
            v.deletedAt = Json.now(clock);
            v.updatedAt = v.deletedAt;
            return campaignItems.deleteMemberships("video", v.id)
                    .flatMap(n -> rollups.videosChanged(Tx.session(), List.of(v.id)))
                    .flatMap(n -> organizations.bumpStatsVersions(Tx.session(), List.of(orgId)))
                    .replaceWith(Deleted.of(v.id));
        });
    }

    /**
     * tracking-disable / tracking-enable: idempotent. Disabling stops snapshots (history still
     * counts); enabling makes the next snapshot a {@code tracking_resumed} baseline.
     */
    @WithTransaction
    public Uni<VideoDto> setTracking(UUID orgId, UUID id, boolean disabled) {
        return videos.findVisible(orgId, id).flatMap(found -> {
            Video v = ApiException.requireFound(found);
            if (v.trackingDisabled == disabled) {
                return Uni.createFrom().item(VideoDto.of(v));
            }
            v.trackingDisabled = disabled;
            v.updatedAt = Json.now(clock);
            return scrapes.resumeVideo(Tx.session(), v.id, !disabled).replaceWith(VideoDto.of(v));
        });
    }

    /** Bulk tracking-disable in a project: per id, disabled (already disabled ones too) or not_found. */
    @WithTransaction
    public Uni<VideoDisableResult> bulkDisable(UUID orgId, UUID projectId, VideoIds body) {
        List<UUID> ids = body.videoIds();
        return projects.findInOrg(orgId, projectId).map(ApiException::requireFound)
                .flatMap(p -> videos.listVisible(orgId, ids))
                .map(found -> disableResult(ids, disableInProject(found, projectId)));
    }

    /** Disables those of {@code found} that belong to the project (already disabled ones stay as they are); their ids. */
    private Set<UUID> disableInProject(List<Video> found, UUID projectId) {
        Set<UUID> inProject = new HashSet<>();
        for (Video v : found) {
            if (v.projectId.equals(projectId)) {
                inProject.add(v.id);
                if (!v.trackingDisabled) {
                    v.trackingDisabled = true;
                    v.updatedAt = Json.now(clock);
                }
            }
        }
        return inProject;
    }

    /** Per id, in the order given: disabled (a repeated id once), else not_found. */
    private static VideoDisableResult disableResult(List<UUID> ids, Set<UUID> inProject) {
        List<UUID> disabled = new ArrayList<>();
        List<VideoDisableResult.IdError> errors = new ArrayList<>();
        for (UUID id : ids) {
            if (!inProject.contains(id)) {
                errors.add(new VideoDisableResult.IdError(id, "not_found", "Not found"));
            } else if (!disabled.contains(id)) {
                disabled.add(id);
            }
        }
        return new VideoDisableResult(disabled, errors);
    }
}
