package com.trackagoat;

import com.trackagoat.db.EmbeddedDatabase;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/**
 * Entry point. When no datasource URL is configured (neither the system property nor the
 * environment variable {@code QUARKUS_DATASOURCE_REACTIVE_URL}), an embedded PostgreSQL is
 * started first, its data kept in {@code TRACKAGOAT_EMBEDDED_DATA_DIR} (default
 * {@code .data/postgres}) across restarts, and stopped after the application. The native
 * executable has no embedded PostgreSQL and exits with a message instead.
 */
@QuarkusMain
public class Main {

    private static final Logger LOG = Logger.getLogger(Main.class);

    public static void main(String... args) {
        if (datasourceConfigured()) {
            Quarkus.run(args);
            return;
        }
        if (ImageMode.current() == ImageMode.NATIVE_RUN) {
            // the native executable does not carry the embedded PostgreSQL binaries
            System.err.println("No datasource URL configured: the native executable needs an external PostgreSQL; set "
                    + "QUARKUS_DATASOURCE_REACTIVE_URL, QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD");
            System.exit(1);
        }
        Path dir = Path.of(System.getenv().getOrDefault("TRACKAGOAT_EMBEDDED_DATA_DIR", ".data/postgres")).toAbsolutePath();
        LOG.infof("No datasource URL configured: starting the embedded PostgreSQL (data in %s)", dir);
        EmbeddedDatabase db = EmbeddedDatabase.start(dir, false);
        db.datasourceProperties().forEach(System::setProperty);
        int[] exit = {0};
        try {
            Quarkus.run(null, (code, failure) -> exit[0] = code, args);
        } finally {
            db.close();
        }
        System.exit(exit[0]);
    }

    static boolean datasourceConfigured() {
        return System.getProperty("quarkus.datasource.reactive.url") != null
                || System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") != null;
    }
}
