package com.trackagoat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed configuration of the service ({@code trackagoat.*}); defaults live in application.properties. */
@ConfigMapping(prefix = "trackagoat")
public interface TrackagoatConfig {

    /** Plan tiers by name (limits.md); -1 = unlimited. */
    Map<String, Tier> tiers();

    RateLimit rateLimit();

    Bootstrap bootstrap();

    Demo demo();

    Scrape scrape();

    /** Handles banned on the platform (scraping.md §1). */
    Optional<List<String>> bannedHandles();

    interface Tier {
        long maxCreatorsPerOrg();
        long maxTrackedVideosPerOrg();
        long maxProjectsPerOrg();
        long maxMembersPerOrg();
        long maxCampaignsPerProject();
        long maxCampaignItemsPerCampaign();
        long maxApiKeysPerOrg();
        long maxApiRequestsPerDay();
        long maxManualScrapeTriggersPerDay();
        long maxPayoutMethodsPerOrg();
        long maxPayoutStructuresPerProject();
        long minVideoStatsHours();
        long minDiscoverVideosHours();
        long minCreatorProfilesHours();
        long statsHistoryRetentionDays();
    }

    interface RateLimit {
        @WithDefault("60")
        int perKeyPerMinute();
    }

    interface Bootstrap {
        Optional<String> adminKey();
    }

    interface Demo {
        @WithDefault("false")
        boolean enabled();

        Optional<String> apiKey();

        @WithDefault("60")
        int historyDays();
    }

    interface Scrape {
        @WithDefault("true")
        boolean enabled();
    }
}
