package com.trackagoat.org;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrganizationResourceTest extends ApiTest {

    @Inject
    Fixtures fx;

    @Test
    void ownOrganizationWithLimitsAndUsage() {
        var org = fx.org("ultra");
        var p = fx.project(org.id(), "P");
        fx.creator(org.id(), p, "a", "active");
        fx.creator(org.id(), p, "b", "disabled");
        fx.video(org.id(), p, null, "direct_add");
        var res = as(org).get("/api/v1/organization").then().statusCode(200)
                .body("data.id", equalTo(org.id().toString()))
                .body("data.tier", equalTo("ultra"))
                .body("data.is_platform", equalTo(false))
                .body("data.limits.max_creators_per_org", equalTo(300))
                .body("data.limits.max_payout_methods_per_org", nullValue())
                .body("data.limits.stats_history_retention_days", nullValue())
                .body("data.usage.creators", equalTo(1))
                .body("data.usage.projects", equalTo(1))
                .body("data.usage.tracked_videos", equalTo(1))
                .body("data.usage.api_keys", equalTo(1))
                .body("data.usage.api_requests_today", equalTo(1))
                .body("data.usage.manual_scrapes_today", equalTo(0))
                .extract();
        Map<String, Object> data = res.path("data");
        assertEquals(List.of("id", "name", "tier", "timezone", "banned", "is_platform", "created_at", "updated_at", "limits", "usage"),
                List.copyOf(data.keySet()));
        assertEquals(List.of("max_creators_per_org", "max_tracked_videos_per_org", "max_projects_per_org", "max_members_per_org",
                "max_campaigns_per_project", "max_campaign_items_per_campaign", "max_api_keys_per_org", "max_api_requests_per_day",
                "max_manual_scrape_triggers_per_day", "max_payout_methods_per_org", "max_payout_structures_per_project",
                "min_video_stats_hours", "min_discover_videos_hours", "min_creator_profiles_hours", "stats_history_retention_days"),
                List.copyOf(((Map<String, Object>) data.get("limits")).keySet()));
        assertEquals(List.of("creators", "projects", "tracked_videos", "api_keys", "api_requests_today", "manual_scrapes_today"),
                List.copyOf(((Map<String, Object>) data.get("usage")).keySet()));
    }

    @Test
    void patchNameAndTimezone() {
        var org = fx.org("starter");
        as(org).contentType("application/json").body("{\"name\":\"Acme\",\"timezone\":\"Europe/Berlin\"}").patch("/api/v1/organization")
                .then().statusCode(200).body("data.name", equalTo("Acme")).body("data.timezone", equalTo("Europe/Berlin"))
                .body("data.limits.max_projects_per_org", equalTo(3));
        as(org).get("/api/v1/creators/" + java.util.UUID.randomUUID() + "/stats").then().statusCode(404);
        as(org).contentType("application/json").body("{\"timezone\":\"Mars/Base\"}").patch("/api/v1/organization").then().statusCode(400)
                .body("meta.field", equalTo("timezone"));
        as(org).contentType("application/json").body("{\"timezone\":\"europe/berlin\"}").patch("/api/v1/organization").then().statusCode(400);
        as(org).contentType("application/json").body("{\"tier\":\"ultra\"}").patch("/api/v1/organization").then().statusCode(400)
                .body("error", equalTo("At least one updatable field is required"));
    }
}
