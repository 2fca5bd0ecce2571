package com.trackagoat.campaign;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.Json;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class CampaignService {

    private final CampaignRepository campaigns;

    public CampaignService(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @WithSession
    public Uni<Envelope.Page<CampaignDto>> list(UUID orgId, UUID projectId, PageRequest page) {
        return campaigns.page(orgId, projectId, page).map(rows -> page.page(rows, c -> c.createdAt, c -> c.id, CampaignDto::of));
    }

    @WithSession
    public Uni<CampaignDto> get(UUID orgId, UUID id) {
        return campaigns.findInOrg(orgId, id).map(c -> CampaignDto.of(ApiException.requireFound(c)));
    }

    /** PATCH: {@code name}, {@code readme}, {@code metadata}, {@code target_views}, {@code target_at}. */
    @WithTransaction
    public Uni<CampaignDto> patch(UUID orgId, UUID id, JsonBody body) {
        var name = body.name("name");
        var readme = body.readme();
        var metadata = body.metadata();
        var targetViews = body.integer("target_views", true, 0);
        var targetAt = body.timestamp("target_at", true);
        if (!name.present() && !readme.present() && !metadata.present() && !targetViews.present() && !targetAt.present()) {
            throw ApiException.noUpdatableField();
        }
        return campaigns.findInOrg(orgId, id).map(found -> {
            Campaign c = ApiException.requireFound(found);
            if (name.present()) {
                c.name = name.value();
            }
            if (readme.present()) {
                c.readme = readme.value();
            }
            if (metadata.present()) {
                c.metadata = metadata.value();
            }
            if (targetViews.present()) {
                c.targetViews = targetViews.value();
            }
            if (targetAt.present()) {
                c.targetAt = targetAt.value();
            }
            c.updatedAt = Json.now();
            return CampaignDto.of(c);
        });
    }
}
