package com.trackagoat.auth;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest extends ApiTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trackagoat.rate-limit.per-key-per-minute", "3",
                    "trackagoat.tiers.ultra.max-api-requests-per-day", "4");
        }
    }

    @Test
    void theFourthRequestInAMinuteIsRefusedAndNotCounted() {
        var org = fx.org("starter");
        for (int i = 0; i < 3; i++) {
            as(org).get("/api/v1/projects").then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(2 - i));
        }
        var res = as(org).get("/api/v1/projects").then().statusCode(429)
                .header("RateLimit-Remaining", "0")
                .body("data", equalTo(null))
                .body("error", equalTo("Rate limit exceeded"))
                .body("meta.code", equalTo("rate_limit_exceeded"))
                .extract();
        int retryAfter = res.path("meta.retryAfter");
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "retryAfter " + retryAfter);
        assertEquals(String.valueOf(retryAfter), res.header("Retry-After"));
        assertEquals(3, fx.count("SELECT api_requests FROM org_daily_usage WHERE org_id = $1", org.id()),
                "429s are not counted against the daily quota");
    }

    @Test
    void theWindowIsPerKey() {
        var org = fx.org("starter");
        String other = fx.newKey(org.id(), "read,write");
        for (int i = 0; i < 3; i++) {
            as(org).get("/api/v1/projects").then().statusCode(200);
        }
        as(org).get("/api/v1/projects").then().statusCode(429);
        as(other).get("/api/v1/projects").then().statusCode(200);
    }

    @Test
    void aDailyQuotaOfZeroRefusesEveryRequestUntilMidnightUtc() {
        var org = fx.org("free");
        var res = as(org).get("/api/v1/projects").then().statusCode(429)
                .body("meta.code", equalTo("rate_limit_exceeded")).extract();
        long expected = Duration.between(Instant.now(),
                LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
        int retryAfter = res.path("meta.retryAfter");
        assertTrue(Math.abs(retryAfter - expected) <= 5, retryAfter + " vs " + expected);
        assertEquals(String.valueOf(retryAfter), res.header("Retry-After"));
    }

    @Test
    void theDailyQuotaIsSharedByTheOrganizationsKeys() {
        var org = fx.org("ultra");
        String second = fx.newKey(org.id(), "read,write");
        as(org).get("/api/v1/projects").then().statusCode(200);
        as(org).get("/api/v1/projects").then().statusCode(200);
        as(second).get("/api/v1/projects").then().statusCode(200);
        as(second).get("/api/v1/projects").then().statusCode(200);
        as(second).get("/api/v1/projects").then().statusCode(429).body("meta.code", equalTo("rate_limit_exceeded"));
        assertEquals(4, fx.count("SELECT api_requests FROM org_daily_usage WHERE org_id = $1", org.id()));
    }
}
