package com.trackagoat.support;

import com.trackagoat.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** A fresh embedded PostgreSQL for each test run; the application applies its migrations to it. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase db;

    @Override
    public Map<String, String> start() {
        try {
            db = EmbeddedDatabase.start(Files.createTempDirectory("trackagoat-test-pg"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return db.datasourceProperties();
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}
