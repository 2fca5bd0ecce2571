package com.trackagoat.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.Deleted;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Page;
import com.trackagoat.api.Json;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Tx;
import com.trackagoat.auth.Caller;
import com.trackagoat.creator.CreatorRepository;
import com.trackagoat.org.CountedLimit;
import com.trackagoat.org.OrganizationRepository;
import com.trackagoat.org.PlanLimits;
import com.trackagoat.project.ProjectRepository;
import com.trackagoat.video.VideoRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class CampaignService {

    static final Set<String> ITEM_TYPES = Set.of("creator", "video", "campaign");

    @Inject
    CampaignRepository campaigns;
    @Inject
    CampaignItemRepository items;
    @Inject
    ProjectRepository projects;
    @Inject
    CreatorRepository creators;
    @Inject
    VideoRepository videos;
    @Inject
    OrganizationRepository organizations;
    @Inject
    PlanLimits limits;
    @Inject
    Clock clock;

    @WithSession
    public Uni<Page<CampaignDto>> list(UUID orgId, UUID projectId, PageRequest page) {
        return campaigns.page(orgId, projectId, page).map(rows -> page.page(rows, c -> c.createdAt, c -> c.id, CampaignDto::of));
    }

    @WithSession
    public Uni<CampaignDto> get(UUID orgId, UUID id) {
        return campaigns.findInOrg(orgId, id).map(c -> CampaignDto.of(ApiException.requireFound(c)));
    }

    /** PATCH: the given fields of {@code name}, {@code readme}, {@code metadata}, {@code target_views}, {@code target_at}. */
    @WithTransaction
    public Uni<CampaignDto> patch(UUID orgId, UUID id, CampaignPatch body) {
        return campaigns.findInOrg(orgId, id).map(found -> {
            Campaign c = ApiException.requireFound(found);
            c.name = body.name().orElse(c.name);
            c.readme = body.readme().orElse(c.readme);
            c.metadata = body.metadata().map(JsonNode::toString).orElse(c.metadata);
            c.targetViews = body.targetViews().orElse(c.targetViews);
            c.targetAt = body.targetAt().orElse(c.targetAt);
            c.updatedAt = Json.now(clock);
            return CampaignDto.of(c);
        });
    }

    /**
     * POST in a project: the project's campaigns are capped (402), counted under a lock on the
     * project row; absent metadata is {@code {}}.
     */
    @WithTransaction
    public Uni<CampaignDto> create(Caller caller, UUID projectId, CampaignCreate body) {
        return projects.findInOrg(caller.orgId(), projectId).map(ApiException::requireFound)
                .call(project -> limits.requireRoom(Tx.session(), CountedLimit.CAMPAIGNS, project.id))
                .flatMap(project -> {
                    Campaign c = new Campaign();
                    c.id = UUID.randomUUID();
                    c.orgId = caller.orgId();
                    c.projectId = project.id;
                    c.name = body.name();
                    c.readme = body.readme();
                    c.metadata = body.metadata().map(JsonNode::toString).orElse("{}");
                    c.targetViews = body.targetViews();
                    c.targetAt = body.targetAt();
                    c.createdAt = Json.now(clock);
                    c.updatedAt = c.createdAt;
                    return campaigns.persist(c).map(CampaignDto::of);
                });
    }

    /** DELETE: the campaign, its own items and every membership that lists it. */
    @WithTransaction
    public Uni<Deleted> delete(UUID orgId, UUID id) {
        return campaigns.findInOrg(orgId, id).flatMap(found -> {
            Campaign c = ApiException.requireFound(found);
            return items.deleteAllOf(c.id)
                    .flatMap(n -> campaigns.delete(c))
                    .flatMap(v -> organizations.bumpStatsVersions(Tx.session(), List.of(orgId)))
                    .replaceWith(Deleted.of(c.id));
        });
    }

    @WithSession
    public Uni<Page<CampaignItemDto>> listItems(UUID orgId, UUID campaignId, PageRequest page) {
        return campaigns.findInOrg(orgId, campaignId).flatMap(found -> {
            ApiException.requireFound(found);
            return items.page(campaignId, page).map(rows -> page.page(rows, i -> i.createdAt, i -> i.itemId, CampaignItemDto::of));
        });
    }

    /**
     * POST item, checks in the order of docs/reference/endpoints-write.md: the campaign (404), the
     * item is visible (404), in the campaign's project (400), not yet an item (409 duplicate), no
     * cycle (409), the direct-item cap (402). Serialized per project by a lock on its row, so two
     * inserts cannot build a cycle together.
     */
    @WithTransaction
    public Uni<CampaignItemDto> addItem(Caller caller, UUID campaignId, CampaignItemCreate body) {
        UUID orgId = caller.orgId();
        return campaigns.findInOrg(orgId, campaignId).map(ApiException::requireFound)
                .call(campaign -> projects.lockInOrg(orgId, campaign.projectId))
                .call(campaign -> requireAddable(orgId, campaign, body.itemType(), body.itemId()))
                .flatMap(campaign -> insertItem(orgId, campaign, body.itemType(), body.itemId()));
    }

    /** The checks after the lock, in order: visible, same project, not an item yet, no cycle, room under the cap. */
    private Uni<Void> requireAddable(UUID orgId, Campaign campaign, String type, UUID itemId) {
        return itemProject(orgId, type, itemId)
                .flatMap(itemProject -> {
                    if (!itemProject.equals(campaign.projectId)) {
                        throw ApiException.invalidField("item_id");
                    }
                    return items.findItem(campaign.id, type, itemId);
                })
                .flatMap(existing -> {
                    if (existing != null) {
                        throw new ApiException(409, "duplicate", "Item is already in this campaign");
                    }
                    return type.equals("campaign") ? items.reaches(itemId, campaign.id) : Uni.createFrom().item(false);
                })
                .flatMap(cycle -> {
                    if (cycle) {
                        throw new ApiException(409, "cycle_detected", "Adding this campaign would create a cycle");
                    }
                    return limits.requireRoom(Tx.session(), CountedLimit.CAMPAIGN_ITEMS, campaign.id);
                });
    }

    private Uni<CampaignItemDto> insertItem(UUID orgId, Campaign campaign, String type, UUID itemId) {
        CampaignItem item = new CampaignItem();
        item.campaignId = campaign.id;
        item.itemType = type;
        item.itemId = itemId;
        item.orgId = orgId;
        item.projectId = campaign.projectId;
        item.createdAt = Json.now(clock);
        return items.persist(item).call(i -> organizations.bumpStatsVersions(Tx.session(), List.of(orgId)))
                .map(CampaignItemDto::of);
    }

    /** The project of a visible item of the organization; 404 when there is none. */
    private Uni<UUID> itemProject(UUID orgId, String type, UUID itemId) {
        return switch (type) {
            case "creator" -> creators.findVisible(orgId, itemId).map(c -> ApiException.requireFound(c).projectId);
            case "video" -> videos.findVisible(orgId, itemId).map(v -> ApiException.requireFound(v).projectId);
            default -> campaigns.findInOrg(orgId, itemId).map(c -> ApiException.requireFound(c).projectId);
        };
    }

    /** DELETE item named by {@code item_type} and {@code item_id}. */
    @WithTransaction
    public Uni<CampaignItemDeleted> removeItem(UUID orgId, UUID campaignId, String type, UUID itemId) {
        return campaigns.findInOrg(orgId, campaignId).flatMap(found -> {
            ApiException.requireFound(found);
            return items.findItem(campaignId, type, itemId);
        }).flatMap(item -> {
            ApiException.requireFound(item);
            return items.delete(item).call(v -> organizations.bumpStatsVersions(Tx.session(), List.of(orgId)))
                    .replaceWith(new CampaignItemDeleted(campaignId, type, itemId, true));
        });
    }
}
