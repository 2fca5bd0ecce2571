package com.trackagoat.analytics;

import com.trackagoat.campaign.CampaignRepository;
import com.trackagoat.creator.CreatorRepository;
import com.trackagoat.project.ProjectRepository;
import com.trackagoat.video.VideoRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The one lookup of an entity the analytics name by type and id (an annotation's target, a series'
 * entity): visible in the organization as for its own GET (docs/reference/data-model.md), with its label.
 */
@ApplicationScoped
public class VisibleEntities {

    @Inject
    VideoRepository videos;
    @Inject
    CreatorRepository creators;
    @Inject
    CampaignRepository campaigns;
    @Inject
    ProjectRepository projects;

    /**
     * The label of a visible entity (video title, else its TikTok id; creator handle; campaign or
     * project name), or null when it is unknown, foreign or not visible.
     */
    public Uni<String> label(UUID orgId, String type, UUID id) {
        return switch (type) {
            case "video" -> videos.findVisible(orgId, id).map(v -> v == null ? null : v.title != null ? v.title : v.tiktokVideoId);
            case "creator" -> creators.findVisible(orgId, id).map(c -> c == null ? null : c.tiktokHandle);
            case "campaign" -> campaigns.findInOrg(orgId, id).map(c -> c == null ? null : c.name);
            case "project" -> projects.findInOrg(orgId, id).map(p -> p == null ? null : p.name);
            default -> throw new IllegalArgumentException(type);
        };
    }
}
