package com.trackagoat.api;

import java.time.ZoneId;

/** IANA time zone ids, matched case-sensitively (conventions.md §7). */
public final class Zones {

    private Zones() {
    }

    public static boolean isValid(String id) {
        return id != null && ZoneId.getAvailableZoneIds().contains(id);
    }
}
