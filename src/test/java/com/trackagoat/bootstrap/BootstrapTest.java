package com.trackagoat.bootstrap;

import com.trackagoat.scrape.Backfill;
import com.trackagoat.support.ApiTest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(BootstrapTest.Demo.class)
class BootstrapTest extends ApiTest {

    static final String ADMIN = "tga_" + "a1".repeat(32);
    static final String DEMO = "tga_" + "d3".repeat(32);

    public static class Demo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trackagoat.bootstrap.admin-key", ADMIN, "trackagoat.demo.enabled", "true",
                    "trackagoat.demo.api-key", DEMO, "trackagoat.demo.history-days", "10");
        }
    }

    @Inject
    DemoSeeder seeder;
    @Inject
    Backfill backfill;

    @Test
    void theAdminKeyLivesInThePlatformOrganization() {
        assertEquals(1, fx.count("SELECT count(*) FROM organization WHERE is_platform AND name = 'Platform' AND tier = 'ultra'"));
        assertEquals(1, fx.count("SELECT count(*) FROM api_key k JOIN organization o ON o.id = k.org_id "
                + "WHERE o.is_platform AND k.name = 'Bootstrap admin key' AND k.scopes = 'read,write,admin'"));
        as(ADMIN).get("/api/v1/projects").then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void theDemoOrganizationHasItsContentAndHistory() {
        as(DEMO).get("/api/v1/projects").then().statusCode(200).body("data", hasSize(2));
        as(DEMO).get("/api/v1/creators").then().statusCode(200).body("data", hasSize(7));
        as(DEMO).get("/api/v1/videos?limit=100").then().statusCode(200).body("data", hasSize(43));
        as(DEMO).get("/api/v1/campaigns").then().statusCode(200).body("data", hasSize(3));
        UUID demo = UUID.fromString(demoOrgId());
        assertEquals(7, fx.count("SELECT count(*) FROM goal WHERE org_id = $1", demo));
        assertEquals(41, fx.count("SELECT count(*) FROM video WHERE org_id = $1 AND tracking_status IN ('auto_tracked', 'included', 'direct_add')", demo));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long slots = Instant.now().isBefore(today.atTime(12, 0).toInstant(ZoneOffset.UTC)) ? 9 : 10;
        assertEquals(7 * slots, fx.count("SELECT count(*) FROM creator_snapshot WHERE org_id = $1 AND source = 'backfill'", demo));
        assertEquals(0, fx.count("SELECT count(*) FROM video_snapshot s JOIN video v ON v.id = s.video_id WHERE v.org_id = $1 AND v.tracking_status = 'excluded'", demo));
        String creator = as(DEMO).get("/api/v1/creators?search=chef.maria").then().extract().path("data[0].id");
        as(DEMO).get("/api/v1/creators/" + creator + "/stats?tz=UTC").then().statusCode(200)
                .body("data.history.size()", greaterThan(5))
                .body("data.first_data_date", equalTo(today.minusDays(9).toString()));
        String campaign = as(DEMO).get("/api/v1/campaigns").then().extract().path("data.find { it.name == 'Always-On 2026' }.id");
        as(DEMO).get("/api/v1/campaigns/" + campaign + "/stats").then().statusCode(200).body("data.totals.creators", equalTo(3))
                .body("data.totals.videos", equalTo(6 * 3 + 2));
    }

    @Test
    void bootstrapIsIdempotent() throws Throwable {
        UUID demo = UUID.fromString(demoOrgId());
        long snapshots = fx.count("SELECT count(*) FROM video_snapshot WHERE org_id = $1", demo);
        UUID again = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> seeder.ensure(DEMO)));
        VertxContextSupport.subscribeAndAwait(() -> backfill.ensureHistory(again, 10, Instant.now()));
        assertEquals(demo, again);
        assertEquals(1, fx.count("SELECT count(*) FROM organization WHERE is_demo"));
        assertEquals(snapshots, fx.count("SELECT count(*) FROM video_snapshot WHERE org_id = $1", demo));
        assertEquals(1, fx.count("SELECT count(*) FROM api_key WHERE org_id = $1", demo));
    }

    private String demoOrgId() {
        return as(DEMO).get("/api/v1/projects").then().extract().path("data[0].org_id");
    }
}
