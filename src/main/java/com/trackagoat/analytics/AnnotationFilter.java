package com.trackagoat.analytics;

import java.time.LocalDate;
import java.util.UUID;

/** The filters of GET /api/v1/analytics/annotations; null = not filtered. {@code from}/{@code to} bound {@code date}, inclusive. */
public record AnnotationFilter(String entityType, UUID entityId, LocalDate from, LocalDate to) {
}
