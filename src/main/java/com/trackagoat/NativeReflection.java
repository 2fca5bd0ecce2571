package com.trackagoat;

import com.trackagoat.api.Envelope;
import com.trackagoat.auth.ApiKeyDto;
import com.trackagoat.campaign.CampaignDto;
import com.trackagoat.campaign.CampaignItemDto;
import com.trackagoat.creator.CreatorDto;
import com.trackagoat.org.OrganizationDto;
import com.trackagoat.org.OrganizationService;
import com.trackagoat.org.OwnOrganizationDto;
import com.trackagoat.project.ProjectDto;
import com.trackagoat.schema.DataModel;
import com.trackagoat.scrape.ScrapeService;
import com.trackagoat.stats.StatsResponses;
import com.trackagoat.video.VideoDto;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native image: registers for reflection every type Jackson writes (or reads) by reflection. The
 * resources return {@code Envelope}/{@code RestResponse<Envelope>} whose {@code data} and
 * {@code meta} are typed {@code Object}, so Quarkus cannot find these types by itself.
 * {@code ignoreNested = false} also registers the nested records of each target (Envelope.ListMeta,
 * every StatsResponses and DataModel record, OwnOrganizationDto.Usage). Kept complete by
 * {@code scripts/check-native-config}, which derives the response types from the sources and fails
 * the build when one is missing here.
 */
@RegisterForReflection(ignoreNested = false, targets = {
        Envelope.class,
        StatsResponses.class,
        DataModel.class,
        ApiKeyDto.class,
        CampaignDto.class,
        CampaignItemDto.class,
        CreatorDto.class,
        OrganizationDto.class,
        OwnOrganizationDto.class,
        ProjectDto.class,
        VideoDto.class,
        OrganizationService.Created.class,
        ScrapeService.ManualResult.class,
})
public final class NativeReflection {

    private NativeReflection() {
    }
}
