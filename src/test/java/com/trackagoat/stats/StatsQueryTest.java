package com.trackagoat.stats;

import com.trackagoat.api.ApiException;
import com.trackagoat.stats.StatsQuery.Entity;
import com.trackagoat.stats.StatsQuery.Raw;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsQueryTest {

    /** 2026-03-07T03:00Z: still 2026-03-06 in New York. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-07T03:00:00Z"), ZoneOffset.UTC);

    static StatsQuery resolve(String from, String to, String tz, String metric, String base, String gran, String cohort, Entity e) {
        return StatsQuery.resolve(new Raw(from, to, tz, metric, base, gran, cohort), e, "America/New_York", CLOCK);
    }

    static StatsQuery range(String from, String to, String tz) {
        return resolve(from, to, tz, null, null, null, null, Entity.VIDEO);
    }

    static void fails(String param, Runnable r) {
        ApiException e = assertThrows(ApiException.class, r::run);
        assertEquals("invalid_query", e.code());
        assertEquals(param, e.meta().get("param"));
    }

    @Test
    void defaultsAreTheLast30DaysEndingTodayInTheOrganizationsZone() {
        StatsQuery q = range(null, null, null);
        assertEquals("America/New_York", q.zone().getId());
        assertEquals(LocalDate.parse("2026-03-06"), q.to());
        assertEquals(LocalDate.parse("2026-02-05"), q.from());
        StatsQuery utc = range("", "", "UTC");
        assertEquals(LocalDate.parse("2026-03-07"), utc.to());
    }

    @Test
    void onlyFromOrOnlyTo() {
        StatsQuery q = range("2026-01-01", null, "UTC");
        assertEquals(LocalDate.parse("2026-01-30"), q.to());
        q = range("2026-03-01", null, "UTC");
        assertEquals(LocalDate.parse("2026-03-07"), q.to(), "capped at today");
        q = range(null, "2026-02-10", "UTC");
        assertEquals(LocalDate.parse("2026-01-12"), q.from());
    }

    @Test
    void aToAfterTodayIsToday() {
        StatsQuery q = range("2026-03-01", "2027-01-01", "UTC");
        assertEquals(LocalDate.parse("2026-03-07"), q.to());
    }

    @Test
    void datesMustBeRealAndWellFormed() {
        for (String bad : new String[]{"2026-02-30", "2026-2-01", "26-02-01", "2026-02-01T00:00", "20260201", "+2026-02-01", "abc"}) {
            fails("from", () -> range(bad, "2026-03-01", "UTC"));
            fails("to", () -> range("2026-03-01", bad, "UTC"));
        }
        range("2024-02-29", "2024-03-01", "UTC");
    }

    @Test
    void timezonesAreIanaIdsMatchedCaseSensitively() {
        for (String bad : new String[]{"UTC+25", "Mars/Base", "utc", "america/new_york", "+02:00", "GMT+2x", "SystemV/EST5"}) {
            fails("tz", () -> range(null, null, bad));
        }
        for (String ok : new String[]{"UTC", "Etc/GMT+5", "America/New_York", "Asia/Kolkata"}) {
            assertEquals(ok, range(null, null, ok).zone().getId());
        }
    }

    @Test
    void rangeChecksComeAfterFormatChecks() {
        fails("from", () -> range("2026-03-05", "2026-03-01", "UTC"));
        fails("from", () -> range("2025-03-05", "2026-03-06", "UTC"));   // 367 days, both ends counted
        assertEquals(366, java.time.temporal.ChronoUnit.DAYS.between(range("2025-03-07", "2026-03-07", "UTC").from(),
                LocalDate.parse("2026-03-07")) + 1);
        fails("tz", () -> range("2026-03-05", "2026-03-01", "Nope/Nope"));
        fails("granularity", () -> resolve("2026-03-05", "2026-03-01", "UTC", null, null, "week", null, Entity.VIDEO));
    }

    @Test
    void metricsPerEntity() {
        fails("metric", () -> resolve(null, null, "UTC", "nope", null, null, null, Entity.CREATOR));
        for (String m : new String[]{"engagement_rate_by_followers", "posts_per_week", "avg_views_per_post"}) {
            fails("metric", () -> resolve(null, null, "UTC", m, null, null, null, Entity.VIDEO));
            assertEquals(m, resolve(null, null, "UTC", m, null, null, null, Entity.CAMPAIGN).metric());
        }
        fails("base_metric", () -> resolve(null, null, "UTC", "growth_rate_pop", null, null, null, Entity.VIDEO));
        fails("base_metric", () -> resolve(null, null, "UTC", "growth_rate_pop", "followers", null, null, Entity.VIDEO));
        fails("base_metric", () -> resolve(null, null, "UTC", "growth_rate_pop", "videos", null, null, Entity.CAMPAIGN));
        assertEquals("followers", resolve(null, null, "UTC", "growth_rate_pop", "followers", null, null, Entity.CREATOR).baseMetric());
        assertEquals(null, resolve(null, null, "UTC", "engagement_rate_by_views", "garbage", null, null, Entity.VIDEO).baseMetric(),
                "base_metric is ignored for other metrics");
        // range errors come before metric errors
        fails("from", () -> resolve("2026-03-05", "2026-03-01", "UTC", "posts_per_week", null, null, null, Entity.VIDEO));
    }

    @Test
    void cohortFlag() {
        assertTrue(resolve(null, null, "UTC", null, null, null, "1", Entity.VIDEO).cohort());
        assertTrue(resolve(null, null, "UTC", null, null, null, "true", Entity.VIDEO).cohort());
        assertFalse(resolve(null, null, "UTC", null, null, null, "0", Entity.VIDEO).cohort());
        assertFalse(resolve(null, null, "UTC", null, null, "day", "false", Entity.CREATOR).cohort());
        fails("cohort", () -> resolve(null, null, "UTC", null, null, null, "yes", Entity.CAMPAIGN));
    }

    @Test
    void retention() {
        StatsQuery q = range("2025-03-06", "2025-03-10", "UTC");
        ApiException e = assertThrows(ApiException.class, () -> q.checkRetention(365L));
        assertEquals(402, e.status());
        assertEquals("retention_exceeded", e.code());
        assertEquals(365L, e.meta().get("retention_days"));
        assertEquals("2025-03-07", e.meta().get("earliest_from"));
        range("2025-03-07", "2025-03-10", "UTC").checkRetention(365L);
        q.checkRetention(null);
    }
}
