package com.trackagoat.org;

import com.trackagoat.auth.ApiKeys;
import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrganizationResourceTest extends ApiTest {

    private static final String URL = "/api/v1/organization";
    private static final String STARTER_LIMITS = "{\"max_creators_per_org\":50,\"max_tracked_videos_per_org\":200,\"max_projects_per_org\":3,"
            + "\"max_members_per_org\":5,\"max_campaigns_per_project\":25,\"max_campaign_items_per_campaign\":200,\"max_api_keys_per_org\":5,"
            + "\"max_api_requests_per_day\":1000,\"max_manual_scrape_triggers_per_day\":10,\"max_payout_methods_per_org\":10,"
            + "\"max_payout_structures_per_project\":10,\"min_video_stats_hours\":24,\"min_discover_videos_hours\":24,"
            + "\"min_creator_profiles_hours\":24,\"stats_history_retention_days\":365}";

    private static ExtractableResponse<Response> patch(Fixtures.Org org, String body, int status) {
        return as(org).contentType("application/json").body(body).patch(URL).then().statusCode(status).extract();
    }

    @Test
    void ownOrganizationWithLimitsAndUsageInContractOrder() {
        var org = fx.org("starter", "America/New_York", false);
        var res = as(org).get(URL).then().statusCode(200).extract();
        String createdAt = res.path("data.created_at");
        assertTrue(createdAt.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), createdAt);
        assertEquals("{\"data\":{\"id\":\"" + org.id() + "\",\"name\":\"Org " + org.id().toString().substring(0, 8)
                + "\",\"tier\":\"starter\",\"timezone\":\"America/New_York\",\"banned\":false,\"is_platform\":false,\"created_at\":\""
                + createdAt + "\",\"updated_at\":\"" + createdAt + "\",\"limits\":" + STARTER_LIMITS
                + ",\"usage\":{\"creators\":0,\"projects\":0,\"tracked_videos\":0,\"api_keys\":1,\"api_requests_today\":1,"
                + "\"manual_scrapes_today\":0}},\"error\":null,\"meta\":null}", res.asString());
    }

    @Test
    void unlimitedIsNull() {
        var org = fx.org("ultra");
        as(org).get(URL).then().statusCode(200)
                .body("data.tier", equalTo("ultra"))
                .body("data.limits.max_creators_per_org", equalTo(300))
                .body("data.limits.max_payout_methods_per_org", nullValue())
                .body("data.limits.max_payout_structures_per_project", nullValue())
                .body("data.limits.stats_history_retention_days", nullValue())
                .body("data.limits.min_video_stats_hours", equalTo(6));
    }

    @Test
    void usageCountsWhatTheLimitsCountForTheCallerOnly() {
        var org = fx.org("ultra");
        var p1 = fx.project(org.id(), "P1");
        var p2 = fx.project(org.id(), "P2");
        fx.creator(org.id(), p1, "a", "active");
        fx.creator(org.id(), p2, "b", "active");
        fx.creator(org.id(), p1, "c", "disabled");
        fx.creator(org.id(), p1, "d", "removed");
        fx.video(org.id(), p1, null, "direct_add");
        fx.video(org.id(), p2, null, "direct_add");
        fx.sql("UPDATE video SET deleted_at = now() WHERE id = $1", fx.video(org.id(), p1, null, "direct_add"));
        fx.video(org.id(), p1, null, "auto_tracked");
        fx.video(org.id(), p1, null, "included");
        fx.newKey(org.id(), "read");
        fx.sql("UPDATE api_key SET revoked_at = now() WHERE id = $1", fx.key(org.id(), ApiKeys.generate(), "read"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        fx.sql("INSERT INTO org_daily_usage (org_id, day, api_requests, manual_scrapes) VALUES ($1, $2, 41, 3), ($1, $3, 500, 9)",
                org.id(), today, today.minusDays(1));

        var other = fx.org("ultra");   // none of this is counted
        var op = fx.project(other.id(), "Other");
        fx.creator(other.id(), op, "a", "active");
        fx.video(other.id(), op, null, "direct_add");
        fx.sql("INSERT INTO org_daily_usage (org_id, day, api_requests, manual_scrapes) VALUES ($1, $2, 7, 7)", other.id(), today);

        var res = as(org).get(URL).then().statusCode(200).extract();
        Map<String, Object> usage = res.path("data.usage");
        assertEquals(List.of("creators", "projects", "tracked_videos", "api_keys", "api_requests_today", "manual_scrapes_today"),
                List.copyOf(usage.keySet()));
        assertEquals(Map.of("creators", 2, "projects", 2, "tracked_videos", 2, "api_keys", 2, "api_requests_today", 42,
                "manual_scrapes_today", 3), usage);
    }

    @Test
    void patchNameAndTimezoneAnswersAsGet() {
        var org = fx.org("starter");
        String before = as(org).get(URL).then().extract().path("data.updated_at");
        var res = patch(org, "{\"name\":\"  Acme  \",\"timezone\":\"Europe/Berlin\",\"tier\":\"ultra\",\"banned\":true}", 200);
        res.response().then()
                .body("data.name", equalTo("Acme")).body("data.timezone", equalTo("Europe/Berlin"))
                .body("data.tier", equalTo("starter")).body("data.banned", equalTo(false))   // not updatable here
                .body("data.updated_at", not(equalTo(before)))
                .body("data.limits.max_projects_per_org", equalTo(3))
                .body("data.usage.api_keys", equalTo(1));
        Map<String, Object> data = res.path("data");
        assertEquals(List.of("id", "name", "tier", "timezone", "banned", "is_platform", "created_at", "updated_at", "limits", "usage"),
                List.copyOf(data.keySet()));
        String get = as(org).get(URL).then().statusCode(200).body("data.name", equalTo("Acme")).extract().asString();
        assertEquals(res.asString().replaceAll("\"api_requests_today\":\\d+", ""), get.replaceAll("\"api_requests_today\":\\d+", ""));

        patch(org, "{\"timezone\":\"Etc/GMT+5\"}", 200).response().then().body("data.timezone", equalTo("Etc/GMT+5")).body("data.name", equalTo("Acme"));
        patch(org, "{\"timezone\":\"UTC\"}", 200).response().then().body("data.timezone", equalTo("UTC"));
        patch(org, "{\"name\":\"" + "n".repeat(200) + "\"}", 200);
    }

    @Test
    void timezoneChangeInvalidatesCachedStats() {
        var org = fx.org("starter");
        long version = fx.count("SELECT stats_version FROM organization WHERE id = $1", org.id());
        patch(org, "{\"name\":\"Same zone\",\"timezone\":\"UTC\"}", 200);
        assertEquals(version, fx.count("SELECT stats_version FROM organization WHERE id = $1", org.id()));
        patch(org, "{\"timezone\":\"Asia/Tokyo\"}", 200);
        assertEquals(version + 1, fx.count("SELECT stats_version FROM organization WHERE id = $1", org.id()));
    }

    @Test
    void patchErrorsChangeNothing() {
        var org = fx.org("starter");
        String[][] cases = {
                {"{\"name\":null}", "Invalid field: name", "name"},
                {"{\"name\":\"\"}", "Invalid field: name", "name"},
                {"{\"name\":\"  \"}", "Invalid field: name", "name"},
                {"{\"name\":5}", "Invalid field: name", "name"},
                {"{\"name\":\"" + "n".repeat(201) + "\"}", "Invalid field: name", "name"},
                {"{\"timezone\":null}", "Invalid field: timezone", "timezone"},
                {"{\"timezone\":1}", "Invalid field: timezone", "timezone"},
                {"{\"timezone\":\"Mars/Base\"}", "Invalid field: timezone", "timezone"},
                {"{\"timezone\":\"UTC+25\"}", "Invalid field: timezone", "timezone"},
                {"{\"timezone\":\"europe/berlin\"}", "Invalid field: timezone", "timezone"},
                {"{\"timezone\":\"SystemV/EST5\"}", "Invalid field: timezone", "timezone"},
                {"{\"timezone\":\"\"}", "Invalid field: timezone", "timezone"},
                {"{\"name\":\"Fine\",\"timezone\":\"Nope/Nope\"}", "Invalid field: timezone", "timezone"},
        };
        for (String[] c : cases) {
            assertEquals("{\"data\":null,\"error\":\"" + c[1] + "\",\"meta\":{\"code\":\"invalid_body\",\"field\":\"" + c[2] + "\"}}",
                    patch(org, c[0], 400).asString(), c[0]);
        }
        for (String none : new String[]{"{}", "{\"tier\":\"ultra\"}", "{\"banned\":true,\"is_platform\":true}"}) {
            assertEquals("{\"data\":null,\"error\":\"At least one updatable field is required\",\"meta\":{\"code\":\"invalid_body\"}}",
                    patch(org, none, 400).asString(), none);
        }
        for (String malformed : new String[]{"", "{", "[]", "null"}) {
            patch(org, malformed, 400).response().then().body("error", equalTo("Malformed JSON body"));
        }
        as(org).contentType("text/plain").body("{\"name\":\"x\"}").patch(URL).then().statusCode(415);
        as(org).get(URL).then().body("data.name", equalTo("Org " + org.id().toString().substring(0, 8)))
                .body("data.timezone", equalTo("UTC")).body("data.tier", equalTo("starter"));
    }

    @Test
    void scopes() {
        var org = fx.org("starter");
        as(fx.newKey(org.id(), "read")).contentType("application/json").body("{\"name\":\"x\"}").patch(URL).then().statusCode(403)
                .body("meta.required", equalTo("write"));
        as(fx.newKey(org.id(), "write")).get(URL).then().statusCode(403).body("meta.required", equalTo("read"));
        as(fx.newKey(org.id(), "write")).contentType("application/json").body("{\"name\":\"x\"}").patch(URL).then().statusCode(200);
    }

    @Test
    void aBanCommittedWhileAPatchRunsIsNotUndone() throws Exception {
        var org = fx.org("starter");
        long version = fx.count("SELECT stats_version FROM organization WHERE id = $1", org.id());
        int status = fx.whileUncommitted("UPDATE organization SET banned = true, stats_version = stats_version + 1 WHERE id = $1",
                new Object[]{org.id()}, () -> patch(org, "{\"name\":\"Renamed\"}", 200).statusCode());
        assertEquals(200, status);
        assertEquals(1, fx.count("SELECT count(*) FROM organization WHERE id = $1 AND banned AND name = 'Renamed' AND stats_version = $2",
                org.id(), version + 1));
        as(org).get(URL).then().statusCode(403).body("meta.code", equalTo("org_banned"));
    }

    @Test
    void eachKeySeesItsOwnOrganization() {
        var a = fx.org("starter");
        var b = fx.org("ultra");
        as(a).get(URL).then().body("data.id", equalTo(a.id().toString()));
        as(b).get(URL).then().body("data.id", equalTo(b.id().toString()));
        patch(a, "{\"name\":\"A only\"}", 200);
        as(b).get(URL).then().body("data.name", equalTo("Org " + b.id().toString().substring(0, 8)));
    }
}
