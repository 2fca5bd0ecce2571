package com.trackagoat.api;

import java.time.ZoneId;

/**
 * IANA time zone ids, matched case-sensitively (docs/reference/conventions.md §7). Java's legacy {@code SystemV/*}
 * aliases are not IANA ids (and PostgreSQL, which buckets days for the cohort curves, does not know
 * them), so they are refused.
 */
public final class Zones {

    private Zones() {
    }

    public static boolean isValid(String id) {
        return id != null && !id.startsWith("SystemV/") && ZoneId.getAvailableZoneIds().contains(id);
    }
}
