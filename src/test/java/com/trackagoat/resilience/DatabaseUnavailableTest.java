package com.trackagoat.resilience;

import com.trackagoat.api.ErrorMappers;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures mean "the database cannot answer now" (503) rather than a bug (500). */
class DatabaseUnavailableTest {

    static PgException pg(String state) {
        return new PgException("message", "ERROR", state, null);
    }

    @Test
    void transientDatabaseStatesAre503() {
        for (String state : new String[]{"08006", "08001", "57P01", "57P02", "57P03", "57014", "53300", "40001", "40P01"}) {
            assertTrue(ErrorMappers.isDatabaseUnavailable(pg(state)), state);
            // Hibernate Reactive reports them as java.sql.SQLException, wrapped
            assertTrue(ErrorMappers.isDatabaseUnavailable(new RuntimeException(new SQLException("x", state))), state);
        }
        assertTrue(ErrorMappers.isDatabaseUnavailable(new CompletionException(new ConnectException("Connection refused"))));
        assertTrue(ErrorMappers.isDatabaseUnavailable(new VertxException("Timeout waiting for connection")));
        assertTrue(ErrorMappers.isDatabaseUnavailable(io.vertx.sqlclient.ClosedConnectionException.INSTANCE));
        assertTrue(ErrorMappers.isDatabaseUnavailable(new java.util.concurrent.TimeoutException()));
    }

    @Test
    void otherFailuresAreNot() {
        for (String state : new String[]{"23505", "42P01", "22P02", "23503"}) {
            assertFalse(ErrorMappers.isDatabaseUnavailable(pg(state)), state);
            assertFalse(ErrorMappers.isDatabaseUnavailable(new SQLException("x", state)), state);
        }
        assertFalse(ErrorMappers.isDatabaseUnavailable(new IllegalStateException("secret detail")));
        assertFalse(ErrorMappers.isDatabaseUnavailable(new NullPointerException()));
        // a JSON parse error is bad input, whatever its text says
        assertFalse(ErrorMappers.isDatabaseUnavailable(new com.fasterxml.jackson.core.JsonParseException(null, "closed connection timeout")));
    }
}
