package com.trackagoat.org;

import com.trackagoat.auth.ApiKeys;
import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AdminOrganizationResourceTest extends ApiTest {

    private static final String URL = "/api/v1/admin/organizations";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
    private static final List<String> ORG_FIELDS = List.of("id", "name", "tier", "timezone", "banned", "is_platform", "created_at", "updated_at");

    private static ExtractableResponse<Response> post(Fixtures.Org as, String body, int status) {
        return as(as).contentType("application/json").body(body).post(URL).then().statusCode(status).extract();
    }

    private static ExtractableResponse<Response> patch(Fixtures.Org as, Object id, String body, int status) {
        return as(as).contentType("application/json").body(body).patch(URL + "/" + id).then().statusCode(status).extract();
    }

    private static String orgJson(String id, String name, String tier, String timezone, boolean banned, boolean platform,
                                  String createdAt, String updatedAt) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"tier\":\"" + tier + "\",\"timezone\":\"" + timezone + "\",\"banned\":"
                + banned + ",\"is_platform\":" + platform + ",\"created_at\":\"" + createdAt + "\",\"updated_at\":\"" + updatedAt + "\"}";
    }

    private static String invalidField(String field) {
        return "{\"data\":null,\"error\":\"Invalid field: " + field + "\",\"meta\":{\"code\":\"invalid_body\",\"field\":\"" + field + "\"}}";
    }

    @Test
    void createsAnOrganizationWithItsInitialKeyAndPayoutDefaults() {
        var platform = fx.platform();
        var res = post(platform, "{\"name\":\" Acme Agency \",\"tier\":\"starter\",\"timezone\":\"Europe/Berlin\"}", 201);
        String id = res.path("data.organization.id");
        String createdAt = res.path("data.organization.created_at");
        String keyId = res.path("data.api_key.id");
        String keyCreatedAt = res.path("data.api_key.created_at");
        String key = res.path("data.api_key.key");
        assertTrue(createdAt.matches(TIMESTAMP) && keyCreatedAt.matches(TIMESTAMP), createdAt + " " + keyCreatedAt);
        assertTrue(key.matches("tga_[0-9a-f]{64}"), key);
        assertEquals("{\"data\":{\"organization\":" + orgJson(id, "Acme Agency", "starter", "Europe/Berlin", false, false, createdAt, createdAt)
                + ",\"api_key\":{\"id\":\"" + keyId + "\",\"name\":\"Initial key\",\"prefix\":\"" + key.substring(4, 12)
                + "\",\"scopes\":[\"read\",\"write\"],\"created_at\":\"" + keyCreatedAt + "\",\"last_used_at\":null,\"revoked_at\":null,"
                + "\"key\":\"" + key + "\"}},\"error\":null,\"meta\":null}", res.asString());

        UUID orgId = UUID.fromString(id);
        assertEquals(1, fx.count("SELECT count(*) FROM organization WHERE id = $1 AND NOT is_platform AND NOT is_demo AND NOT banned", orgId));
        assertEquals(3, fx.count("SELECT count(*) FROM payout_method WHERE org_id = $1", orgId));
        assertEquals(3, fx.count("SELECT count(*) FROM payout_method WHERE org_id = $1 AND is_default AND is_active "
                + "AND name IN ('Venmo', 'Cash App', 'PayPal')", orgId));
        assertEquals(1, fx.count("SELECT count(*) FROM api_key WHERE org_id = $1 AND id = $2 AND key_hash = $3 AND scopes = 'read,write'",
                orgId, UUID.fromString(keyId), ApiKeys.hash(key)));

        // the initial key acts for the new organization, and only for it
        as(key).get("/api/v1/organization").then().statusCode(200).body("data.id", equalTo(id))
                .body("data.usage.api_keys", equalTo(1)).body("data.usage.projects", equalTo(0));
        as(key).get("/api/v1/api-keys").then().statusCode(200).body("data.id", contains(keyId));
        as(key).get(URL).then().statusCode(403).body("meta.required", equalTo("admin"));
    }

    @Test
    void createDefaultsToFreeAndUtc() {
        var platform = fx.platform();
        var res = post(platform, "{\"name\":\"Defaults\",\"unknown\":true}", 201);
        res.response().then().body("data.organization.tier", equalTo("free")).body("data.organization.timezone", equalTo("UTC"))
                .body("data.organization.banned", equalTo(false)).body("data.api_key.scopes", contains("read", "write"));
        // a free organization's daily quota is 0: its key is valid but every request is refused
        as(res.<String>path("data.api_key.key")).get("/api/v1/organization").then().statusCode(429);
        post(platform, "{\"name\":\"Ultra\",\"tier\":\"ultra\",\"timezone\":\"Etc/GMT+5\"}", 201).response().then()
                .body("data.organization.tier", equalTo("ultra")).body("data.organization.timezone", equalTo("Etc/GMT+5"));
    }

    @Test
    void createValidation() {
        var platform = fx.platform();
        assertEquals("{\"data\":null,\"error\":\"Missing required field: name\",\"meta\":{\"code\":\"invalid_body\",\"field\":\"name\"}}",
                post(platform, "{\"tier\":\"starter\"}", 400).asString());
        String[][] cases = {
                {"{\"name\":null}", "name"}, {"{\"name\":\"\"}", "name"}, {"{\"name\":\" \"}", "name"}, {"{\"name\":3}", "name"},
                {"{\"name\":\"" + "n".repeat(201) + "\"}", "name"},
                {"{\"name\":\"x\",\"tier\":\"gold\"}", "tier"}, {"{\"name\":\"x\",\"tier\":\"Starter\"}", "tier"},
                {"{\"name\":\"x\",\"tier\":null}", "tier"}, {"{\"name\":\"x\",\"tier\":1}", "tier"},
                {"{\"name\":\"x\",\"timezone\":\"UTC+25\"}", "timezone"}, {"{\"name\":\"x\",\"timezone\":\"Mars/Base\"}", "timezone"},
                {"{\"name\":\"x\",\"timezone\":null}", "timezone"}, {"{\"name\":\"x\",\"timezone\":\"utc\"}", "timezone"},
        };
        long before = fx.count("SELECT count(*) FROM organization");
        for (String[] c : cases) {
            assertEquals(invalidField(c[1]), post(platform, c[0], 400).asString(), c[0]);
        }
        for (String malformed : new String[]{"", "{", "[]", "\"x\""}) {
            post(platform, malformed, 400).response().then().body("error", equalTo("Malformed JSON body"));
        }
        as(platform).contentType("text/plain").body("{\"name\":\"x\"}").post(URL).then().statusCode(415);
        assertEquals(before, fx.count("SELECT count(*) FROM organization"));
    }

    @Test
    void listsAllOrganizationsNewestFirstAcrossPages() {
        var platform = fx.platform();
        var customer = fx.org("starter");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {   // with the platform and the customer, at least 7: three full pages of 2
            created.add(0, post(platform, "{\"name\":\"Paged " + i + "\"}", 201).path("data.organization.id"));
        }

        List<String> small = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            var req = as(platform).queryParam("limit", 2);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var res = req.get(URL).then().statusCode(200).body("data", hasSize(2)).body("meta.hasMore", equalTo(true)).extract();
            small.addAll(res.path("data.id"));
            cursor = res.path("meta.nextCursor");
        }
        assertEquals(created, small.subList(0, 5), "organizations created last come first");

        List<String> ids = new ArrayList<>();
        List<String> createdAts = new ArrayList<>();
        cursor = null;
        do {
            var req = as(platform).queryParam("limit", 100);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var res = req.get(URL).then().statusCode(200).extract();
            List<Map<String, Object>> data = res.path("data");
            data.forEach(o -> assertEquals(ORG_FIELDS, List.copyOf(o.keySet())));
            ids.addAll(res.path("data.id"));
            createdAts.addAll(res.path("data.created_at"));
            cursor = res.path("meta.nextCursor");
            assertEquals(res.<Boolean>path("meta.hasMore"), cursor != null);
        } while (cursor != null);
        assertEquals(small, ids.subList(0, small.size()));
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no organization twice");
        assertTrue(ids.containsAll(created) && ids.contains(customer.id().toString()) && ids.contains(platform.id().toString()));
        for (int i = 1; i < createdAts.size(); i++) {
            assertTrue(createdAts.get(i - 1).compareTo(createdAts.get(i)) >= 0, "newest first");
        }
    }

    @Test
    void patchesEveryField() {
        var platform = fx.platform();
        var customer = fx.org("starter");
        String id = customer.id().toString();
        var res = patch(platform, id, "{\"name\":\" Renamed \",\"tier\":\"ultra\",\"timezone\":\"Asia/Tokyo\",\"is_platform\":true}", 200);
        String createdAt = res.path("data.created_at");
        String updatedAt = res.path("data.updated_at");
        assertTrue(updatedAt.matches(TIMESTAMP) && updatedAt.compareTo(createdAt) > 0, createdAt + " " + updatedAt);
        assertEquals("{\"data\":" + orgJson(id, "Renamed", "ultra", "Asia/Tokyo", false, false, createdAt, updatedAt)
                + ",\"error\":null,\"meta\":null}", res.asString());
        // the customer sees the new tier's limits at once
        as(customer).get("/api/v1/organization").then().statusCode(200).body("data.name", equalTo("Renamed"))
                .body("data.limits.max_creators_per_org", equalTo(300));
        patch(platform, customer.id().toString().toUpperCase(), "{\"tier\":\"free\"}", 200).response().then()
                .body("data.tier", equalTo("free")).body("data.name", equalTo("Renamed")).body("data.timezone", equalTo("Asia/Tokyo"));
    }

    @Test
    void patchValidation() {
        var platform = fx.platform();
        var customer = fx.org("starter");
        String[][] cases = {
                {"{\"name\":null}", "name"}, {"{\"name\":\"\"}", "name"}, {"{\"name\":\"" + "n".repeat(201) + "\"}", "name"},
                {"{\"tier\":\"gold\"}", "tier"}, {"{\"tier\":null}", "tier"},
                {"{\"timezone\":\"Mars/Base\"}", "timezone"}, {"{\"timezone\":null}", "timezone"},
                {"{\"banned\":\"yes\"}", "banned"}, {"{\"banned\":null}", "banned"}, {"{\"banned\":1}", "banned"},
                {"{\"name\":\"ok\",\"banned\":\"true\"}", "banned"},
        };
        for (String[] c : cases) {
            assertEquals(invalidField(c[1]), patch(platform, customer.id(), c[0], 400).asString(), c[0]);
        }
        for (String none : new String[]{"{}", "{\"is_platform\":true,\"id\":\"x\"}"}) {
            assertEquals("{\"data\":null,\"error\":\"At least one updatable field is required\",\"meta\":{\"code\":\"invalid_body\"}}",
                    patch(platform, customer.id(), none, 400).asString());
        }
        patch(platform, customer.id(), "[]", 400).response().then().body("error", equalTo("Malformed JSON body"));
        as(customer).get("/api/v1/organization").then().statusCode(200).body("data.tier", equalTo("starter"));

        assertEquals("{\"data\":null,\"error\":\"Not found\",\"meta\":{\"code\":\"not_found\"}}",
                patch(platform, UUID.randomUUID(), "{\"banned\":true}", 404).asString());
        assertEquals("{\"data\":null,\"error\":\"Invalid parameter: id\",\"meta\":{\"code\":\"invalid_params\",\"param\":\"id\"}}",
                patch(platform, "xyz", "{\"banned\":true}", 400).asString());
        // path before body
        patch(platform, "xyz", "{", 400).response().then().body("meta.code", equalTo("invalid_params"));
    }

    @Test
    void banAndUnban() {
        var platform = fx.platform();
        var customer = fx.org("starter");
        String second = fx.newKey(customer.id(), "read");
        patch(platform, customer.id(), "{\"banned\":true}", 200).response().then()
                .body("data.banned", equalTo(true)).body("data.id", equalTo(customer.id().toString()));
        String banned = "{\"data\":null,\"error\":\"Organization is banned\",\"meta\":{\"code\":\"org_banned\"}}";
        for (String key : List.of(customer.key(), second)) {
            assertEquals(banned, as(key).get("/api/v1/organization").then().statusCode(403).extract().asString());
            assertEquals(banned, as(key).get("/api/v1/api-keys").then().statusCode(403).extract().asString());
            assertEquals(banned, as(key).get("/api/v1/no-such-route").then().statusCode(403).extract().asString());
        }
        as(customer).contentType("application/json").body("{\"name\":\"x\"}").post("/api/v1/api-keys").then().statusCode(403)
                .body("meta.code", equalTo("org_banned"));
        // still administrable
        patch(platform, customer.id(), "{\"banned\":false,\"tier\":\"ultra\"}", 200).response().then()
                .body("data.banned", equalTo(false)).body("data.tier", equalTo("ultra"));
        as(customer).get("/api/v1/projects").then().statusCode(200);
    }

    @Test
    void thePlatformCannotBeBanned() {
        var platform = fx.platform();
        assertEquals(invalidField("banned"), patch(platform, platform.id(), "{\"banned\":true}", 400).asString());
        assertEquals(invalidField("banned"), patch(platform, platform.id(), "{\"name\":\"Renamed platform\",\"banned\":true}", 400).asString());
        patch(platform, platform.id(), "{\"banned\":false}", 200).response().then()
                .body("data.banned", equalTo(false)).body("data.is_platform", equalTo(true));
        assertEquals(0, fx.count("SELECT count(*) FROM organization WHERE is_platform AND (banned OR name = 'Renamed platform')"));
        as(platform).get(URL).then().statusCode(200);
    }

    @Test
    void needsTheAdminScope() {
        var platform = fx.platform();
        var customer = fx.org("ultra");
        String platformWithoutAdmin = fx.newKey(platform.id(), "read,write");
        for (String key : List.of(customer.key(), platformWithoutAdmin)) {
            String expected = "{\"data\":null,\"error\":\"This action requires the 'admin' scope. Granted: [read, write]\","
                    + "\"meta\":{\"code\":\"insufficient_scope\",\"required\":\"admin\",\"granted\":[\"read\",\"write\"]}}";
            assertEquals(expected, as(key).get(URL).then().statusCode(403).extract().asString());
            // the scope is checked before the path and the body
            assertEquals(expected, as(key).contentType("application/json").body("{").post(URL).then().statusCode(403).extract().asString());
            assertEquals(expected, as(key).contentType("application/json").body("{\"banned\":true}").patch(URL + "/xyz")
                    .then().statusCode(403).extract().asString());
            assertEquals(expected, as(key).contentType("application/json").body("{\"banned\":true}").patch(URL + "/" + customer.id())
                    .then().statusCode(403).extract().asString());
        }
        as(customer).get("/api/v1/organization").then().statusCode(200).body("data.banned", equalTo(false));
    }

    @Test
    void aRenameCommittedWhileABanRunsIsNotUndone() throws Exception {
        var platform = fx.platform();
        var customer = fx.org("starter");
        int status = fx.whileUncommitted("UPDATE organization SET name = 'Renamed meanwhile' WHERE id = $1", new Object[]{customer.id()},
                () -> patch(platform, customer.id(), "{\"banned\":true}", 200).statusCode());
        assertEquals(200, status);
        assertEquals(1, fx.count("SELECT count(*) FROM organization WHERE id = $1 AND banned AND name = 'Renamed meanwhile'", customer.id()));
    }
}
