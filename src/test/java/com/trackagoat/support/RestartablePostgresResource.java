package com.trackagoat.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL of its own (not the shared test database) that a test can stop, start
 * again on the same port, and freeze, through {@link PostgresControl}. Its datasource properties
 * replace those of the global {@link EmbeddedPostgresResource} for the annotated class (higher
 * {@link #order()}: the test resource manager applies the properties in order). It also
 * publishes {@code test.restartable-pg.*} (data directory, binaries, port) for the control.
 */
public class RestartablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private Path dataDirectory;
    private PostgresControl control;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("trackagoat-restartable-pg");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)   // the cluster must survive a stop; deleted in stop()
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "off")
                    .start();
            java.lang.reflect.Field pgDir = EmbeddedPostgres.class.getDeclaredField("pgDir");
            pgDir.setAccessible(true);
            File bin = new File((File) pgDir.get(postgres), "bin");
            control = new PostgresControl(bin.toPath(), dataDirectory, port);
            Map<String, String> p = new LinkedHashMap<>();
            p.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres");
            p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres");
            p.put("quarkus.datasource.username", "postgres");
            p.put("quarkus.datasource.password", "postgres");
            p.put(PostgresControl.BIN, bin.getAbsolutePath());
            p.put(PostgresControl.DATA, dataDirectory.toAbsolutePath().toString());
            p.put(PostgresControl.PORT, Integer.toString(port));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot find the embedded PostgreSQL binaries", e);
        }
    }

    /** After the properties of the shared test database, so that these win. */
    @Override
    public int order() {
        return 1000;
    }

    @Override
    public void stop() {
        try {
            if (control != null) {
                control.resume();
                if (!control.isRunning()) {
                    control.start();   // zonky's close() expects a running server
                }
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dataDirectory);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory
        }
    }
}
