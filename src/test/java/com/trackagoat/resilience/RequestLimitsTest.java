package com.trackagoat.resilience;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/reference/conventions.md §1: bodies over 1 MiB answer 413 {@code payload_too_large}, request lines over
 * 16 KiB answer 414 {@code uri_too_long}, both in the envelope; anything up to the limits passes.
 */
@QuarkusTest
class RequestLimitsTest extends ApiTest {

    static final int MIB = 1024 * 1024;
    static final String TOO_LARGE = "{\"data\":null,\"error\":\"Request body too large\",\"meta\":{\"code\":\"payload_too_large\"}}";
    static final String TOO_LONG = "{\"data\":null,\"error\":\"Request line too long\",\"meta\":{\"code\":\"uri_too_long\"}}";

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** A JSON object of exactly {@code size} bytes: {@code {"name":"<name>","pad":"xxx…"}}. */
    static byte[] jsonOfSize(String name, int size) {
        String head = "{\"name\":\"" + name + "\",\"pad\":\"";
        String tail = "\"}";
        String body = head + "x".repeat(size - head.length() - tail.length()) + tail;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertEquals(size, bytes.length);
        return bytes;
    }

    HttpResponse<String> send(String method, String path, String key, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "limits-" + method)
                .method(method, body).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyOverOneMebibyteIs413InTheEnvelope() throws Exception {
        var org = fx.org("ultra");
        var p = fx.project(org.id(), "P");
        for (String[] call : new String[][]{{"PATCH", "/api/v1/projects/" + p}, {"POST", "/api/v1/projects"}}) {
            var res = send(call[0], call[1], org.key(), HttpRequest.BodyPublishers.ofByteArray(jsonOfSize("big", MIB + 1)));
            assertEquals(413, res.statusCode(), call[0] + " " + res.body());
            assertEquals(TOO_LARGE, res.body(), call[0]);
            assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), res.headers().toString());
            assertEquals("limits-" + call[0], res.headers().firstValue("X-Request-Id").orElse(null));
        }
        // again and again on the same client: every time the answer, never a reset connection
        for (int i = 0; i < 20; i++) {
            var res = send("PATCH", "/api/v1/projects/" + p, org.key(), HttpRequest.BodyPublishers.ofByteArray(jsonOfSize("big", MIB + 1 + i * 1000)));
            assertEquals(413, res.statusCode(), res.body());
            assertEquals(TOO_LARGE, res.body());
        }
        // much larger, and sent chunked (no Content-Length): the same answer
        var chunked = send("PATCH", "/api/v1/projects/" + p, org.key(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(jsonOfSize("big", 3 * MIB))));
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertEquals(TOO_LARGE, chunked.body());
        // nothing was written
        assertEquals(0, fx.count("SELECT count(*) FROM project WHERE org_id = $1 AND name = 'big'", org.id()));
    }

    @Test
    void aBodyOfExactlyOneMebibytePassesTheSizeCheck() throws Exception {
        var org = fx.org("ultra");
        var p = fx.project(org.id(), "P");
        var res = send("PATCH", "/api/v1/projects/" + p, org.key(), HttpRequest.BodyPublishers.ofByteArray(jsonOfSize("renamed", MIB)));
        assertEquals(200, res.statusCode(), res.body());
        assertEquals("renamed", fx.count("SELECT count(*) FROM project WHERE id = $1 AND name = 'renamed'", p) == 1 ? "renamed" : "not renamed");
        var chunked = send("PATCH", "/api/v1/projects/" + p, org.key(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(jsonOfSize("again", MIB - 1))));
        assertEquals(200, chunked.statusCode(), chunked.body());
    }

    /** A raw HTTP/1.1 request, so that the request line is exactly as long as wanted. */
    static String raw(String requestLine, String key) throws Exception {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAuthorization: Bearer " + key + "\r\nX-Request-Id: limits-414\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code GET /api/v1/projects?q=xxx… HTTP/1.1} of exactly {@code length} characters. */
    static String requestLine(int length) {
        String head = "GET /api/v1/projects?q=";
        String tail = " HTTP/1.1";
        return head + "x".repeat(length - head.length() - tail.length()) + tail;
    }

    @Test
    void aRequestLineOver16KibIs414InTheEnvelope() throws Exception {
        var org = fx.org("starter");
        String ok = raw(requestLine(16 * 1024), org.key());
        assertTrue(ok.startsWith("HTTP/1.1 200"), ok.lines().findFirst().orElse(""));
        String res = raw(requestLine(16 * 1024 + 1), org.key());
        assertTrue(res.startsWith("HTTP/1.1 414"), res);
        assertTrue(res.toLowerCase().contains("content-type: application/json"), res);
        assertTrue(res.toLowerCase().contains("x-request-id: limits-414"), res);
        assertTrue(res.endsWith("\r\n\r\n" + TOO_LONG), res);
        String much = raw(requestLine(100 * 1024), UUID.randomUUID().toString());
        assertTrue(much.startsWith("HTTP/1.1 414") && much.endsWith(TOO_LONG), much);
    }
}
