package com.trackagoat.org;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AdminOrganizationResourceTest extends ApiTest {

    @Inject
    Fixtures fx;

    @Test
    void createsAnOrganizationWithItsInitialKeyAndPayoutDefaults() {
        var platform = fx.platform();
        var res = as(platform).contentType("application/json")
                .body("{\"name\":\"Acme Agency\",\"tier\":\"starter\",\"timezone\":\"Europe/Berlin\"}")
                .post("/api/v1/admin/organizations").then().statusCode(201)
                .body("data.organization.name", equalTo("Acme Agency"))
                .body("data.organization.tier", equalTo("starter"))
                .body("data.organization.timezone", equalTo("Europe/Berlin"))
                .body("data.organization.banned", equalTo(false))
                .body("data.organization.is_platform", equalTo(false))
                .body("data.api_key.name", equalTo("Initial key"))
                .body("data.api_key.scopes", contains("read", "write"))
                .body("data.api_key.key", matchesPattern("tga_[0-9a-f]{64}"))
                .extract();
        UUID id = UUID.fromString(res.path("data.organization.id"));
        assertEquals(3, fx.count("SELECT count(*) FROM payout_method WHERE org_id = $1 AND is_default AND name IN ('Venmo', 'Cash App', 'PayPal')", id));
        String key = res.path("data.api_key.key");
        as(key).get("/api/v1/organization").then().statusCode(200).body("data.id", equalTo(id.toString()));
        as(key).get("/api/v1/admin/organizations").then().statusCode(403).body("meta.required", equalTo("admin"));

        as(platform).contentType("application/json").body("{\"name\":\"Defaults\"}").post("/api/v1/admin/organizations")
                .then().statusCode(201).body("data.organization.tier", equalTo("free")).body("data.organization.timezone", equalTo("UTC"));
        as(platform).get("/api/v1/admin/organizations?limit=100").then().statusCode(200)
                .body("data.name", hasItem("Acme Agency"));
    }

    @Test
    void banAndUnban() {
        var platform = fx.platform();
        var customer = fx.org("starter");
        as(platform).contentType("application/json").body("{\"banned\":true}").patch("/api/v1/admin/organizations/" + customer.id())
                .then().statusCode(200).body("data.banned", equalTo(true)).body("data.id", equalTo(customer.id().toString()));
        as(customer).get("/api/v1/projects").then().statusCode(403).body("meta.code", equalTo("org_banned"));
        as(platform).contentType("application/json").body("{\"banned\":false,\"tier\":\"ultra\"}").patch("/api/v1/admin/organizations/" + customer.id())
                .then().statusCode(200).body("data.tier", equalTo("ultra"));
        as(customer).get("/api/v1/projects").then().statusCode(200);
        as(platform).contentType("application/json").body("{\"banned\":true}").patch("/api/v1/admin/organizations/" + platform.id())
                .then().statusCode(400).body("meta.code", equalTo("invalid_body")).body("meta.field", equalTo("banned"));
    }

    @Test
    void validation() {
        var platform = fx.platform();
        String url = "/api/v1/admin/organizations";
        as(platform).contentType("application/json").body("{}").post(url).then().statusCode(400).body("error", equalTo("Missing required field: name"));
        as(platform).contentType("application/json").body("{\"name\":\"x\",\"tier\":\"gold\"}").post(url).then().statusCode(400).body("meta.field", equalTo("tier"));
        as(platform).contentType("application/json").body("{\"name\":\"x\",\"timezone\":\"UTC+25\"}").post(url).then().statusCode(400).body("meta.field", equalTo("timezone"));
        as(platform).contentType("application/json").body("{\"banned\":\"yes\"}").patch(url + "/" + UUID.randomUUID()).then().statusCode(400).body("meta.field", equalTo("banned"));
        as(platform).contentType("application/json").body("{\"banned\":true}").patch(url + "/" + UUID.randomUUID()).then().statusCode(404);
        as(platform).contentType("application/json").body("{\"banned\":true}").patch(url + "/xyz").then().statusCode(400).body("meta.code", equalTo("invalid_params"));
    }
}
