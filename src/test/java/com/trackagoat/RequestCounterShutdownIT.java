package com.trackagoat;

import com.trackagoat.db.EmbeddedDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged jar writes the requests it counted when it is stopped (SIGTERM): with a flush
 * interval far beyond the test, only the shutdown flush can have written them, so this checks
 * that it runs before Quarkus closes the reactive pool.
 */
class RequestCounterShutdownIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String ADMIN = "tga_" + "ad".repeat(32);
    private static final int REQUESTS = 25;

    @TempDir
    Path work;

    @Test
    void countsNotYetFlushedAreWrittenOnShutdown() throws Exception {
        if (!Files.exists(JAR)) {
            String nativeImage = System.getProperty("native.image.path");
            Assumptions.assumeFalse(nativeImage != null && Files.exists(Path.of(nativeImage)), "native build: no JVM launcher to test");
            fail(JAR + " missing: run through failsafe after packaging (./mvnw verify)");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("pg"), true)) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            for (Map.Entry<String, String> p : db.datasourceProperties().entrySet()) {
                command.add("-D" + p.getKey() + "=" + p.getValue());
            }
            command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dtrackagoat.scrape.enabled=false",
                    "-Dtrackagoat.bootstrap.admin-key=" + ADMIN, "-Dtrackagoat.request-counter.flush-interval=1h",
                    "-jar", JAR.toAbsolutePath().toString()));
            ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(work.resolve("stdout.txt").toFile()).redirectError(work.resolve("stderr.txt").toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("TRACKAGOAT_"));
            Process app = pb.start();
            UUID org;
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                String base = "http://localhost:" + port;
                awaitReady(http, base, app);
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/organizations"))
                        .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Shutdown flush\",\"tier\":\"starter\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, created.statusCode(), created.body());
                org = UUID.fromString(match("\"organization\":\\{\"id\":\"([0-9a-f-]{36})\"", created.body()));
                String key = match("\"key\":\"(tga_[0-9a-f]{64})\"", created.body());
                for (int i = 0; i < REQUESTS; i++) {
                    HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/projects"))
                            .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, res.statusCode(), res.body());
                }
                assertEquals(0, apiRequests(db, org), "nothing written while running: the flush interval is 1 h");
            } finally {
                app.destroy();   // SIGTERM
                if (!app.waitFor(60, TimeUnit.SECONDS)) {
                    app.destroyForcibly().waitFor();
                    fail("did not stop on SIGTERM");
                }
            }
            assertEquals(REQUESTS, apiRequests(db, org), "written by the shutdown flush; stdout: " + Files.readString(work.resolve("stdout.txt")));
        }
    }

    private static void awaitReady(HttpClient http, String base, Process app) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        int status = -1;
        while (status != 200 && app.isAlive() && System.nanoTime() < deadline) {
            try {
                status = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        assertEquals(200, status, "ready");
    }

    private static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }

    private static long apiRequests(EmbeddedDatabase db, UUID org) throws Exception {
        Map<String, String> p = db.datasourceProperties();
        try (Connection c = DriverManager.getConnection(p.get("quarkus.datasource.jdbc.url"), p.get("quarkus.datasource.username"),
                p.get("quarkus.datasource.password"));
             PreparedStatement st = c.prepareStatement("SELECT coalesce(sum(api_requests), 0) FROM org_daily_usage WHERE org_id = ?")) {
            st.setObject(1, org);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
