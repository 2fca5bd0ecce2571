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

    Retention retention();

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

    interface Retention {
        /** Daily pruning of snapshots beyond the tier's retention (UTC). */
        @WithDefault("0 0 3 * * ?")
        String cron();
    }

    interface Scrape {
        @WithDefault("true")
        boolean enabled();

        /** Interval of the job; slots are multiples of it since the epoch. */
        @WithDefault("1h")
        java.time.Duration every();

        /** Quartz-style cron; overrides {@link #every()} when set. */
        Optional<String> cron();

        /** Entities claimed per transaction. */
        @WithDefault("500")
        int batchSize();
    }
}
