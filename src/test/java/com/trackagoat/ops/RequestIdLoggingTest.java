package com.trackagoat.ops;

import com.trackagoat.api.RequestIds;
import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Log lines written while handling a request carry its id in the MDC (key {@code requestId}).
 * The test-only /api/v1/test-only/boom route fails, and the 500 mapper logs
 * "[id] unexpected failure ...", so each captured record can be matched to its request.
 */
@QuarkusTest
class RequestIdLoggingTest extends ApiTest {

    static final Pattern LOGGED_ID = Pattern.compile("^\\[([^]]+)] unexpected failure");

    /**
     * A captured record: its formatted message, the MDC value at the time it was logged, and the
     * line the JSON console format (QUARKUS_LOG_CONSOLE_JSON_ENABLED=true) would print for it.
     */
    record Captured(String message, String requestId, String json) {
    }

    final JsonFormatter json = new JsonFormatter();

    final ConcurrentLinkedQueue<Captured> captured = new ConcurrentLinkedQueue<>();
    final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r instanceof ExtLogRecord ext) {
                captured.add(new Captured(ext.getFormattedMessage(), ext.getMdc(RequestIds.MDC_KEY), json.format(ext)));
            } else {
                captured.add(new Captured(r.getMessage(), null, null));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    final Logger logger = Logger.getLogger("com.trackagoat.api.ErrorMappers");

    @BeforeEach
    void attach() {
        logger.addHandler(handler);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(handler);
    }

    List<Captured> failures() {
        return captured.stream().filter(c -> c.message() != null && LOGGED_ID.matcher(c.message()).find()).toList();
    }

    @Test
    void theLogLineOfARequestCarriesItsId() {
        var org = fx.org("starter");
        as(org).header("X-Request-Id", "mdc-given-1").get("/api/v1/test-only/boom").then().statusCode(500);
        List<Captured> lines = failures();
        assertEquals(1, lines.size(), captured.toString());
        assertEquals("mdc-given-1", lines.get(0).requestId());
        // and in JSON logs it is mdc.requestId
        JsonObject line = new JsonObject(lines.get(0).json());
        assertEquals("mdc-given-1", line.getJsonObject("mdc").getString("requestId"), line.encode());
        assertEquals("ERROR", line.getString("level"));
    }

    @Test
    void aGeneratedIdIsTheOneEchoed() {
        var org = fx.org("starter");
        String echoed = as(org).get("/api/v1/test-only/boom").then().statusCode(500).extract().header("X-Request-Id");
        assertNotNull(echoed);
        List<Captured> lines = failures();
        assertEquals(1, lines.size(), captured.toString());
        assertEquals(echoed, lines.get(0).requestId());
    }

    @Test
    void concurrentRequestsKeepTheirOwnIds() {
        var org = fx.org("ultra");
        HttpClient client = HttpClient.newHttpClient();
        String base = RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/test-only/boom";
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        int n = 12;
        for (int i = 0; i < n; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base)).header("Authorization", "Bearer " + org.key())
                    .header("X-Request-Id", "mdc-par-" + i).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var call : calls) {
            assertEquals(500, call.join().statusCode());
        }
        List<Captured> lines = failures();
        assertEquals(n, lines.size(), captured.toString());
        for (Captured c : lines) {
            Matcher m = LOGGED_ID.matcher(c.message());
            assertTrue(m.find());
            assertEquals(m.group(1), c.requestId(), "the MDC of the line is the id of its own request: " + c);
        }
        assertEquals(n, lines.stream().map(Captured::requestId).distinct().count());
    }
}
