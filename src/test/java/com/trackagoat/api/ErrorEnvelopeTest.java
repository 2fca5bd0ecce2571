package com.trackagoat.api;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ErrorEnvelopeTest extends ApiTest {

    private String body(int status, io.restassured.response.Response res) {
        return res.then().statusCode(status).contentType("application/json").extract().asString();
    }

    @Test
    void unknownRouteIs404InTheEnvelope() {
        var org = fx.org("starter");
        String expected = "{\"data\":null,\"error\":\"Not found\",\"meta\":{\"code\":\"not_found\"}}";
        assertEquals(expected, body(404, as(org).get("/api/v1/nope")));
        assertEquals(expected, body(404, as(org).get("/api/v1/projects/" + UUID.randomUUID() + "/nope")));
        assertEquals(expected, body(404, as(org).post("/api/v1")));
    }

    @Test
    void wrongMethodIs405InTheEnvelope() {
        var org = fx.org("starter");
        assertEquals("{\"data\":null,\"error\":\"Method not allowed\",\"meta\":{\"code\":\"method_not_allowed\"}}",
                body(405, as(org).delete("/api/v1/creators")));
        body(405, as(org).put("/api/v1/projects/" + UUID.randomUUID()));
    }

    @Test
    void unexpectedFailureIs500WithoutDetails() {
        var org = fx.org("starter");
        var res = as(org).header("X-Request-Id", "boom-1").get("/api/v1/test-only/boom");
        assertEquals("{\"data\":null,\"error\":\"Internal server error\",\"meta\":{\"code\":\"internal_error\"}}", body(500, res));
        assertEquals("boom-1", res.header("X-Request-Id"));
    }

    @Test
    void bodiesAreCheckedForMediaTypeAndJson() throws Exception {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        String url = "/api/v1/projects/" + p;
        assertEquals("{\"data\":null,\"error\":\"Content-Type must be application/json\",\"meta\":{\"code\":\"unsupported_media_type\"}}",
                body(415, as(org).contentType("text/plain").body("{\"name\":\"x\"}").patch(url)));
        String malformed = "{\"data\":null,\"error\":\"Malformed JSON body\",\"meta\":{\"code\":\"invalid_body\"}}";
        for (String bad : new String[]{"{\"name\":", "[1,2]", "\"text\"", "42", "null", "{} {}", ""}) {
            assertEquals(malformed, body(400, as(org).contentType("application/json").body(bad).patch(url)), bad);
        }
        // charset and other parameters are ignored; a missing Content-Type is treated as JSON
        as(org).contentType("application/json; charset=utf-8").body("{\"name\":\"x\"}").patch(url).then().statusCode(200);
        var noContentType = java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + url))
                .header("Authorization", "Bearer " + org.key())
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"y\"}")).build();
        var res = java.net.http.HttpClient.newHttpClient().send(noContentType, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        as(org).get(url).then().body("data.name", equalTo("y"));
    }

    @Test
    void fieldErrorsNameTheField() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        String url = "/api/v1/projects/" + p;
        assertEquals("{\"data\":null,\"error\":\"Invalid field: name\",\"meta\":{\"code\":\"invalid_body\",\"field\":\"name\"}}",
                body(400, as(org).contentType("application/json").body("{\"name\": 5}").patch(url)));
        body(400, as(org).contentType("application/json").body("{\"name\": null}").patch(url));
        body(400, as(org).contentType("application/json").body("{\"name\": \"   \"}").patch(url));
        body(400, as(org).contentType("application/json").body("{\"name\": \"" + "x".repeat(201) + "\"}").patch(url));
        as(org).contentType("application/json").body("{\"name\": \"  " + "x".repeat(200) + "  \"}").patch(url).then().statusCode(200)
                .body("data.name", equalTo("x".repeat(200)));
        assertEquals("{\"data\":null,\"error\":\"At least one updatable field is required\",\"meta\":{\"code\":\"invalid_body\"}}",
                body(400, as(org).contentType("application/json").body("{\"unknown\": 1}").patch(url)));
    }

    @Test
    void invalidUuidsAre400InvalidParams() {
        var org = fx.org("starter");
        for (String path : new String[]{"/api/v1/projects/abc", "/api/v1/creators/123", "/api/v1/videos/not-a-uuid",
                "/api/v1/campaigns/1-1-1-1-1"}) {
            assertEquals("{\"data\":null,\"error\":\"Invalid parameter: id\",\"meta\":{\"code\":\"invalid_params\",\"param\":\"id\"}}",
                    body(400, as(org).get(path)), path);
        }
        assertEquals("{\"data\":null,\"error\":\"Invalid parameter: project_id\",\"meta\":{\"code\":\"invalid_params\",\"param\":\"project_id\"}}",
                body(400, as(org).get("/api/v1/creators?project_id=xyz")));
        body(400, as(org).get("/api/v1/videos?creator_id=xyz"));
        // any letter case is accepted
        var p = fx.project(org.id(), "P");
        as(org).get("/api/v1/projects/" + p.toString().toUpperCase()).then().statusCode(200).body("data.id", equalTo(p.toString()));
    }

    @Test
    void envelopeKeysComeInOrderWithNulls() {
        var org = fx.org("starter");
        var p = fx.project(org.id(), "P");
        String body = as(org).get("/api/v1/projects/" + p).then().statusCode(200).extract().asString();
        assertEquals(true, body.startsWith("{\"data\":{\"id\":\"" + p + "\",\"org_id\":\"" + org.id() + "\",\"name\":\"P\",\"description\":null,\"readme\":null,\"created_at\":\""), body);
        assertEquals(true, body.endsWith("\"},\"error\":null,\"meta\":null}"), body);
    }
}
