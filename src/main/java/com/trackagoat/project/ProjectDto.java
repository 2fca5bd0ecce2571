package com.trackagoat.project;

import com.trackagoat.api.Json;

import java.util.UUID;

/** The project object of docs/reference/data-model.md, keys in contract order. */
public record ProjectDto(UUID id, UUID orgId, String name, String description, String readme,
                         String createdAt, String updatedAt) {

    public static ProjectDto of(Project p) {
        return new ProjectDto(p.id, p.orgId, p.name, p.readme, p.readme, Json.ts(p.createdAt), Json.ts(p.updatedAt));
    }
}
