package com.trackagoat;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged jar ({@code java -jar target/quarkus-app/quarkus-run.jar}) starts an embedded
 * PostgreSQL only when asked to: launched with a clean environment (no datasource variable, no
 * {@code TRACKAGOAT_EMBEDDED_DB}) it exits at once with one line on stderr; asked for it, it starts
 * and gets ready. Plain processes, not {@code @QuarkusIntegrationTest}, which always passes a
 * datasource in.
 */
class EmbeddedOptInIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final List<String> NAMED = List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "TRACKAGOAT_EMBEDDED_DB=true");

    @TempDir
    Path work;

    /** The jar in a clean environment: no QUARKUS_* or TRACKAGOAT_* variable, no JVM option variables, run from an empty directory. */
    private ProcessBuilder jar(List<String> jvmOptions, String... env) {
        if (!Files.exists(JAR)) {
            String nativeImage = System.getProperty("native.image.path");
            Assumptions.assumeFalse(nativeImage != null && Files.exists(Path.of(nativeImage)), "native build: no JVM launcher to test");
            fail(JAR + " missing: run through failsafe after packaging (./mvnw verify)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile()).redirectError(work.resolve("stderr.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("TRACKAGOAT_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        return pb;
    }

    private void assertRefused(ProcessBuilder pb) throws Exception {
        Process p = pb.start();
        boolean exited = p.waitFor(10, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly().waitFor();
            fail("still running after 10 s instead of refusing to start");
        }
        assertNotEquals(0, p.exitValue(), "exit code");
        List<String> stderr = Files.readAllLines(work.resolve("stderr.txt"));
        assertEquals(1, stderr.size(), "one line on stderr: " + stderr);
        for (String name : NAMED) {
            assertTrue(stderr.get(0).contains(name), "names " + name + ": " + stderr.get(0));
        }
        assertEquals("", Files.readString(work.resolve("stdout.txt")), "nothing on stdout");
        assertFalse(Files.exists(work.resolve(".data")), "no embedded database created");
    }

    @Test
    void withoutDatasourceOrRequestTheJarExitsAtOnce() throws Exception {
        assertRefused(jar(List.of()));
    }

    @Test
    void aRequestOtherThanTrueIsNoRequest() throws Exception {
        assertRefused(jar(List.of(), "TRACKAGOAT_EMBEDDED_DB", "false"));
    }

    /** The system property form (what ./mvnw quarkus:dev sets): the embedded server starts, the application gets ready and stops it on SIGTERM. */
    @Test
    void askedForItTheJarStartsTheEmbeddedDatabase() throws Exception {
        Path data = work.resolve("pg");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = jar(List.of("-Dtrackagoat.embedded-db=true", "-Dtrackagoat.embedded-data-dir=" + data, "-Dquarkus.http.port=" + port,
                "-Dtrackagoat.scrape.enabled=false")).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            int status = -1;
            while (status != 200 && p.isAlive() && System.nanoTime() < deadline) {
                try {
                    status = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(500);
                }
            }
            assertEquals(200, status, "ready; stderr: " + Files.readString(work.resolve("stderr.txt")));
            assertTrue(Files.exists(data.resolve("postmaster.pid")), "the server runs in the requested directory");
        } finally {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail("did not stop on SIGTERM");
            }
        }
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "the embedded server is stopped with the application");
    }
}
