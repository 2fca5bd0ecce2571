package com.trackagoat.api;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import com.trackagoat.support.Routes;
import com.trackagoat.support.Routes.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scope and isolation on every route of the application, found by reflection (so a new route is
 * covered as soon as it exists): a read-only key is refused every write with the exact 403, and
 * another organization's ids behave as nonexistent (exact 404) on every id-taking route, reads and
 * writes alike, leaving the owner's data untouched.
 */
@QuarkusTest
class RouteAccessTest extends ApiTest {

    private static final String NOT_FOUND = "{\"data\":null,\"error\":\"Not found\",\"meta\":{\"code\":\"not_found\"}}";

    /** Bodies and queries that pass validation, so that the lookup (check 8) is what answers; placeholders in braces. */
    private static final Map<String, String[]> CALLS = new LinkedHashMap<>();

    static {
        call("POST /api/v1/projects", null, "{\"name\":\"P2\"}");
        call("PATCH /api/v1/projects/{id}", null, "{\"readme\":\"changed\"}");
        call("POST /api/v1/projects/{projectId}/creators", null, "{\"tiktok_handle\":\"someone.new\"}");
        call("POST /api/v1/projects/{projectId}/creators/bulk-reenable", null, "{\"creator_ids\":[\"{creator}\"]}");
        call("POST /api/v1/projects/{projectId}/creators/bulk-remove", null, "{\"creator_ids\":[\"{creator}\"]}");
        call("POST /api/v1/projects/{projectId}/videos", null, "{\"url\":\"https://www.tiktok.com/@someone/video/7301234567890123456\"}");
        call("POST /api/v1/projects/{projectId}/videos/bulk-tracking-disable", null, "{\"video_ids\":[\"{video}\"]}");
        call("POST /api/v1/projects/{projectId}/campaigns", null, "{\"name\":\"C2\"}");
        call("PATCH /api/v1/creators/{id}", null, "{\"readme\":\"changed\"}");
        call("POST /api/v1/creators/{id}/scrape", null, null);
        call("PATCH /api/v1/videos/{id}", null, "{\"readme\":\"changed\"}");
        call("POST /api/v1/videos/{id}/scrape", null, null);
        call("POST /api/v1/videos/{id}/tracking-disable", null, null);
        call("POST /api/v1/videos/{id}/tracking-enable", null, null);
        call("PATCH /api/v1/campaigns/{id}", null, "{\"readme\":\"changed\"}");
        call("POST /api/v1/campaigns/{id}/items", null, "{\"item_type\":\"creator\",\"item_id\":\"{creator}\"}");
        call("DELETE /api/v1/campaigns/{id}/items", "item_type=creator&item_id={creator}", null);
        call("POST /api/v1/analytics/annotations", null,
                "{\"date\":\"2026-03-04\",\"title\":\"t\",\"entity_type\":\"creator\",\"entity_id\":\"{creator}\"}");
        call("PATCH /api/v1/analytics/annotations/{id}", null, "{\"title\":\"changed\"}");
        call("POST /api/v1/api-keys", null, "{\"name\":\"k\"}");
        call("PATCH /api/v1/organization", null, "{\"name\":\"Renamed\"}");
        call("POST /api/v1/admin/organizations", null, "{\"name\":\"New org\"}");
        call("PATCH /api/v1/admin/organizations/{id}", null, "{\"name\":\"Renamed\"}");
        call("POST /api/v1/admin/organizations/{id}/rollups/rebuild", null, null);
    }

    private static void call(String route, String query, String body) {
        CALLS.put(route, new String[]{query, body});
    }

    private Fixtures.Org owner;
    private Map<String, String> ids;

    @BeforeEach
    void data() {
        owner = fx.org("starter");
        UUID project = fx.project(owner.id(), "P");
        UUID creator = fx.creator(owner.id(), project, "owned." + UUID.randomUUID().toString().substring(0, 8), "active");
        UUID video = fx.video(owner.id(), project, creator, "auto_tracked");
        UUID campaign = fx.campaign(owner.id(), project, "C");
        fx.campaignItem(owner.id(), project, campaign, "creator", creator);
        UUID annotation = fx.annotation(owner.id(), "creator", creator, "2026-03-04", "note", "Owned");
        ids = Map.of("project", project.toString(), "creator", creator.toString(), "video", video.toString(),
                "campaign", campaign.toString(), "api-key", owner.keyId().toString(), "organization", owner.id().toString(),
                "annotation", annotation.toString());
    }

    @Test
    void everyWriteBodyOrQueryHereNamesARealRoute() {
        Set<String> routes = new TreeSet<>();
        Routes.all().forEach(r -> routes.add(r.toString()));
        for (String route : CALLS.keySet()) {
            assertTrue(routes.contains(route), route);
        }
        for (Route r : Routes.all()) {
            if (r.method().equals("POST") || r.method().equals("PATCH")) {
                assertTrue(CALLS.containsKey(r.toString()), "no call for " + r);
            }
        }
    }

    @Test
    void aReadOnlyKeyIsRefusedEveryWrite() {
        String readOnly = fx.newKey(owner.id(), "read");
        String readWrite = fx.newKey(owner.id(), "read,write");
        int checked = 0;
        for (Route r : Routes.all()) {
            boolean admin = r.path().startsWith("/api/v1/admin");
            if (!admin && r.method().equals("GET")) {
                continue;
            }
            String key = admin ? readWrite : readOnly;
            String required = admin ? "admin" : "write";
            String granted = admin ? "[\"read\",\"write\"]" : "[\"read\"]";
            String expected = "{\"data\":null,\"error\":\"This action requires the '" + required + "' scope. Granted: "
                    + granted.replace("\"", "").replace(",", ", ") + "\",\"meta\":{\"code\":\"insufficient_scope\",\"required\":\""
                    + required + "\",\"granted\":" + granted + "}}";
            assertEquals(expected, send(as(key), r).then().statusCode(403).extract().asString(), r.toString());
            checked++;
        }
        assertTrue(checked >= 25, "checked " + checked);
        // nothing was written
        as(owner).get("/api/v1/creators/" + ids.get("creator")).then().statusCode(200).body("data.readme", equalTo(null));
    }

    @Test
    void anotherOrganizationsIdsAreNotFoundOnEveryRoute() {
        Fixtures.Org stranger = fx.org("starter");
        int checked = 0;
        for (Route r : Routes.all()) {
            if (!r.path().contains("{") && !bodyNamesAnId(r) || r.path().startsWith("/api/v1/admin")) {
                continue; // admin routes see every organization by design
            }
            String body = send(as(stranger), r).then().extract().asString();
            assertEquals(NOT_FOUND, body, r.toString());
            checked++;
        }
        assertTrue(checked >= 25, "checked " + checked);

        // the owner's data is untouched
        as(owner).get("/api/v1/creators/" + ids.get("creator")).then().statusCode(200)
                .body("data.status", equalTo("active")).body("data.readme", equalTo(null));
        as(owner).get("/api/v1/videos/" + ids.get("video")).then().statusCode(200)
                .body("data.tracking_disabled", equalTo(false)).body("data.readme", equalTo(null));
        as(owner).get("/api/v1/projects/" + ids.get("project")).then().statusCode(200).body("data.readme", equalTo(null));
        as(owner).get("/api/v1/campaigns/" + ids.get("campaign") + "/items").then().statusCode(200)
                .body("data.item_id", equalTo(List.of(ids.get("creator"))));
        as(owner).get("/api/v1/api-keys").then().statusCode(200);
        as(owner).get("/api/v1/analytics/annotations").then().statusCode(200)
                .body("data.id", equalTo(List.of(ids.get("annotation")))).body("data[0].title", equalTo("Owned"));
        assertEquals(0, fx.count("SELECT count(*) FROM annotation WHERE org_id = $1", stranger.id()));
        assertEquals(0, fx.count("SELECT count(*) FROM video_snapshot WHERE video_id = $1::uuid", UUID.fromString(ids.get("video"))));
        assertFalse(fx.count("SELECT count(*) FROM creator WHERE project_id = $1::uuid", UUID.fromString(ids.get("project"))) > 1);
    }

    /** Whether the route's call names one of the owner's ids in its body (an entity to annotate): a foreign id there is 404 too. */
    private static boolean bodyNamesAnId(Route r) {
        String[] call = CALLS.get(r.toString());
        return call != null && call[1] != null && call[1].matches(".*\"\\{[a-z-]+}\".*");
    }

    /** The route with the owner's ids in its path, and its body and query if it takes any. */
    private io.restassured.response.Response send(RequestSpecification spec, Route r) {
        String collection = r.path().substring("/api/v1/".length()).split("/")[0];
        String idKind = switch (collection) {
            case "projects" -> "project";
            case "creators" -> "creator";
            case "videos" -> "video";
            case "campaigns" -> "campaign";
            case "api-keys" -> "api-key";
            case "admin" -> "organization";
            case "analytics" -> "annotation";
            default -> null;
        };
        String path = r.path();
        if (idKind != null) {
            path = path.replace("{id}", ids.get(idKind)).replace("{projectId}", ids.get(idKind));
        }
        String[] call = CALLS.get(r.toString());
        if (call != null && call[0] != null) {
            path += "?" + fill(call[0]);
        }
        if (call != null && call[1] != null) {
            spec = spec.contentType("application/json").body(fill(call[1]));
        }
        return spec.request(r.method(), path);
    }

    private String fill(String template) {
        String s = template;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            s = s.replace("{" + e.getKey() + "}", e.getValue());
        }
        return s;
    }
}
