package com.trackagoat.org;

import java.util.Map;
import java.util.UUID;

/** GET /api/v1/organization: the organization object plus its limits and usage. */
public record OwnOrganizationDto(UUID id, String name, String tier, String timezone, boolean banned, boolean isPlatform,
                                 String createdAt, String updatedAt, Map<String, Long> limits, Usage usage) {

    public record Usage(long creators, long projects, long trackedVideos, long apiKeys, long apiRequestsToday,
                        long manualScrapesToday) {
    }

    public static OwnOrganizationDto of(Organization o, Limits limits, Usage usage) {
        OrganizationDto d = OrganizationDto.of(o);
        return new OwnOrganizationDto(d.id(), d.name(), d.tier(), d.timezone(), d.banned(), d.isPlatform(), d.createdAt(),
                d.updatedAt(), limits.values(), usage);
    }
}
