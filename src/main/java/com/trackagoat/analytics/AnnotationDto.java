package com.trackagoat.analytics;

import com.trackagoat.api.Json;

import java.util.UUID;

/** The annotation object of docs/reference/data-model.md, keys in contract order. */
public record AnnotationDto(UUID id, String entityType, UUID entityId, String date, String kind, String title, String body,
                            String createdAt, String updatedAt) {

    public static AnnotationDto of(Annotation a) {
        return new AnnotationDto(a.id, a.entityType, a.entityId, Json.date(a.date), a.kind, a.title, a.body,
                Json.ts(a.createdAt), Json.ts(a.updatedAt));
    }
}
