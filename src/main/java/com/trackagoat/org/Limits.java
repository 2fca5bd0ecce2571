package com.trackagoat.org;

import com.trackagoat.TrackagoatConfig;
import com.trackagoat.api.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The limits of one plan tier, keyed as in docs/reference/limits.md and in its order; {@code null} = unlimited
 * (configuration uses -1).
 */
public record Limits(Map<String, Long> values) {

    public static final String MAX_CREATORS = "max_creators_per_org";
    public static final String MAX_TRACKED_VIDEOS = "max_tracked_videos_per_org";
    public static final String MAX_PROJECTS = "max_projects_per_org";
    public static final String MAX_CAMPAIGNS = "max_campaigns_per_project";
    public static final String MAX_CAMPAIGN_ITEMS = "max_campaign_items_per_campaign";
    public static final String MAX_API_KEYS = "max_api_keys_per_org";
    public static final String MAX_API_REQUESTS = "max_api_requests_per_day";
    public static final String MAX_MANUAL_SCRAPES = "max_manual_scrape_triggers_per_day";
    public static final String RETENTION_DAYS = "stats_history_retention_days";

    public static Limits of(TrackagoatConfig.Tier t) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(MAX_CREATORS, unlimitedAsNull(t.maxCreatorsPerOrg()));
        m.put(MAX_TRACKED_VIDEOS, unlimitedAsNull(t.maxTrackedVideosPerOrg()));
        m.put(MAX_PROJECTS, unlimitedAsNull(t.maxProjectsPerOrg()));
        m.put("max_members_per_org", unlimitedAsNull(t.maxMembersPerOrg()));
        m.put(MAX_CAMPAIGNS, unlimitedAsNull(t.maxCampaignsPerProject()));
        m.put(MAX_CAMPAIGN_ITEMS, unlimitedAsNull(t.maxCampaignItemsPerCampaign()));
        m.put(MAX_API_KEYS, unlimitedAsNull(t.maxApiKeysPerOrg()));
        m.put(MAX_API_REQUESTS, unlimitedAsNull(t.maxApiRequestsPerDay()));
        m.put(MAX_MANUAL_SCRAPES, unlimitedAsNull(t.maxManualScrapeTriggersPerDay()));
        m.put("max_payout_methods_per_org", unlimitedAsNull(t.maxPayoutMethodsPerOrg()));
        m.put("max_payout_structures_per_project", unlimitedAsNull(t.maxPayoutStructuresPerProject()));
        m.put("min_video_stats_hours", unlimitedAsNull(t.minVideoStatsHours()));
        m.put("min_discover_videos_hours", unlimitedAsNull(t.minDiscoverVideosHours()));
        m.put("min_creator_profiles_hours", unlimitedAsNull(t.minCreatorProfilesHours()));
        m.put(RETENTION_DAYS, unlimitedAsNull(t.statsHistoryRetentionDays()));
        return new Limits(m);
    }

    private static Long unlimitedAsNull(long v) {
        return v < 0 ? null : v;
    }

    /**
     * 402 {@code limit_reached} when {@code current} (the count before the request) has reached
     * {@code max}; null max = unlimited.
     */
    public static void requireRoom(String key, long current, Long max) {
        if (max != null && current >= max) {
            throw ApiException.limitReached(key, current, max);
        }
    }

    /** The limit, or null when unlimited. */
    public Long get(String key) {
        return values.get(key);
    }
}
