package com.trackagoat;

import com.trackagoat.Main.Database;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's database decision: the embedded PostgreSQL only when asked for, never silently. */
class MainTest {

    private static final Map<String, String> NONE = Map.of();
    private static final Map<String, String> URL_ENV = Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db:5432/trackagoat");
    private static final Map<String, String> URL_PROPERTY = Map.of("quarkus.datasource.reactive.url", "postgresql://db:5432/trackagoat");

    private static Database jvm(Map<String, String> env, Map<String, String> properties) {
        return Main.decide(env, properties, false);
    }

    @Test
    void nothingConfiguredIsRefused() {
        assertEquals(Database.REFUSED, jvm(NONE, NONE));
        // unrelated variables change nothing, nor does a JDBC URL alone (the reactive one is the datasource)
        assertEquals(Database.REFUSED, jvm(Map.of("TRACKAGOAT_DEMO_ENABLED", "true",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/trackagoat"), NONE));
    }

    @Test
    void aDatasourceUrlIsUsedAndNothingIsEmbedded() {
        assertEquals(Database.EXTERNAL, jvm(URL_ENV, NONE));
        assertEquals(Database.EXTERNAL, jvm(NONE, URL_PROPERTY));
        // the URL wins over the request for the embedded database
        assertEquals(Database.EXTERNAL, jvm(Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db/x", "TRACKAGOAT_EMBEDDED_DB", "true"), NONE));
        assertEquals(Database.EXTERNAL, Main.decide(URL_ENV, NONE, true));
    }

    @Test
    void blankValuesCountAsUnset() {
        assertEquals(Database.REFUSED, jvm(Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", " "), Map.of("quarkus.datasource.reactive.url", "")));
        assertEquals(Database.REFUSED, jvm(Map.of("TRACKAGOAT_EMBEDDED_DB", ""), NONE));
    }

    @Test
    void theEmbeddedDatabaseIsStartedWhenAskedFor() {
        assertEquals(Database.EMBEDDED, jvm(Map.of("TRACKAGOAT_EMBEDDED_DB", "true"), NONE));
        assertEquals(Database.EMBEDDED, jvm(Map.of("TRACKAGOAT_EMBEDDED_DB", "TRUE"), NONE));
        // the system property is what ./mvnw quarkus:dev sets (pom.xml)
        assertEquals(Database.EMBEDDED, jvm(NONE, Map.of("trackagoat.embedded-db", "true")));
        // the values the configuration reads as true
        for (String yes : new String[] {"1", "yes", "y", "on", " true "}) {
            assertEquals(Database.EMBEDDED, jvm(Map.of("TRACKAGOAT_EMBEDDED_DB", yes), NONE), yes);
        }
    }

    @Test
    void anythingElseIsNotARequest() {
        for (String no : new String[] {"false", "0", "no", "off", "maybe"}) {
            assertEquals(Database.REFUSED, jvm(Map.of("TRACKAGOAT_EMBEDDED_DB", no), NONE), no);
        }
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        assertEquals(Database.REFUSED, jvm(Map.of("TRACKAGOAT_EMBEDDED_DB", "true"), Map.of("trackagoat.embedded-db", "false")));
        assertEquals(Database.EMBEDDED, jvm(Map.of("TRACKAGOAT_EMBEDDED_DB", "false"), Map.of("trackagoat.embedded-db", "true")));
    }

    @Test
    void theNativeExecutableNeverEmbeds() {
        assertEquals(Database.REFUSED_NATIVE, Main.decide(NONE, NONE, true));
        assertEquals(Database.REFUSED_NATIVE, Main.decide(Map.of("TRACKAGOAT_EMBEDDED_DB", "true"), NONE, true));
    }

    @Test
    void theRefusalIsOneLineNamingWhatToSet() {
        assertFalse(Main.NO_DATABASE.contains("\n"));
        for (String name : new String[] {"QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "TRACKAGOAT_EMBEDDED_DB=true"}) {
            assertTrue(Main.NO_DATABASE.contains(name), name);
        }
    }
}
