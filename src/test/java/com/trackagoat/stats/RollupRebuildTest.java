package com.trackagoat.stats;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rebuild path of the rollups (docs/decisions.md, "Stats rollups"): the admin endpoint and a time zone change. */
@QuarkusTest
class RollupRebuildTest extends ApiTest {

    @Inject
    RollupBuildJob build;

    record World(UUID creator, UUID video) {
    }

    World world(com.trackagoat.support.Fixtures.Org org) {
        UUID o = org.id();
        UUID p = fx.project(o, "P");
        UUID c = fx.creator(o, p, "kay", "active");
        fx.creatorSnapshot(o, c, "2026-03-02T15:00:00Z", 1000, 10, 5000, 20, "creator_added");
        fx.creatorSnapshot(o, c, "2026-03-04T03:00:00Z", 1100, 11, 5200, 21, null);
        UUID v = fx.video(o, p, c, "auto_tracked");
        fx.postedAt(v, "2026-03-01T23:30:00Z");
        fx.videoSnapshot(o, v, "2026-03-02T15:00:00Z", 100, 10, 1, 1, 2, "video_added");
        fx.videoSnapshot(o, v, "2026-03-03T03:30:00Z", 150, 15, 1, 1, 2, null);
        fx.videoSnapshot(o, v, "2026-03-04T15:00:00Z", 400, 40, 3, 2, 4, null);
        return new World(c, v);
    }

    String answer(com.trackagoat.support.Fixtures.Org org, String path) {
        fx.sql("UPDATE organization SET stats_version = stats_version + 1 WHERE id = $1", org.id());   // no cached body
        return as(org).get(path + "?from=2026-03-01&to=2026-03-06").then().statusCode(200).extract().asString();
    }

    @Test
    void theAdminRebuildIsIdempotentAndGivesTheSameAnswers() {
        var org = fx.org("starter", "Asia/Kolkata", false);
        World w = world(org);
        String creator = answer(org, "/api/v1/creators/" + w.creator() + "/stats");
        String video = answer(org, "/api/v1/videos/" + w.video() + "/stats");
        var admin = fx.platform();
        for (int i = 0; i < 2; i++) {   // the second request finds the build under way
            as(admin).post("/api/v1/admin/organizations/" + org.id() + "/rollups/rebuild").then().statusCode(202)
                    .body(equalTo("{\"data\":{\"organization_id\":\"" + org.id() + "\",\"timezone\":\"Asia/Kolkata\",\"status\":\"building\"},"
                            + "\"error\":null,\"meta\":null}"));
        }
        assertEquals(1, fx.count("SELECT count(*) FROM rollup_zone WHERE org_id = $1 AND state = 'building'", org.id()));
        long old = fx.count("SELECT id FROM rollup_zone WHERE org_id = $1 AND state = 'ready'", org.id());
        assertEquals(creator, answer(org, "/api/v1/creators/" + w.creator() + "/stats"), "the current rollups answer meanwhile");

        build.buildAll().await().atMost(Duration.ofMinutes(1));
        assertEquals(1, fx.count("SELECT count(*) FROM rollup_zone WHERE org_id = $1", org.id()), "the new zone replaced the old one");
        assertEquals(1, fx.count("SELECT count(*) FROM rollup_zone WHERE org_id = $1 AND state = 'ready' AND id > $2", org.id(), old));
        assertEquals(creator, answer(org, "/api/v1/creators/" + w.creator() + "/stats"));
        assertEquals(video, answer(org, "/api/v1/videos/" + w.video() + "/stats"));
    }

    @Test
    void rebuildingAnUnknownOrganizationIs404() {
        as(fx.platform()).post("/api/v1/admin/organizations/" + UUID.randomUUID() + "/rollups/rebuild").then().statusCode(404)
                .body(equalTo("{\"data\":null,\"error\":\"Not found\",\"meta\":{\"code\":\"not_found\"}}"));
    }

    @Test
    void aNewTimeZoneIsAnsweredFromSnapshotsUntilItsRollupsAreBuilt() {
        var org = fx.org("starter", "UTC", false);
        World w = world(org);
        String path = "/api/v1/creators/" + w.creator() + "/stats";
        String inNewYork = as(org).get(path + "?from=2026-03-01&to=2026-03-06&tz=America/New_York").then().statusCode(200).extract().asString();

        as(org).contentType("application/json").body("{\"timezone\":\"America/New_York\"}").patch("/api/v1/organization").then().statusCode(200);
        assertEquals(1, fx.count("SELECT count(*) FROM rollup_zone WHERE org_id = $1 AND tz = 'America/New_York' AND state = 'building'", org.id()));
        assertEquals(inNewYork, answer(org, path), "from snapshots while the zone is built");

        build.buildAll().await().atMost(Duration.ofMinutes(1));
        assertEquals(1, fx.count("SELECT count(*) FROM rollup_zone WHERE org_id = $1 AND tz = 'America/New_York' AND state = 'ready'", org.id()));
        assertEquals(0, fx.count("SELECT count(*) FROM rollup_zone WHERE org_id = $1 AND tz = 'UTC'", org.id()));
        assertEquals(inNewYork, answer(org, path), "from the rollups of the new zone");
    }
}
