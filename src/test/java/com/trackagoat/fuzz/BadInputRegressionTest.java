package com.trackagoat.fuzz;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One focused assertion per bug the bad-input suite ({@link BadInputTest}) found. */
@QuarkusTest
class BadInputRegressionTest extends ApiTest {

    private static final String MALFORMED = "{\"data\":null,\"error\":\"Malformed JSON body\",\"meta\":{\"code\":\"invalid_body\"}}";

    private static String invalidField(String field) {
        return "{\"data\":null,\"error\":\"Invalid field: " + field + "\",\"meta\":{\"code\":\"invalid_body\",\"field\":\"" + field + "\"}}";
    }

    private static RawHttp.Response send(String method, String target, Map<String, byte[]> headers, byte[] body, boolean chunked,
                                         boolean headersOnly) throws Exception {
        try (RawHttp http = new RawHttp("localhost", RestAssured.port, 20_000)) {
            return http.send(new RawHttp.Request(method, target, headers, body, chunked, headersOnly));
        }
    }

    private static Map<String, byte[]> auth(Fixtures.Org org) {
        Map<String, byte[]> h = new LinkedHashMap<>();
        h.put("Authorization", ("Bearer " + org.key()).getBytes(StandardCharsets.US_ASCII));
        return h;
    }

    private static void assertEnvelope(RawHttp.Response res, int status, String body) {
        assertEquals(status, res.status(), res.text());
        assertEquals(body, res.text());
        assertTrue(res.header("Content-Type").startsWith("application/json"), res.header("Content-Type"));
        assertTrue(res.header("X-Request-Id") != null && !res.header("X-Request-Id").isEmpty());
    }

    /** Was 500: PostgreSQL refuses U+0000 in text and jsonb ("invalid byte sequence for encoding UTF8: 0x00"). */
    @Test
    void nulCharactersInStringsAre400() {
        var org = fx.org("ultra");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "nul.creator", "active");
        String url = "/api/v1/projects/" + p;
        assertEquals(invalidField("name"), as(org).contentType("application/json").body("{\"name\":\"a\\u0000b\"}").patch(url)
                .then().statusCode(400).extract().asString());
        assertEquals(invalidField("readme"), as(org).contentType("application/json").body("{\"readme\":\"\\u0000\"}").patch(url)
                .then().statusCode(400).extract().asString());
        assertEquals(invalidField("name"), as(org).contentType("application/json").body("{\"name\":\"x\\u0000\"}").post("/api/v1/projects")
                .then().statusCode(400).extract().asString());
        for (String metadata : new String[]{"{\"k\":\"a\\u0000b\"}", "{\"a\\u0000\":1}", "{\"k\":[\"\\u0000\"]}"}) {
            assertEquals(invalidField("metadata"), as(org).contentType("application/json").body("{\"metadata\":" + metadata + "}")
                    .patch("/api/v1/creators/" + c).then().statusCode(400).extract().asString(), metadata);
        }
        assertEquals(1, fx.count("SELECT count(*) FROM project WHERE org_id = $1", org.id()));
    }

    /** Was 500 on GET /api/v1/creators?search=%00 (the term is bound as a PostgreSQL text parameter). */
    @Test
    void nulInSearchIs400() {
        var org = fx.org("starter");
        assertEquals("{\"data\":null,\"error\":\"Invalid query parameter: search\",\"meta\":{\"code\":\"invalid_query\",\"param\":\"search\"}}",
                as(org).queryParam("search", "a\u0000b").get("/api/v1/creators").then().statusCode(400).extract().asString());
        as(org).queryParam("search", "%_\\").get("/api/v1/creators").then().statusCode(200);
    }

    /**
     * Was 200 (or 500 for metadata of a video): a lone surrogate was stored as "?" by the driver but
     * answered as "\uD800", so the answer and the stored row differed.
     */
    @Test
    void unpairedSurrogatesAre400() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var c = fx.creator(org.id(), p, "sur.creator", "active");
        var v = fx.video(org.id(), p, c, "auto_tracked");
        String url = "/api/v1/projects/" + p;
        assertEquals(invalidField("name"), as(org).contentType("application/json").body("{\"name\":\"\\ud800\"}").patch(url)
                .then().statusCode(400).extract().asString());
        assertEquals(invalidField("name"), as(org).contentType("application/json").body("{\"name\":\"\\udc00x\"}").patch(url)
                .then().statusCode(400).extract().asString());
        assertEquals(invalidField("metadata"), as(org).contentType("application/json").body("{\"metadata\":{\"k\":\"\\ud800\"}}")
                .patch("/api/v1/videos/" + v).then().statusCode(400).extract().asString());
        // a proper pair is text
        as(org).contentType("application/json").body("{\"name\":\"\\ud83d\\ude00\"}").patch(url).then().statusCode(200);
        assertEquals("😀", as(org).get(url).then().statusCode(200).extract().path("data.name"));
    }

    /** Was 200: ISO parsing accepted six- and nine-digit years, which RFC 3339 does not have. */
    @Test
    void timestampsNeedAFourDigitYear() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        var campaign = fx.campaign(org.id(), p, "C");
        String url = "/api/v1/campaigns/" + campaign;
        for (String at : new String[]{"+999999-01-01T00:00:00Z", "-999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2026-03-15T10:00Z"}) {
            assertEquals(invalidField("target_at"), as(org).contentType("application/json").body("{\"target_at\":\"" + at + "\"}").patch(url)
                    .then().statusCode(400).extract().asString(), at);
        }
        as(org).contentType("application/json").body("{\"target_at\":\"2026-07-01t00:00:00.123+02:00\"}").patch(url).then().statusCode(200);
        assertEquals("2026-06-30T22:00:00Z", as(org).get(url).then().extract().path("data.target_at"));
    }

    /** Was 200/201: {"name":5,"name":"ok"} slipped through because the last duplicate won. */
    @Test
    void duplicatedKeysAreMalformed() {
        var org = fx.org("ultra");
        var p = fx.project(org.id(), "P");
        assertEquals(MALFORMED, as(org).contentType("application/json").body("{\"name\":5,\"name\":\"ok\"}").post("/api/v1/projects")
                .then().statusCode(400).extract().asString());
        assertEquals(MALFORMED, as(org).contentType("application/json").body("{\"metadata\":{\"a\":1,\"a\":2}}")
                .patch("/api/v1/projects/" + p).then().statusCode(400).extract().asString());
        assertEquals(1, fx.count("SELECT count(*) FROM project WHERE org_id = $1", org.id()));
    }

    /** Was 400 Malformed JSON body: RESTEasy refused Content-Types that do not parse before the resource ran. */
    @Test
    void unparsableContentTypesAre415InTheCheckOrder() throws Exception {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        String unsupported = "{\"data\":null,\"error\":\"Content-Type must be application/json\",\"meta\":{\"code\":\"unsupported_media_type\"}}";
        for (String ct : new String[]{"json", "application", "/", "application/json/x"}) {
            var h = auth(org);
            h.put("Content-Type", ct.getBytes(StandardCharsets.US_ASCII));
            assertEnvelope(send("PATCH", "/api/v1/projects/" + p, h, "{\"name\":\"x\"}".getBytes(StandardCharsets.US_ASCII), false, false),
                    415, unsupported);
            // the path parameter is still checked first
            assertEnvelope(send("PATCH", "/api/v1/projects/nope", h, "{}".getBytes(StandardCharsets.US_ASCII), false, false), 400,
                    "{\"data\":null,\"error\":\"Invalid parameter: id\",\"meta\":{\"code\":\"invalid_params\",\"param\":\"id\"}}");
        }
        assertEquals("P", as(org).get("/api/v1/projects/" + p).then().extract().path("data.name"));
    }

    /** Was 200 with an empty body and an Allow header: RESTEasy's automatic OPTIONS answer. */
    @Test
    void optionsIs405InTheEnvelope() throws Exception {
        var org = fx.org("starter");
        var res = send("OPTIONS", "/api/v1/projects", auth(org), null, false, false);
        assertEnvelope(res, 405, "{\"data\":null,\"error\":\"Method not allowed\",\"meta\":{\"code\":\"method_not_allowed\"}}");
        assertEquals(null, res.header("Allow"));
        assertEnvelope(send("OPTIONS", "/api/v1/nope", auth(org), null, false, false), 404,
                "{\"data\":null,\"error\":\"Not found\",\"meta\":{\"code\":\"not_found\"}}");
    }

    /** Were bare 413s (empty body, no Content-Type, no X-Request-Id) from Quarkus, and a logged 500 for chunked bodies. */
    @Test
    void bodiesOver1MiBAre413InTheEnvelope() throws Exception {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        String tooLarge = "{\"data\":null,\"error\":\"Request body too large\",\"meta\":{\"code\":\"payload_too_large\"}}";
        byte[] big = ("{\"readme\":\"" + "r".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        var h = auth(org);
        h.put("Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII));
        h.put("X-Request-Id", "big-1".getBytes(StandardCharsets.US_ASCII));
        var declared = send("PATCH", "/api/v1/projects/" + p, h, big, false, true);
        assertEnvelope(declared, 413, tooLarge);
        assertEquals("big-1", declared.header("X-Request-Id"));
        assertEnvelope(send("PATCH", "/api/v1/projects/" + p, h, big, true, false), 413, tooLarge);
        // without a key too: the HTTP layer answers before authentication
        assertEnvelope(send("POST", "/api/v1/projects", Map.of(), big, false, true), 413, tooLarge);
        // a chunked body under the limit is read as usual
        assertEquals(200, send("PATCH", "/api/v1/projects/" + p, h, "{\"name\":\"chunked\"}".getBytes(StandardCharsets.US_ASCII), true, false)
                .status());
        // exactly 1 MiB is not too large
        byte[] atLimit = new byte[1024 * 1024];
        Arrays.fill(atLimit, (byte) ' ');
        atLimit[0] = '[';
        atLimit[atLimit.length - 1] = ']';
        assertEnvelope(send("PATCH", "/api/v1/projects/" + p, h, atLimit, false, false), 400, MALFORMED);
        assertEquals("chunked", as(org).get("/api/v1/projects/" + p).then().extract().path("data.name"));
    }

    /** Was a bare 414 from the HTTP codec. */
    @Test
    void requestLinesOver16KiBAre414InTheEnvelope() throws Exception {
        var org = fx.org("starter");
        String tooLong = "{\"data\":null,\"error\":\"Request line too long\",\"meta\":{\"code\":\"uri_too_long\"}}";
        for (int len : new int[]{16 * 1024 + 1, 40_000, 65_000}) {
            assertEnvelope(send("GET", BadInputGenerator.padded("/api/v1/projects?pad=", "GET", len), auth(org), null, false, false), 414, tooLong);
        }
        assertEnvelope(send("GET", BadInputGenerator.padded("/api/v1/", "GET", 16 * 1024 + 1), Map.of(), null, false, false), 414, tooLong);
        assertEquals(200, send("GET", BadInputGenerator.padded("/api/v1/projects?pad=", "GET", 16 * 1024), auth(org), null, false, false).status());
    }

    /** An empty Idempotency-Key is absent (like an empty query parameter); a malformed one is 400. */
    @Test
    void emptyIdempotencyKeyIsAbsent() throws Exception {
        var org = fx.org("ultra");
        var h = auth(org);
        h.put("Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII));
        h.put("Idempotency-Key", new byte[0]);
        var res = send("POST", "/api/v1/projects", h, "{\"name\":\"idem\"}".getBytes(StandardCharsets.US_ASCII), false, false);
        assertEquals(201, res.status(), res.text());
        assertEquals(null, res.header("Idempotent-Replayed"));
        h.put("Idempotency-Key", "k".repeat(256).getBytes(StandardCharsets.US_ASCII));
        assertEnvelope(send("POST", "/api/v1/projects", h, "{\"name\":\"idem\"}".getBytes(StandardCharsets.US_ASCII), false, false), 400,
                "{\"data\":null,\"error\":\"Invalid parameter: Idempotency-Key\",\"meta\":{\"code\":\"invalid_params\",\"param\":\"Idempotency-Key\"}}");
        assertEquals(1, fx.count("SELECT count(*) FROM project WHERE org_id = $1", org.id()));
        assertEquals(0, fx.count("SELECT count(*) FROM idempotency_key WHERE org_id = $1", org.id()));
    }
}
