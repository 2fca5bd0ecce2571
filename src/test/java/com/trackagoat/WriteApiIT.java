package com.trackagoat;

import com.trackagoat.support.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.trackagoat.PackagedAppIT.ADMIN;
import static com.trackagoat.PackagedAppIT.as;
import static com.trackagoat.PackagedAppIT.json;
import static com.trackagoat.PackagedAppIT.newOrganization;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Black-box tests of the write API against the packaged application (jar, or the native binary
 * with {@code -Pnative}): HTTP only, each test in an organization it creates through the admin API.
 * Every response type goes through Jackson here, so a type missing from the native reflection
 * registration shows up as a failure when these run against the native binary.
 */
@QuarkusIntegrationTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@TestProfile(PackagedAppIT.Demo.class)
class WriteApiIT {

    static final String VIDEO_ID = "7612286648732826701";   // upper 32 bits: its posting time
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @Test
    void projectsCreatorsVideosAndCampaignsFromCreationToDeletion() {
        String key = newOrganization("ultra");

        // project: create, get, patch, list
        String project = json(key, "{\"name\":\" Launch \",\"readme\":\"notes\"}").post("/api/v1/projects").then().statusCode(201)
                .body("data.name", equalTo("Launch")).body("data.readme", equalTo("notes"))
                .body("data.created_at", matchesPattern(TIMESTAMP)).body("error", nullValue()).body("meta", nullValue())
                .extract().path("data.id");
        as(key).get("/api/v1/projects/" + project).then().statusCode(200).body("data.id", equalTo(project));
        json(key, "{\"name\":\"Launch 2\"}").patch("/api/v1/projects/" + project).then().statusCode(200)
                .body("data.name", equalTo("Launch 2")).body("data.readme", equalTo("notes"));
        as(key).get("/api/v1/projects").then().statusCode(200).body("data.id", contains(project))
                .body("meta.hasMore", equalTo(false)).body("meta.nextCursor", nullValue());

        // creators: one (initial scrape before the answer), then a bulk body with a bad item
        String creator = json(key, "{\"tiktok_handle\":\"@IT.Chef\",\"metadata\":{\"team\":\"food\"}}")
                .post("/api/v1/projects/" + project + "/creators").then().statusCode(201)
                .body("data.tiktok_handle", equalTo("it.chef")).body("data.status", equalTo("active"))
                .body("data.tracking_mode", equalTo("auto")).body("data.metadata.team", equalTo("food"))
                .body("data.follower_count", notNullValue()).body("data.last_scraped_at", matchesPattern(TIMESTAMP))
                .extract().path("data.id");
        json(key, "{\"creators\":[{\"tiktok_handle\":\"it.baker\",\"tracking_mode\":\"selective\"},{\"tiktok_handle\":\"bad handle!\"}]}")
                .post("/api/v1/projects/" + project + "/creators").then().statusCode(200)
                .body("data.created.tiktok_handle", contains("it.baker")).body("data.created[0].tracking_mode", equalTo("selective"))
                .body("data.reactivated", hasSize(0))
                .body("data.errors[0].tiktok_handle", equalTo("bad handle!")).body("data.errors[0].code", equalTo("invalid_handle"));
        json(key, "{\"tiktok_handle\":\"it.chef\"}").post("/api/v1/projects/" + project + "/creators").then().statusCode(409)
                .body("meta.code", equalTo("handle_taken"));
        as(key).get("/api/v1/creators?project_id=" + project).then().statusCode(200)
                .body("data.tiktok_handle", containsInAnyOrder("it.chef", "it.baker"));
        json(key, "{\"readme\":\"Posts Tue/Thu.\"}").patch("/api/v1/creators/" + creator).then().statusCode(200)
                .body("data.readme", equalTo("Posts Tue/Thu.")).body("data.metadata.team", equalTo("food"));
        as(key).post("/api/v1/creators/" + creator + "/scrape").then().statusCode(200)
                .body("data.entity_type", equalTo("creator")).body("data.entity_id", equalTo(creator))
                .body("data.captured_at", matchesPattern(TIMESTAMP)).body("data.snapshots_written", notNullValue());

        // a video by URL: linked to the creator of its handle, normalized URL, baseline taken
        String video = json(key, "{\"url\":\"https://m.tiktok.com/@IT.Chef/video/" + VIDEO_ID + "?lang=en\",\"readme\":\"Paid\"}")
                .post("/api/v1/projects/" + project + "/videos").then().statusCode(201)
                .body("data.url", equalTo("https://www.tiktok.com/@it.chef/video/" + VIDEO_ID))
                .body("data.tiktok_video_id", equalTo(VIDEO_ID)).body("data.creator_id", equalTo(creator))
                .body("data.tracking_status", equalTo("direct_add")).body("data.posted_at", equalTo(java.time.Instant.ofEpochSecond(Long.parseUnsignedLong(VIDEO_ID) >>> 32).toString()))
                .extract().path("data.id");
        json(key, "{\"url\":\"https://www.tiktok.com/@x/video/" + VIDEO_ID + "\"}").post("/api/v1/projects/" + project + "/videos")
                .then().statusCode(409).body("meta.code", equalTo("duplicate")).body("error", equalTo("Video is already tracked in this project"));
        as(key).get("/api/v1/videos/" + video).then().statusCode(200).body("data.readme", equalTo("Paid"));
        as(key).get("/api/v1/videos?project_id=" + project + "&tracking_status=direct_add").then().statusCode(200)
                .body("data.id", contains(video));
        json(key, "{\"metadata\":{\"deal\":\"Q1\"}}").patch("/api/v1/videos/" + video).then().statusCode(200)
                .body("data.metadata.deal", equalTo("Q1")).body("data.readme", equalTo("Paid"));
        as(key).post("/api/v1/videos/" + video + "/tracking-disable").then().statusCode(200).body("data.tracking_disabled", equalTo(true));
        as(key).post("/api/v1/videos/" + video + "/tracking-enable").then().statusCode(200).body("data.tracking_disabled", equalTo(false));
        as(key).post("/api/v1/videos/" + video + "/scrape").then().statusCode(200)
                .body("data.entity_type", equalTo("video")).body("data.entity_id", equalTo(video)).body("data.videos_discovered", equalTo(0));
        String unknown = UUID.randomUUID().toString();
        json(key, "{\"video_ids\":[\"" + video + "\",\"" + unknown + "\"]}").post("/api/v1/projects/" + project + "/videos/bulk-tracking-disable")
                .then().statusCode(200).body("data.disabled", contains(video))
                .body("data.errors[0].video_id", equalTo(unknown)).body("data.errors[0].code", equalTo("not_found"));

        // a campaign with items, one nested campaign; cycles and duplicates refused
        String campaign = json(key, "{\"name\":\"Q4 Push\",\"target_views\":1000000,\"metadata\":{\"brief\":\"x\"}}")
                .post("/api/v1/projects/" + project + "/campaigns").then().statusCode(201)
                .body("data.name", equalTo("Q4 Push")).body("data.target_views", equalTo(1000000)).body("data.metadata.brief", equalTo("x"))
                .extract().path("data.id");
        String child = json(key, "{\"name\":\"Q4 Child\"}").post("/api/v1/projects/" + project + "/campaigns").then().statusCode(201)
                .extract().path("data.id");
        String items = "/api/v1/campaigns/" + campaign + "/items";
        json(key, item("creator", creator)).post(items).then().statusCode(201)
                .body("data.campaign_id", equalTo(campaign)).body("data.item_type", equalTo("creator")).body("data.item_id", equalTo(creator))
                .body("data.created_at", matchesPattern(TIMESTAMP));
        json(key, item("video", video)).post(items).then().statusCode(201);
        json(key, item("campaign", child)).post(items).then().statusCode(201);
        json(key, item("video", video)).post(items).then().statusCode(409).body("meta.code", equalTo("duplicate"));
        json(key, item("campaign", campaign)).post("/api/v1/campaigns/" + child + "/items").then().statusCode(409)
                .body("meta.code", equalTo("cycle_detected"));
        as(key).get(items).then().statusCode(200).body("data.item_type", containsInAnyOrder("creator", "video", "campaign"))
                .body("meta.hasMore", equalTo(false));
        json(key, "{\"target_views\":null,\"readme\":\"r\"}").patch("/api/v1/campaigns/" + campaign).then().statusCode(200)
                .body("data.target_views", nullValue()).body("data.readme", equalTo("r"));
        as(key).get("/api/v1/campaigns?project_id=" + project).then().statusCode(200).body("data", hasSize(2));
        as(key).delete(items + "?item_type=video&item_id=" + video).then().statusCode(200)
                .body("data.item_id", equalTo(video)).body("data.deleted", equalTo(true));
        as(key).delete(items + "?item_type=video&item_id=" + video).then().statusCode(404).body("meta.code", equalTo("not_found"));

        // deletions: {"id", "deleted": true}, then gone
        as(key).delete("/api/v1/campaigns/" + campaign).then().statusCode(200)
                .body("data.id", equalTo(campaign)).body("data.deleted", equalTo(true));
        as(key).get("/api/v1/campaigns/" + campaign).then().statusCode(404);
        as(key).delete("/api/v1/videos/" + video).then().statusCode(200).body("data.id", equalTo(video)).body("data.deleted", equalTo(true));
        as(key).get("/api/v1/videos/" + video).then().statusCode(404);
        as(key).delete("/api/v1/creators/" + creator).then().statusCode(200).body("data.deleted", equalTo(true));
        as(key).delete("/api/v1/creators/" + creator).then().statusCode(404);
        json(key, "{\"creator_ids\":[\"" + creator + "\"]}").post("/api/v1/projects/" + project + "/creators/bulk-reenable")
                .then().statusCode(200).body("data.reenabled", contains(creator)).body("data.errors", hasSize(0));
        as(key).get("/api/v1/creators/" + creator).then().statusCode(200).body("data.status", equalTo("active"));
    }

    static String item(String type, String id) {
        return "{\"item_type\":\"" + type + "\",\"item_id\":\"" + id + "\"}";
    }

    @Test
    void organizationApiKeysAndAdministration() {
        String key = newOrganization("starter");
        String org = as(key).get("/api/v1/organization").then().statusCode(200)
                .body("data.tier", equalTo("starter")).body("data.timezone", equalTo("UTC"))
                .body("data.limits.max_projects_per_org", equalTo(3)).body("data.usage.api_keys", equalTo(1))
                .extract().path("data.id");
        json(key, "{\"timezone\":\"Europe/Berlin\"}").patch("/api/v1/organization").then().statusCode(200)
                .body("data.timezone", equalTo("Europe/Berlin")).body("data.usage.projects", equalTo(0));

        var created = json(key, "{\"name\":\"Read only\",\"scopes\":[\"read\"]}").post("/api/v1/api-keys").then().statusCode(201)
                .body("data.scopes", contains("read")).body("data.key", matchesPattern("tga_[0-9a-f]{64}")).extract();
        String readOnly = created.path("data.key");
        String readOnlyId = created.path("data.id");
        as(key).get("/api/v1/api-keys").then().statusCode(200).body("data", hasSize(2)).body("data.key", contains(nullValue(), nullValue()));
        as(readOnly).get("/api/v1/projects").then().statusCode(200).body("data", hasSize(0));
        json(readOnly, "{\"name\":\"P\"}").post("/api/v1/projects").then().statusCode(403)
                .body("meta.code", equalTo("insufficient_scope")).body("meta.required", equalTo("write"))
                .body("error", equalTo("This action requires the 'write' scope. Granted: [read]"));
        as(key).delete("/api/v1/api-keys/" + readOnlyId).then().statusCode(200).body("data.deleted", equalTo(true));
        as(readOnly).get("/api/v1/projects").then().statusCode(401).body("meta.code", equalTo("invalid_api_key"));

        // platform administration: only the admin key; ban and unban
        as(key).get("/api/v1/admin/organizations").then().statusCode(403).body("meta.required", equalTo("admin"));
        as(ADMIN).get("/api/v1/admin/organizations?limit=100").then().statusCode(200).body("data.id", hasItem(org));
        json(ADMIN, "{\"banned\":true}").patch("/api/v1/admin/organizations/" + org).then().statusCode(200)
                .body("data.id", equalTo(org)).body("data.banned", equalTo(true));
        as(key).get("/api/v1/projects").then().statusCode(403).body("data", nullValue())
                .body("error", equalTo("Organization is banned")).body("meta.code", equalTo("org_banned"));
        json(ADMIN, "{\"banned\":false,\"tier\":\"ultra\"}").patch("/api/v1/admin/organizations/" + org).then().statusCode(200)
                .body("data.banned", equalTo(false)).body("data.tier", equalTo("ultra"));
        as(key).get("/api/v1/organization").then().statusCode(200).body("data.limits.max_projects_per_org", equalTo(10));
    }

    @Test
    void idempotentCreatesReplayTheStoredAnswer() {
        String key = newOrganization("ultra");
        String idem = UUID.randomUUID().toString();
        var first = json(key, "{\"name\":\"Once\"}").header("Idempotency-Key", idem).post("/api/v1/projects").then().statusCode(201).extract();
        var again = json(key, "{\"name\":\"Once\"}").header("Idempotency-Key", idem).post("/api/v1/projects").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertEquals(first.asString(), again.asString());
        json(key, "{\"name\":\"Other\"}").header("Idempotency-Key", idem).post("/api/v1/projects").then().statusCode(409)
                .body("meta.code", equalTo("idempotency_key_reused"));
        as(key).get("/api/v1/projects").then().statusCode(200).body("data.name", contains("Once"));
    }

    @Test
    void errorsComeInTheEnvelopeWithTheirCodes() {
        String key = newOrganization("starter");   // 3 projects at most
        for (int i = 1; i <= 3; i++) {
            json(key, "{\"name\":\"P" + i + "\"}").post("/api/v1/projects").then().statusCode(201);
        }
        assertEquals("{\"data\":null,\"error\":\"Limit reached: max_projects_per_org\",\"meta\":{\"code\":\"limit_reached\","
                        + "\"limitKey\":\"max_projects_per_org\",\"current\":3,\"max\":3}}",
                json(key, "{\"name\":\"P4\"}").post("/api/v1/projects").then().statusCode(402).extract().asString());
        assertEquals("{\"data\":null,\"error\":\"Missing required field: name\",\"meta\":{\"code\":\"invalid_body\",\"field\":\"name\"}}",
                json(key, "{\"readme\":\"x\"}").post("/api/v1/projects").then().statusCode(400).extract().asString());
        json(key, "{\"name\":3}").post("/api/v1/projects").then().statusCode(400)
                .body("error", equalTo("Invalid field: name")).body("meta.field", equalTo("name"));
        json(key, "[1]").post("/api/v1/projects").then().statusCode(400).body("error", equalTo("Malformed JSON body"));
        as(key).contentType("text/plain").body("{\"name\":\"x\"}").post("/api/v1/projects").then().statusCode(415)
                .body("meta.code", equalTo("unsupported_media_type"));
        as(key).get("/api/v1/projects?limit=0").then().statusCode(400)
                .body("meta.code", equalTo("invalid_query")).body("meta.param", equalTo("limit"));
        as(key).get("/api/v1/projects?cursor=nonsense").then().statusCode(400).body("meta.param", equalTo("cursor"));
        as(key).get("/api/v1/creators/" + UUID.randomUUID()).then().statusCode(404)
                .body("data", nullValue()).body("error", equalTo("Not found")).body("meta.code", equalTo("not_found"));

        // another organization's ids are not found
        String project = as(key).get("/api/v1/projects?limit=1").then().extract().path("data[0].id");
        String other = newOrganization("ultra");
        as(other).get("/api/v1/projects/" + project).then().statusCode(404).body("meta.code", equalTo("not_found"));
        json(other, "{\"url\":\"https://www.tiktok.com/@a/video/1\"}").post("/api/v1/projects/" + project + "/videos").then().statusCode(404);
        json(key, "{\"url\":\"https://www.youtube.com/watch?v=1\"}").post("/api/v1/projects/" + project + "/videos").then().statusCode(400)
                .body("meta.code", equalTo("invalid_body")).body("meta.field", equalTo("url"));
        json(key, "{\"tiktok_handle\":\"bad handle!\"}").post("/api/v1/projects/" + project + "/creators").then().statusCode(409)
                .body("meta.code", equalTo("invalid_handle")).body("error", equalTo("invalid_handle"));
    }
}
