package com.trackagoat.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trackagoat.fuzz.BadInputGenerator.Case;
import com.trackagoat.fuzz.BadInputGenerator.Expect;
import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Routes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5, item 4: at least 5,000 generated malformed requests across every endpoint (seeded,
 * deterministic; {@code -Dfuzz.seed=} replays another sequence). No answer may be a 5xx, a hang
 * or anything but the envelope with a catalogue code, {@code application/json} and an
 * {@code X-Request-Id}; where the check order decides it, the exact status, code and param.
 */
@QuarkusTest
@TestProfile(BadInputTest.Unlimited.class)
class BadInputTest extends ApiTest {

    /** No 429 may mask what the malformed input does. */
    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trackagoat.rate-limit.per-key-per-minute", "100000000",
                    "trackagoat.tiers.ultra.max-api-requests-per-day", "-1");
        }
    }

    static final long SEED = Long.getLong("fuzz.seed", 20260315L);
    static final int MINIMUM = 6_000;
    static final int THREADS = 4;
    static final int TIMEOUT_MS = 20_000;

    /** docs/reference/conventions.md §3: every code and its status. */
    static final Map<String, Integer> CATALOGUE = Map.ofEntries(
            Map.entry("invalid_query", 400), Map.entry("invalid_params", 400), Map.entry("invalid_body", 400),
            Map.entry("invalid_api_key", 401), Map.entry("limit_reached", 402), Map.entry("retention_exceeded", 402),
            Map.entry("insufficient_scope", 403), Map.entry("org_banned", 403), Map.entry("not_found", 404),
            Map.entry("method_not_allowed", 405), Map.entry("handle_taken", 409), Map.entry("creator_banned", 409),
            Map.entry("invalid_handle", 409), Map.entry("no_change", 409), Map.entry("default_method", 409),
            Map.entry("idempotency_key_reused", 409), Map.entry("idempotency_key_in_use", 409), Map.entry("duplicate", 409),
            Map.entry("cycle_detected", 409), Map.entry("gone", 410), Map.entry("payload_too_large", 413),
            Map.entry("uri_too_long", 414), Map.entry("unsupported_media_type", 415), Map.entry("rate_limit_exceeded", 429),
            Map.entry("internal_error", 500), Map.entry("service_unavailable", 503));

    /** The fixed {@code error} texts (docs/reference/conventions.md §3). */
    static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("invalid_api_key", "Invalid or missing API key"), Map.entry("org_banned", "Organization is banned"),
            Map.entry("not_found", "Not found"), Map.entry("method_not_allowed", "Method not allowed"),
            Map.entry("payload_too_large", "Request body too large"), Map.entry("uri_too_long", "Request line too long"),
            Map.entry("unsupported_media_type", "Content-Type must be application/json"),
            Map.entry("rate_limit_exceeded", "Rate limit exceeded"),
            Map.entry("idempotency_key_reused", "Idempotency-Key was already used for a different request"),
            Map.entry("idempotency_key_in_use", "A request with this Idempotency-Key is still in progress"),
            Map.entry("internal_error", "Internal server error"), Map.entry("service_unavailable", "Service temporarily unavailable"));

    static final Pattern UUID_FORMAT = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9._-]{1,128}$");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void malformedRequestsNeverYieldA5xxAndAlwaysTheEnvelope() throws Exception {
        var org = fx.org("ultra");
        UUID project = fx.project(org.id(), "Fuzz");
        UUID creator = fx.creator(org.id(), project, "fuzz.creator", "active");
        UUID video = fx.video(org.id(), project, creator, "auto_tracked");
        UUID campaign = fx.campaign(org.id(), project, "Fuzz campaign");
        fx.campaignItem(org.id(), project, campaign, "video", video);
        UUID annotation = fx.annotation(org.id(), "creator", creator, "2026-01-02", "note", "Fuzz annotation");
        fx.videoSnapshot(org.id(), video, "2026-01-02T10:00:00Z", 100, 10, 1, 1, 1, "video_added");
        fx.creatorSnapshot(org.id(), creator, "2026-01-02T10:00:00Z", 1000, 10, 100, 5, "creator_added");
        UUID spareKey = fx.key(org.id(), com.trackagoat.auth.ApiKeys.generate(), "read");
        var target = fx.org("free");
        var admin = fx.platform();
        var ids = new BadInputGenerator.Ids(project, creator, video, campaign, annotation, spareKey, target.id(), org.key(), admin.key());
        long organizations = fx.count("SELECT count(*) FROM organization");

        List<Case> cases = new BadInputGenerator(SEED, ids).generate(MINIMUM);
        assertTrue(cases.size() >= 5_000, "only " + cases.size() + " cases");

        Map<Integer, AtomicInteger> byStatus = Collections.synchronizedMap(new TreeMap<>());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                try (RawHttp http = new RawHttp("localhost", RestAssured.port, TIMEOUT_MS)) {
                    for (int i = next.getAndIncrement(); i < cases.size(); i = next.getAndIncrement()) {
                        Case c = cases.get(i);
                        try {
                            RawHttp.Response res = http.send(c.request());
                            byStatus.computeIfAbsent(res.status(), s -> new AtomicInteger()).incrementAndGet();
                            List<String> problems = check(c, res);
                            if (!problems.isEmpty()) {
                                failures.add("#" + i + " " + c.describe() + " → " + res.status() + " " + abbreviate(res.text()) + " : " + problems);
                            }
                        } catch (Exception e) {
                            http.close();
                            byStatus.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                            failures.add("#" + i + " " + c.describe() + " → " + e);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;

        long codec = cases.stream().filter(c -> c.expect().byCodec()).count();
        System.out.printf("bad-input: %d malformed requests in %.1f s (seed %d, %d connections): statuses %s; %d refused by the HTTP codec"
                + " (bare 400); %d failures%n", cases.size(), seconds, SEED, THREADS, byStatus, codec, failures.size());
        List<String> all = failures.stream().sorted().toList();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "bad-input-failures.txt"), all);
        List<String> first = all.stream().limit(40).toList();
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " answers broke the contract, e.g.:\n" + String.join("\n", first));

        // Malformed input changes nothing: no row created, removed or revoked.
        assertEquals(organizations, fx.count("SELECT count(*) FROM organization"));
        assertEquals(1, fx.count("SELECT count(*) FROM project WHERE org_id = $1", org.id()));
        assertEquals(1, fx.count("SELECT count(*) FROM creator WHERE org_id = $1 AND status = 'active'", org.id()));
        assertEquals(1, fx.count("SELECT count(*) FROM video WHERE org_id = $1 AND deleted_at IS NULL AND tracking_status = 'auto_tracked'", org.id()));
        assertEquals(1, fx.count("SELECT count(*) FROM campaign WHERE org_id = $1", org.id()));
        assertEquals(1, fx.count("SELECT count(*) FROM campaign_item WHERE org_id = $1", org.id()));
        assertEquals(List.of(annotation.toString()), fx.rows("SELECT id::text FROM annotation WHERE org_id = $1", org.id()));
        assertEquals(2, fx.count("SELECT count(*) FROM api_key WHERE org_id = $1 AND revoked_at IS NULL", org.id()));
        assertEquals(0, fx.count("SELECT count(*) FROM organization WHERE banned"));

        // Malformed input does not multiply the HTTP metric series: every answer the application gives is
        // tagged with its route template or a fixed word. (The HTTP codec's own bare 400s never reach a
        // route; micrometer caps those at max-uri-tags.)
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "http_server_requests_seconds_count\\{[^}]*status=\"(\\d+)\"[^}]*uri=\"([^\"]*)\"").matcher(metrics);
        java.util.Set<String> templates = new java.util.TreeSet<>(List.of("NOT_FOUND", "UNMATCHED", "/UNMATCHED", "REDIRECTION", "root"));
        Routes.all().forEach(r -> templates.add(r.path()));
        java.util.Set<String> unexpected = new java.util.TreeSet<>();
        int series = 0;
        while (m.find()) {
            series++;
            String uri = m.group(2);
            if (!m.group(1).equals("400") && !templates.contains(uri) && !uri.startsWith("/q/")) {
                unexpected.add(m.group(1) + " " + uri);
            }
        }
        assertTrue(series > 0, "no http_server_requests series");
        assertTrue(unexpected.isEmpty(), unexpected.size() + " uri tags that are no route template: " + unexpected);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** Everything the contract requires of one answer; empty when it holds. */
    /** The raw (not enveloped) answers of the API: the OpenAPI documents. */
    private static final List<String> RAW_DOCUMENTS = List.of("/api/v1/openapi.json", "/api/v1/analytics/schema");

    /** The generator's route list is checked against the application's routes, so a new route cannot be left out. */
    @Test
    void everyRouteOfTheApplicationIsFuzzed() {
        var ids = new BadInputGenerator.Ids(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "k", "k");
        java.util.Set<String> fuzzed = new java.util.TreeSet<>();
        new BadInputGenerator(SEED, ids).allRoutes().forEach(r -> fuzzed.add(r.method() + " " + r.template()));
        java.util.Set<String> routes = new java.util.TreeSet<>();
        Routes.all().forEach(r -> routes.add(r.method() + " " + r.path().replaceAll("\\{[A-Za-z]+}", ":id")));
        assertEquals(routes, fuzzed);
    }

    static List<String> check(Case c, RawHttp.Response res) {
        List<String> p = new ArrayList<>();
        Expect e = c.expect();
        int status = res.status();
        if (status >= 500) {
            p.add("status " + status);
        }
        if (!e.statuses().isEmpty() && !e.statuses().contains(status)) {
            p.add("expected " + e + ", got " + status);
        }
        if (e.byCodec()) {
            return p;   // answered by the HTTP codec, bare (see Expect.codec)
        }
        String contentType = res.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            p.add("Content-Type " + contentType);
        }
        String requestId = res.header("X-Request-Id");
        byte[] sentId = c.headers().get("X-Request-Id");
        if (requestId == null || requestId.isEmpty()) {
            p.add("no X-Request-Id");
        } else if (sentId != null) {
            String sent = new String(sentId, StandardCharsets.ISO_8859_1);
            if (REQUEST_ID.matcher(sent).matches() ? !sent.equals(requestId) : !UUID_FORMAT.matcher(requestId).matches()) {
                p.add("X-Request-Id " + requestId + " for sent " + sent);
            }
        }
        if (c.method().equals("HEAD")) {
            return p;   // no body to check
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(res.body());
        } catch (Exception ex) {
            p.add("body is not JSON");
            return p;
        }
        if (body == null || !body.isObject()) {
            p.add("body is not a JSON object");
            return p;
        }
        List<String> keys = new ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        if (status == 200 && RAW_DOCUMENTS.stream().anyMatch(d -> c.target().equals(d) || c.target().startsWith(d + "?"))) {
            if (!body.path("openapi").isTextual()) {
                p.add("not the OpenAPI document");
            }
            return p;
        }
        if (!keys.equals(List.of("data", "error", "meta"))) {
            p.add("envelope keys " + keys);
            return p;
        }
        JsonNode meta = body.get("meta");
        if (status < 400) {
            if (!body.get("error").isNull()) {
                p.add("error on a success");
            }
            if (body.get("data").isNull()) {
                p.add("data null on a success");
            }
            return p;
        }
        if (!body.get("data").isNull()) {
            p.add("data on an error");
        }
        if (!body.get("error").isTextual()) {
            p.add("error not a string");
            return p;
        }
        String error = body.get("error").textValue();
        if (!meta.isObject() || !meta.path("code").isTextual()) {
            p.add("meta without code");
            return p;
        }
        String code = meta.get("code").textValue();
        Integer catalogued = CATALOGUE.get(code);
        if (catalogued == null) {
            p.add("code " + code + " not in the catalogue");
            return p;
        }
        if (catalogued != status) {
            p.add("code " + code + " with status " + status);
        }
        p.addAll(metaShape(code, error, meta));
        if (e.code() != null && !e.code().equals(code)) {
            p.add("expected " + e + ", got code " + code);
        }
        if (e.metaKey() != null) {
            JsonNode v = meta.get(e.metaKey());
            if (e.metaValue() == null ? v != null : v == null || !e.metaValue().equals(v.asText())) {
                p.add("expected " + e + ", got meta " + meta);
            }
            if (e.metaValue() == null && e.metaKey().equals("field") && !error.equals("Malformed JSON body")) {
                p.add("expected Malformed JSON body, got " + error);
            }
        }
        return p;
    }

    /** The exact meta keys and error text of each code. */
    static List<String> metaShape(String code, String error, JsonNode meta) {
        List<String> p = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        meta.fieldNames().forEachRemaining(keys::add);
        List<String> expected = switch (code) {
            case "invalid_query", "invalid_params" -> List.of("code", "param");
            case "invalid_body" -> meta.has("field") ? List.of("code", "field") : List.of("code");
            case "limit_reached" -> List.of("code", "limitKey", "current", "max");
            case "retention_exceeded" -> List.of("code", "retention_days", "earliest_from");
            case "insufficient_scope" -> List.of("code", "required", "granted");
            case "rate_limit_exceeded" -> List.of("code", "retryAfter");
            default -> List.of("code");
        };
        if (!keys.equals(expected)) {
            p.add("meta keys " + keys + " for " + code);
            return p;
        }
        String text = switch (code) {
            case "invalid_query" -> "Invalid query parameter: " + meta.get("param").asText();
            case "invalid_params" -> "Invalid parameter: " + meta.get("param").asText();
            case "handle_taken", "creator_banned", "invalid_handle", "no_change", "default_method" -> code;
            default -> TEXTS.get(code);
        };
        if (code.equals("invalid_body")) {
            Set<String> allowed = meta.has("field")
                    ? Set.of("Invalid field: " + meta.get("field").asText(), "Missing required field: " + meta.get("field").asText())
                    : Set.of("Malformed JSON body", "At least one updatable field is required");
            if (!allowed.contains(error)) {
                p.add("error text " + error + " for " + meta);
            }
        } else if (code.equals("insufficient_scope")) {
            if (!error.startsWith("This action requires the '" + meta.get("required").asText() + "' scope. Granted: [")) {
                p.add("error text " + error);
            }
        } else if (text != null && !text.equals(error)) {
            p.add("error text " + error + " for " + code);
        }
        return p;
    }
}
