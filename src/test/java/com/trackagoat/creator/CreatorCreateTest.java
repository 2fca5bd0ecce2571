package com.trackagoat.creator;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CreatorCreateTest extends ApiTest {

    String url(UUID project) {
        return "/api/v1/projects/" + project + "/creators";
    }

    @Test
    void createsWithAnInitialScrape() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        String start = LocalDate.now(ZoneOffset.UTC).minusDays(30).toString();
        var res = as(org).contentType("application/json")
                .body("{\"tiktok_handle\":\"@Chef.Maria\",\"tracking_start_date\":\"" + start + "\",\"readme\":\"Cooks\",\"metadata\":{\"tier\":\"gold\"}}")
                .post(url(p)).then().statusCode(201)
                .body("data.tiktok_handle", equalTo("chef.maria"))
                .body("data.project_id", equalTo(p.toString()))
                .body("data.tracking_mode", equalTo("auto"))
                .body("data.tracking_start_date", equalTo(start))
                .body("data.status", equalTo("active"))
                .body("data.readme", equalTo("Cooks"))
                .body("data.metadata.tier", equalTo("gold"))
                .body("data.follower_count", notNullValue())
                .body("data.last_scraped_at", notNullValue())
                .extract();
        UUID id = UUID.fromString(res.path("data.id"));
        assertEquals(1, fx.count("SELECT count(*) FROM creator_snapshot WHERE creator_id = $1 AND source = 'initial' AND baseline_reason = 'creator_added'", id));
        long videos = fx.count("SELECT count(*) FROM video WHERE creator_id = $1", id);
        assertTrue(videos > 0, "30 days of discovery at 0.3–1.2 posts a day: Poisson with a mean of at least 9");
        assertEquals(videos, fx.count("SELECT count(*) FROM video_snapshot s JOIN video v ON v.id = s.video_id WHERE v.creator_id = $1 AND s.source = 'initial' AND s.is_baseline", id));
        as(org).contentType("application/json").body("{\"tiktok_handle\":\"https://www.tiktok.com/@khaby.lame\",\"tracking_mode\":\"selective\"}")
                .post(url(p)).then().statusCode(201).body("data.tiktok_handle", equalTo("khaby.lame")).body("data.tracking_mode", equalTo("selective"));
    }

    @Test
    void conflictsAndErrors() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        fx.creator(org.id(), p, "taken", "disabled");
        String[][] cases = {{"bad handle!", "invalid_handle"}, {"banned.one", "creator_banned"}, {"@Taken", "handle_taken"}};
        for (String[] k : cases) {
            String body = as(org).contentType("application/json").body("{\"tiktok_handle\":\"" + k[0] + "\"}").post(url(p))
                    .then().statusCode(409).extract().asString();
            assertEquals("{\"data\":null,\"error\":\"" + k[1] + "\",\"meta\":{\"code\":\"" + k[1] + "\"}}", body);
        }
        as(org).contentType("application/json").body("{\"tiktok_handle\":5}").post(url(p)).then().statusCode(400).body("meta.field", equalTo("tiktok_handle"));
        as(org).contentType("application/json").body("{\"tiktok_handle\":\"x\",\"tracking_mode\":\"all\"}").post(url(p)).then().statusCode(400)
                .body("meta.field", equalTo("tracking_mode"));
        as(org).contentType("application/json").body("{}").post(url(p)).then().statusCode(400).body("error", equalTo("Missing required field: tiktok_handle"));
        as(org).contentType("application/json").body("{\"tiktok_handle\":\"x\",\"creators\":[]}").post(url(p)).then().statusCode(400);
        as(fx.org("starter")).contentType("application/json").body("{\"tiktok_handle\":\"x\"}").post(url(p)).then().statusCode(404);
    }

    /** docs/reference/conventions.md §4: the body's fields (400) come before the project lookup (404). */
    @Test
    void theBodyIsCheckedBeforeTheProject() {
        var org = fx.org("starter");
        var foreign = fx.project(fx.org("starter").id(), "P");
        as(org).contentType("application/json").body("{\"tiktok_handle\":5}").post(url(foreign)).then().statusCode(400)
                .body("meta.field", equalTo("tiktok_handle"));
        as(org).contentType("application/json").body("{\"tiktok_handle\":\"x\"}").post(url(foreign)).then().statusCode(404);
    }

    @Test
    void aRemovedCreatorIsReactivated() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        String id = as(org).contentType("application/json").body("{\"tiktok_handle\":\"comeback\"}").post(url(p)).then().statusCode(201)
                .extract().path("data.id");
        as(org).delete("/api/v1/creators/" + id).then().statusCode(200);
        fx.sql("UPDATE creator_snapshot SET captured_at = captured_at - interval '1 day' WHERE creator_id = $1", UUID.fromString(id));
        fx.sql("UPDATE creator SET last_scraped_at = last_scraped_at - interval '1 day' WHERE id = $1", UUID.fromString(id));
        as(org).contentType("application/json").body("{\"tiktok_handle\":\"Comeback\",\"readme\":\"Back\"}").post(url(p)).then().statusCode(200)
                .body("data.id", equalTo(id)).body("data.status", equalTo("active")).body("data.readme", equalTo("Back"));
        assertEquals(1, fx.count("SELECT count(*) FROM creator_snapshot WHERE creator_id = $1 AND baseline_reason = 'tracking_resumed'", UUID.fromString(id)));
    }

    @Test
    void activeCreatorsAreCapped() {
        var org = fx.org("starter");   // 50 active creators
        var p = fx.project(org.id(), "P");
        for (int i = 0; i < 49; i++) {
            fx.creator(org.id(), p, "c" + i, "active");
        }
        fx.creator(org.id(), p, "old", "removed");
        as(org).contentType("application/json").body("{\"tiktok_handle\":\"fiftieth\"}").post(url(p)).then().statusCode(201);
        String body = as(org).contentType("application/json").body("{\"tiktok_handle\":\"one.more\"}").post(url(p)).then().statusCode(402)
                .extract().asString();
        assertEquals("{\"data\":null,\"error\":\"Limit reached: max_creators_per_org\",\"meta\":{\"code\":\"limit_reached\","
                + "\"limitKey\":\"max_creators_per_org\",\"current\":50,\"max\":50}}", body);
        as(org).contentType("application/json").body("{\"tiktok_handle\":\"old\"}").post(url(p)).then().statusCode(402);
    }

    @Test
    void bulk() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        as(org).contentType("application/json")
                .body("{\"creators\":[{\"tiktok_handle\":\"first\"},{\"tiktok_handle\":\"bad handle!\"},{\"tiktok_handle\":\"First\"},"
                        + "{\"tracking_mode\":\"auto\"},{\"tiktok_handle\":\"second\",\"tracking_mode\":\"selective\"}]}")
                .post(url(p)).then().statusCode(200)
                .body("data.created.tiktok_handle", contains("first", "second"))
                .body("data.reactivated", hasSize(0))
                .body("data.errors.tiktok_handle", contains("bad handle!", "First", null))
                .body("data.errors.code", contains("invalid_handle", "handle_taken", "invalid_body"))
                .body("data.errors[2].error", equalTo("Missing required field: creators[3].tiktok_handle"));
        for (String bad : new String[]{"{\"creators\":[]}", "{\"creators\":{}}"}) {
            as(org).contentType("application/json").body(bad).post(url(p)).then().statusCode(400).body("meta.field", equalTo("creators"));
        }
        StringBuilder many = new StringBuilder("{\"creators\":[");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("{\"tiktok_handle\":\"h").append(i).append("\"}");
        }
        as(org).contentType("application/json").body(many + "]}").post(url(p)).then().statusCode(400);
    }
}
