package com.trackagoat.org;

import com.trackagoat.api.Json;

import java.util.UUID;

/** The organization object of docs/reference/auth.md §5. */
public record OrganizationDto(UUID id, String name, String tier, String timezone, boolean banned, boolean isPlatform,
                              String createdAt, String updatedAt) {

    public static OrganizationDto of(Organization o) {
        return new OrganizationDto(o.id, o.name, o.tier, o.timezone, o.banned, o.platform, Json.ts(o.createdAt), Json.ts(o.updatedAt));
    }
}
