package com.trackagoat.org;

/**
 * The plan limits enforced by counting rows (docs/reference/limits.md), each with the owner whose row serializes
 * the writers of the counted set: {@link PlanLimits#requireRoom} locks that row, counts and compares.
 */
public enum CountedLimit {
    /** Active creators of an organization. */
    CREATORS(Limits.MAX_CREATORS, Owner.ORGANIZATION),
    /** Videos added by URL (not deleted) of an organization. */
    TRACKED_VIDEOS(Limits.MAX_TRACKED_VIDEOS, Owner.ORGANIZATION),
    /** Projects of an organization. */
    PROJECTS(Limits.MAX_PROJECTS, Owner.ORGANIZATION),
    /** Active (not revoked) API keys of an organization. */
    API_KEYS(Limits.MAX_API_KEYS, Owner.ORGANIZATION),
    /** Campaigns of a project. */
    CAMPAIGNS(Limits.MAX_CAMPAIGNS, Owner.PROJECT),
    /** Direct items of a campaign; serialized by its project's row (which also serializes the cycle check). */
    CAMPAIGN_ITEMS(Limits.MAX_CAMPAIGN_ITEMS, Owner.CAMPAIGN);

    /** What the owner id passed with the limit names. */
    public enum Owner { ORGANIZATION, PROJECT, CAMPAIGN }

    private final String key;
    private final Owner owner;

    CountedLimit(String key, Owner owner) {
        this.key = key;
        this.owner = owner;
    }

    /** The key of docs/reference/limits.md (and of the 402's {@code limitKey}). */
    public String key() {
        return key;
    }

    public Owner owner() {
        return owner;
    }
}
