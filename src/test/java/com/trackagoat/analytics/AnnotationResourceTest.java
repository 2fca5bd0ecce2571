package com.trackagoat.analytics;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The annotation routes of docs/reference/analytics.md §2, and {@link AnnotationService#inRange}. */
@QuarkusTest
class AnnotationResourceTest extends ApiTest {

    static final String URL = "/api/v1/analytics/annotations";
    static final String NOT_FOUND = "{\"data\":null,\"error\":\"Not found\",\"meta\":{\"code\":\"not_found\"}}";
    static final String UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String TS_RE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @Inject
    AnnotationService service;

    static String missing(String field) {
        return "{\"data\":null,\"error\":\"Missing required field: " + field + "\",\"meta\":{\"code\":\"invalid_body\",\"field\":\"" + field + "\"}}";
    }

    static String invalid(String field) {
        return "{\"data\":null,\"error\":\"Invalid field: " + field + "\",\"meta\":{\"code\":\"invalid_body\",\"field\":\"" + field + "\"}}";
    }

    static String query(String code, String param) {
        String text = code.equals("invalid_query") ? "Invalid query parameter: " : "Invalid parameter: ";
        return "{\"data\":null,\"error\":\"" + text + param + "\",\"meta\":{\"code\":\"" + code + "\",\"param\":\"" + param + "\"}}";
    }

    Response post(Fixtures.Org org, String body) {
        return as(org).contentType("application/json").body(body).post(URL);
    }

    Response patch(Fixtures.Org org, UUID id, String body) {
        return as(org).contentType("application/json").body(body).patch(URL + "/" + id);
    }

    String target(String type, UUID id) {
        return ",\"entity_type\":\"" + type + "\",\"entity_id\":\"" + id + "\"";
    }

    @Test
    void createAnOrganizationWideAnnotation() {
        var org = fx.org("starter");
        String body = post(org, "{\"date\":\"2026-03-04\",\"title\":\" Pasta series starts \"}").then().statusCode(201).extract().asString();
        assertTrue(Pattern.matches("\\{\"data\":\\{\"id\":\"" + UUID_RE + "\",\"entity_type\":null,\"entity_id\":null,\"date\":\"2026-03-04\","
                + "\"kind\":\"note\",\"title\":\"Pasta series starts\",\"body\":null,\"created_at\":\"" + TS_RE + "\",\"updated_at\":\"" + TS_RE
                + "\"},\"error\":null,\"meta\":null}", body), body);
        var json = io.restassured.path.json.JsonPath.from(body);
        assertEquals(json.getString("data.created_at"), json.getString("data.updated_at"));
        // explicit nulls are "not given"
        post(org, "{\"date\":\"2026-03-05\",\"title\":\"t\",\"entity_type\":null,\"entity_id\":null,\"body\":null}").then().statusCode(201)
                .body("data.entity_type", nullValue()).body("data.entity_id", nullValue());
        assertEquals(2, fx.count("SELECT count(*) FROM annotation WHERE org_id = $1 AND entity_type IS NULL", org.id()));
        as(org).get(URL).then().statusCode(200).body("data.date", equalTo(List.of("2026-03-05", "2026-03-04")));
    }

    @Test
    void createOnEachKindOfVisibleEntity() {
        var org = fx.org("starter");
        UUID project = fx.project(org.id(), "P");
        UUID creator = fx.creator(org.id(), project, "chef.maria", "disabled");
        UUID video = fx.video(org.id(), project, creator, "pending_review");
        UUID campaign = fx.campaign(org.id(), project, "C");
        Map<String, UUID> targets = Map.of("project", project, "creator", creator, "video", video, "campaign", campaign);
        targets.forEach((type, id) -> post(org, "{\"date\":\"2026-03-04\",\"title\":\"Launch\",\"body\":\"Notes\",\"kind\":\"launch\"" + target(type, id) + "}")
                .then().statusCode(201)
                .body("data.entity_type", equalTo(type)).body("data.entity_id", equalTo(id.toString()))
                .body("data.kind", equalTo("launch")).body("data.body", equalTo("Notes")));
        // any letter case of the id; stored and answered lowercase
        post(org, "{\"date\":\"2026-03-04\",\"title\":\"x\",\"kind\":\"incident\"" + target("project", project).replace(project.toString(),
                project.toString().toUpperCase()) + "}").then().statusCode(201).body("data.entity_id", equalTo(project.toString()));
        assertEquals(5, fx.count("SELECT count(*) FROM annotation WHERE org_id = $1", org.id()));
    }

    @Test
    void anEntityThatIsNotVisibleInTheOrganizationIsNotFound() {
        var org = fx.org("starter");
        UUID project = fx.project(org.id(), "P");
        UUID removed = fx.creator(org.id(), project, "gone", "removed");
        UUID ofRemoved = fx.video(org.id(), project, removed, "auto_tracked");
        UUID excluded = fx.video(org.id(), project, null, "excluded");
        UUID deleted = fx.video(org.id(), project, null, "direct_add");
        fx.sql("UPDATE video SET deleted_at = now() WHERE id = $1", deleted);
        UUID creator = fx.creator(org.id(), project, "here", "active");
        var other = fx.org("starter");
        UUID foreignProject = fx.project(other.id(), "F");
        UUID foreignCreator = fx.creator(other.id(), foreignProject, "f", "active");
        UUID foreignVideo = fx.video(other.id(), foreignProject, foreignCreator, "auto_tracked");
        UUID foreignCampaign = fx.campaign(other.id(), foreignProject, "F");
        List<String> targets = List.of(target("creator", removed), target("video", ofRemoved), target("video", excluded), target("video", deleted),
                target("project", foreignProject), target("creator", foreignCreator), target("video", foreignVideo),
                target("campaign", foreignCampaign), target("campaign", UUID.randomUUID()),
                target("video", creator));   // an id of another kind of entity
        for (String t : targets) {
            assertEquals(NOT_FOUND, post(org, "{\"date\":\"2026-03-04\",\"title\":\"x\"" + t + "}").then().statusCode(404).extract().asString(), t);
        }
        assertEquals(0, fx.count("SELECT count(*) FROM annotation WHERE org_id = $1", org.id()));
        // the same ids in their own organization are fine
        post(other, "{\"date\":\"2026-03-04\",\"title\":\"x\"" + target("video", foreignVideo) + "}").then().statusCode(201);
    }

    @Test
    void entityTypeAndEntityIdComeTogetherOrNotAtAll() {
        var org = fx.org("starter");
        UUID project = fx.project(org.id(), "P");
        String base = "{\"date\":\"2026-03-04\",\"title\":\"x\"";
        assertEquals(missing("entity_id"), post(org, base + ",\"entity_type\":\"project\"}").then().statusCode(400).extract().asString());
        assertEquals(missing("entity_type"), post(org, base + ",\"entity_id\":\"" + project + "\"}").then().statusCode(400).extract().asString());
        assertEquals(invalid("entity_id"), post(org, base + ",\"entity_type\":\"project\",\"entity_id\":null}").then().statusCode(400).extract().asString());
        assertEquals(invalid("entity_type"), post(org, base + ",\"entity_type\":null,\"entity_id\":\"" + project + "\"}").then().statusCode(400)
                .extract().asString());
        // the fields are checked first, and a bad one is reported as such
        assertEquals(invalid("entity_type"), post(org, base + ",\"entity_type\":\"team\"}").then().statusCode(400).extract().asString());
        assertEquals(invalid("entity_id"), post(org, base + ",\"entity_id\":\"nope\"}").then().statusCode(400).extract().asString());
        assertEquals(invalid("title"), post(org, "{\"date\":\"2026-03-04\",\"title\":\"\",\"entity_type\":\"project\"}").then().statusCode(400)
                .extract().asString());
        assertEquals(0, fx.count("SELECT count(*) FROM annotation WHERE org_id = $1", org.id()));
    }

    @Test
    void createValidatesItsBody() {
        var org = fx.org("starter");
        assertEquals(missing("date"), post(org, "{}").then().statusCode(400).extract().asString());
        assertEquals(missing("date"), post(org, "{\"title\":\"x\"}").then().statusCode(400).extract().asString());
        assertEquals(missing("title"), post(org, "{\"date\":\"2026-03-04\"}").then().statusCode(400).extract().asString());
        for (String date : new String[]{"\"2026-02-30\"", "\"2026-3-04\"", "\"2026-03-04T00:00:00Z\"", "20260304", "null", "\"\""}) {
            assertEquals(invalid("date"), post(org, "{\"date\":" + date + ",\"title\":\"x\"}").then().statusCode(400).extract().asString(), date);
        }
        for (String title : new String[]{"null", "\"   \"", "5", "\"" + "t".repeat(201) + "\""}) {
            assertEquals(invalid("title"), post(org, "{\"date\":\"2026-03-04\",\"title\":" + title + "}").then().statusCode(400).extract().asString());
        }
        assertEquals(invalid("body"), post(org, "{\"date\":\"2026-03-04\",\"title\":\"x\",\"body\":\"" + "b".repeat(5001) + "\"}")
                .then().statusCode(400).extract().asString());
        for (String kind : new String[]{"null", "\"Launch\"", "\"event\"", "1"}) {
            assertEquals(invalid("kind"), post(org, "{\"date\":\"2026-03-04\",\"title\":\"x\",\"kind\":" + kind + "}").then().statusCode(400)
                    .extract().asString());
        }
        // the first bad field in the order date, title, body, kind, entity_type, entity_id, whatever the key order
        assertEquals(invalid("title"), post(org, "{\"kind\":\"x\",\"title\":\"\",\"date\":\"2026-03-04\"}").then().statusCode(400).extract().asString());
        assertEquals("{\"data\":null,\"error\":\"Malformed JSON body\",\"meta\":{\"code\":\"invalid_body\"}}",
                post(org, "[]").then().statusCode(400).extract().asString());
        as(org).contentType("text/plain").body("{}").post(URL).then().statusCode(415).body("meta.code", equalTo("unsupported_media_type"));
        assertEquals(0, fx.count("SELECT count(*) FROM annotation WHERE org_id = $1", org.id()));
        // the limits themselves are accepted
        post(org, "{\"date\":\"2026-03-04\",\"title\":\"" + "t".repeat(200) + "\",\"body\":\"" + "\ud83d\ude00".repeat(5000) + "\"}").then().statusCode(201);
    }

    @Test
    void idempotencyKeyReplaysTheCreate() {
        var org = fx.org("starter");
        String body = "{\"date\":\"2026-03-04\",\"title\":\"once\"}";
        String first = as(org).header("Idempotency-Key", "annotation-1").contentType("application/json").body(body).post(URL)
                .then().statusCode(201).extract().asString();
        String again = as(org).header("Idempotency-Key", "annotation-1").contentType("application/json").body(body).post(URL)
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(first, again);
        as(org).header("Idempotency-Key", "annotation-1").contentType("application/json").body("{\"date\":\"2026-03-04\",\"title\":\"twice\"}")
                .post(URL).then().statusCode(409).body("meta.code", equalTo("idempotency_key_reused"));
        assertEquals(1, fx.count("SELECT count(*) FROM annotation WHERE org_id = $1", org.id()));
    }

    @Test
    void patchChangesTheGivenFieldsAndMovesUpdatedAt() {
        var org = fx.org("starter");
        UUID project = fx.project(org.id(), "P");
        UUID id = fx.annotation(org.id(), "project", project, "2026-03-04", "note", "Old");
        var before = as(org).get(URL).then().extract().jsonPath();
        String createdAt = before.getString("data[0].created_at");
        assertEquals(createdAt, before.getString("data[0].updated_at"));

        String body = patch(org, id, "{\"title\":\" New \",\"kind\":\"milestone\",\"body\":\"Text\"}").then().statusCode(200).extract().asString();
        var json = io.restassured.path.json.JsonPath.from(body);
        assertEquals(List.of("id", "entity_type", "entity_id", "date", "kind", "title", "body", "created_at", "updated_at"),
                List.copyOf(json.getMap("data").keySet()));
        assertEquals(id.toString(), json.getString("data.id"));
        assertEquals("project", json.getString("data.entity_type"));
        assertEquals(project.toString(), json.getString("data.entity_id"));
        assertEquals("2026-03-04", json.getString("data.date"));
        assertEquals("milestone", json.getString("data.kind"));
        assertEquals("New", json.getString("data.title"));
        assertEquals("Text", json.getString("data.body"));
        assertEquals(createdAt, json.getString("data.created_at"));
        assertNotEquals(createdAt, json.getString("data.updated_at"));
        assertTrue(json.getString("data.updated_at").compareTo(createdAt) > 0);
        assertTrue(body.endsWith(",\"error\":null,\"meta\":null}"), body);

        patch(org, id, "{\"date\":\"2026-05-01\"}").then().statusCode(200).body("data.date", equalTo("2026-05-01"))
                .body("data.title", equalTo("New")).body("data.body", equalTo("Text")).body("data.kind", equalTo("milestone"));
        patch(org, id, "{\"body\":null}").then().statusCode(200).body("data.body", nullValue());
        assertEquals(1, fx.count("SELECT count(*) FROM annotation WHERE id = $1 AND title = 'New' AND body IS NULL AND date = '2026-05-01'", id));

        String atLeastOne = "{\"data\":null,\"error\":\"At least one updatable field is required\",\"meta\":{\"code\":\"invalid_body\"}}";
        assertEquals(atLeastOne, patch(org, id, "{}").then().statusCode(400).extract().asString());
        assertEquals(atLeastOne, patch(org, id, "{\"entity_type\":\"video\",\"entity_id\":\"" + UUID.randomUUID() + "\"}").then().statusCode(400)
                .extract().asString());
        assertEquals(invalid("date"), patch(org, id, "{\"date\":null}").then().statusCode(400).extract().asString());
        assertEquals(invalid("date"), patch(org, id, "{\"date\":\"2026-13-01\"}").then().statusCode(400).extract().asString());
        assertEquals(invalid("title"), patch(org, id, "{\"title\":null}").then().statusCode(400).extract().asString());
        assertEquals(invalid("title"), patch(org, id, "{\"title\":\" \"}").then().statusCode(400).extract().asString());
        assertEquals(invalid("body"), patch(org, id, "{\"body\":\"" + "b".repeat(5001) + "\"}").then().statusCode(400).extract().asString());
        assertEquals(invalid("kind"), patch(org, id, "{\"kind\":null}").then().statusCode(400).extract().asString());
        assertEquals(invalid("kind"), patch(org, id, "{\"kind\":\"x\"}").then().statusCode(400).extract().asString());
        // the first bad field in the order date, title, body, kind
        assertEquals(invalid("date"), patch(org, id, "{\"kind\":\"x\",\"date\":5}").then().statusCode(400).extract().asString());
    }

    @Test
    void patchAndDeleteOfUnknownOrForeignAnnotationsAreNotFound() {
        var org = fx.org("starter");
        var other = fx.org("starter");
        UUID foreign = fx.annotation(other.id(), null, null, "2026-03-04", "note", "Theirs");
        for (UUID id : new UUID[]{foreign, UUID.randomUUID()}) {
            assertEquals(NOT_FOUND, patch(org, id, "{\"title\":\"Mine\"}").then().statusCode(404).extract().asString());
            assertEquals(NOT_FOUND, as(org).delete(URL + "/" + id).then().statusCode(404).extract().asString());
        }
        assertEquals(1, fx.count("SELECT count(*) FROM annotation WHERE id = $1 AND title = 'Theirs'", foreign));
        // the path id is checked before the body
        assertEquals(query("invalid_params", "id"), as(org).contentType("application/json").body("{").patch(URL + "/nope").then().statusCode(400)
                .extract().asString());
        assertEquals(query("invalid_params", "id"), as(org).delete(URL + "/nope").then().statusCode(400).extract().asString());
    }

    @Test
    void deleteAnswersTheIdAndDeleted() {
        var org = fx.org("starter");
        UUID id = fx.annotation(org.id(), null, null, "2026-03-04", "note", "Bye");
        assertEquals("{\"data\":{\"id\":\"" + id + "\",\"deleted\":true},\"error\":null,\"meta\":null}",
                as(org).delete(URL + "/" + id).then().statusCode(200).extract().asString());
        assertEquals(0, fx.count("SELECT count(*) FROM annotation WHERE id = $1", id));
        assertEquals(NOT_FOUND, as(org).delete(URL + "/" + id).then().statusCode(404).extract().asString());
        assertEquals(NOT_FOUND, patch(org, id, "{\"title\":\"x\"}").then().statusCode(404).extract().asString());
    }

    @Test
    void scopes() {
        var org = fx.org("starter");
        UUID id = fx.annotation(org.id(), null, null, "2026-03-04", "note", "Mine");
        String readOnly = fx.newKey(org.id(), "read");
        as(readOnly).get(URL).then().statusCode(200).body("data.id", equalTo(List.of(id.toString())));
        String refused = "{\"data\":null,\"error\":\"This action requires the 'write' scope. Granted: [read]\","
                + "\"meta\":{\"code\":\"insufficient_scope\",\"required\":\"write\",\"granted\":[\"read\"]}}";
        assertEquals(refused, as(readOnly).contentType("application/json").body("{\"date\":\"2026-03-04\",\"title\":\"x\"}").post(URL)
                .then().statusCode(403).extract().asString());
        assertEquals(refused, as(readOnly).contentType("application/json").body("{\"title\":\"x\"}").patch(URL + "/" + id)
                .then().statusCode(403).extract().asString());
        assertEquals(refused, as(readOnly).delete(URL + "/" + id).then().statusCode(403).extract().asString());
        String writeOnly = fx.newKey(org.id(), "write");
        as(writeOnly).get(URL).then().statusCode(403).body("meta.required", equalTo("read"));
        assertEquals(1, fx.count("SELECT count(*) FROM annotation WHERE id = $1 AND title = 'Mine'", id));
    }

    @Test
    void listFilters() {
        var org = fx.org("starter");
        UUID project = fx.project(org.id(), "P");
        UUID creator = fx.creator(org.id(), project, "c", "active");
        UUID video = fx.video(org.id(), project, creator, "auto_tracked");
        UUID campaign = fx.campaign(org.id(), project, "C");
        String wide = fx.annotation(org.id(), null, null, "2026-03-01", "note", "org").toString();
        String onProject = fx.annotation(org.id(), "project", project, "2026-03-05", "launch", "project").toString();
        String onCreator = fx.annotation(org.id(), "creator", creator, "2026-03-10", "milestone", "creator").toString();
        String onVideo = fx.annotation(org.id(), "video", video, "2026-03-15", "incident", "video").toString();
        String onCampaign = fx.annotation(org.id(), "campaign", campaign, "2026-03-20", "note", "campaign").toString();
        var other = fx.org("starter");
        fx.annotation(other.id(), "video", video, "2026-03-15", "note", "foreign");   // another organization's row naming the same id
        fx.annotation(other.id(), null, null, "2026-03-15", "note", "foreign");

        assertEquals(List.of(onCampaign, onVideo, onCreator, onProject, wide), ids(org, ""));
        assertEquals(List.of(onCreator), ids(org, "entity_type=creator"));
        assertEquals(List.of(onVideo), ids(org, "entity_id=" + video));
        assertEquals(List.of(onVideo), ids(org, "entity_id=" + video.toString().toUpperCase() + "&entity_type=video"));
        assertEquals(List.of(), ids(org, "entity_type=project&entity_id=" + video));
        assertEquals(List.of(), ids(other, "entity_type=campaign"));
        assertEquals(List.of(), ids(fx.org("starter"), "entity_id=" + video));
        assertEquals(List.of(onCampaign, onVideo, onCreator, onProject), ids(org, "from=2026-03-05"));
        assertEquals(List.of(onCreator, onProject, wide), ids(org, "to=2026-03-10"));
        assertEquals(List.of(onCreator, onProject), ids(org, "from=2026-03-05&to=2026-03-10"));
        assertEquals(List.of(onCreator), ids(org, "from=2026-03-10&to=2026-03-10"));
        assertEquals(List.of(), ids(org, "from=2030-01-01"));
        assertEquals(List.of(wide), ids(org, "to=2026-03-01&from=1900-01-01"));
        assertEquals(List.of(onProject), ids(org, "entity_type=project&from=2026-03-01&to=2026-03-31"));
        // empty values are absent; unknown parameters are ignored
        assertEquals(5, ids(org, "entity_type=&entity_id=&from=&to=&x=1").size());

        // bad values, and the order: entity_type, entity_id, from, to, limit, cursor
        assertEquals(query("invalid_query", "entity_type"), bad(org, "entity_type=Video"));
        assertEquals(query("invalid_query", "entity_type"), bad(org, "entity_type=organization"));
        assertEquals(query("invalid_params", "entity_id"), bad(org, "entity_id=nope"));
        assertEquals(query("invalid_query", "from"), bad(org, "from=2026-02-30"));
        assertEquals(query("invalid_query", "to"), bad(org, "to=2026-3-1"));
        assertEquals(query("invalid_query", "from"), bad(org, "from=2026-03-10&to=2026-03-09"));
        assertEquals(query("invalid_query", "entity_type"), bad(org, "cursor=%40&limit=0&to=x&from=x&entity_id=x&entity_type=x"));
        assertEquals(query("invalid_params", "entity_id"), bad(org, "cursor=%40&limit=0&to=x&from=x&entity_id=x"));
        assertEquals(query("invalid_query", "from"), bad(org, "cursor=%40&limit=0&to=x&from=x"));
        assertEquals(query("invalid_query", "to"), bad(org, "cursor=%40&limit=0&to=x"));
        assertEquals(query("invalid_query", "limit"), bad(org, "cursor=%40&limit=0"));
        assertEquals(query("invalid_query", "cursor"), bad(org, "cursor=%40"));
    }

    private List<String> ids(Fixtures.Org org, String query) {
        return as(org).get(URL + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200)
                .body("meta.hasMore", equalTo(false)).body("meta.nextCursor", nullValue())
                .extract().jsonPath().getList("data.id", String.class);
    }

    private String bad(Fixtures.Org org, String query) {
        return as(org).urlEncodingEnabled(false).get(URL + "?" + query).then().statusCode(400).extract().asString();
    }

    @Test
    void pagesNewestFirst() {
        var org = fx.org("starter");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(fx.annotation(org.id(), null, null, "2026-03-0" + (i + 1), "note", "A" + i).toString());
        }
        java.util.Collections.reverse(created);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = as(org).queryParam("limit", 2);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var res = req.get(URL).then().statusCode(200).extract();
            List<String> page = res.path("data.id");
            seen.addAll(page);
            boolean hasMore = res.path("meta.hasMore");
            cursor = res.path("meta.nextCursor");
            assertEquals(hasMore, cursor != null);
            assertEquals(List.of("hasMore", "nextCursor"), List.copyOf(res.jsonPath().getMap("meta").keySet()));
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(created, seen);
        assertEquals(seen.size(), new HashSet<>(seen).size());
        // a filter and the cursor together
        String next = as(org).get(URL + "?limit=1&to=2026-03-03").then().extract().path("meta.nextCursor");
        assertNotNull(next);
        assertEquals(List.of(created.get(3)), as(org).queryParam("to", "2026-03-03").queryParam("limit", 1).queryParam("cursor", next)
                .get(URL).then().statusCode(200).extract().jsonPath().getList("data.id", String.class));
    }

    /** {@link AnnotationService#inRange}: the annotations of the analytics answer (docs/reference/analytics.md §1 "Response"). */
    @Test
    void inRangeListsTheOrganizationsAndTheEntitiesAnnotationsByDateThenIdAsText() throws Throwable {
        var org = fx.org("starter");
        UUID project = fx.project(org.id(), "P");
        UUID c1 = fx.creator(org.id(), project, "c1", "active");
        UUID c2 = fx.creator(org.id(), project, "c2", "active");
        UUID c3 = fx.creator(org.id(), project, "c3", "active");
        // same date: ordered by the id's text; Java's UUID.compareTo (signed) would put 8… and f… before 0…
        UUID high = withFirstDigit('f');
        UUID middle = withFirstDigit('8');
        UUID low = withFirstDigit('0');
        fx.annotation(high, org.id(), null, null, "2026-03-01", "note", "wide f");
        fx.annotation(low, org.id(), "creator", c1, "2026-03-01", "launch", "c1 0");
        fx.annotation(middle, org.id(), null, null, "2026-03-01", "note", "wide 8");
        UUID c3Late = fx.annotation(org.id(), "creator", c3, "2026-03-30", "milestone", "c3 last day");
        UUID c1Mid = fx.annotation(org.id(), "creator", c1, "2026-03-02", "incident", "c1 mid");
        fx.annotation(org.id(), "creator", c2, "2026-03-02", "note", "c2: not asked");
        fx.annotation(org.id(), "video", c1, "2026-03-02", "note", "another type, same id");
        fx.annotation(org.id(), "project", project, "2026-03-02", "note", "the project: not asked");
        fx.annotation(org.id(), "creator", c1, "2026-02-28", "note", "before from");
        fx.annotation(org.id(), null, null, "2026-03-31", "note", "after to");
        var other = fx.org("starter");
        fx.annotation(other.id(), null, null, "2026-03-05", "note", "another organization");
        fx.annotation(other.id(), "creator", c1, "2026-03-05", "note", "another organization, same id");

        LocalDate from = LocalDate.parse("2026-03-01");
        LocalDate to = LocalDate.parse("2026-03-30");
        List<AnnotationDto> found = VertxContextSupport.subscribeAndAwait(() -> service.inRange(org.id(), from, to, "creator", List.of(c1, c3)));
        assertEquals(List.of(low, middle, high, c1Mid, c3Late), found.stream().map(AnnotationDto::id).toList());
        AnnotationDto first = found.get(0);
        assertEquals("creator", first.entityType());
        assertEquals(c1, first.entityId());
        assertEquals("2026-03-01", first.date());
        assertEquals("launch", first.kind());
        assertEquals("c1 0", first.title());
        assertEquals(null, first.body());
        assertNotNull(first.createdAt());

        // without entities: the organization's own
        assertEquals(List.of(middle, high),
                VertxContextSupport.subscribeAndAwait(() -> service.inRange(org.id(), from, to, "creator", List.of())).stream().map(AnnotationDto::id).toList());
        assertEquals(List.of(middle, high),
                VertxContextSupport.subscribeAndAwait(() -> service.inRange(org.id(), from, from, null, null)).stream().map(AnnotationDto::id).toList());
    }

    private static UUID withFirstDigit(char digit) {
        String random = UUID.randomUUID().toString();
        return UUID.fromString(digit + random.substring(1));
    }
}
