package com.trackagoat.db;

import com.trackagoat.TrackagoatConfig;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The reactive pool (shared by Hibernate Reactive and the plain SQL repositories) with bounded
 * waits, so that a slow, stopped or hung PostgreSQL turns requests into 503 within a known time
 * instead of letting them hang (see docs/decisions.md, "Resilience"):
 * <ul>
 *     <li>{@code statement_timeout} sent as a startup parameter of every session: the server
 *     cancels a statement that runs too long (SQLSTATE 57014);</li>
 *     <li>a TCP connect timeout, TCP keep-alive, and optionally a bounded wait for a free pool
 *     connection (Vert.x' own default is 30 s).</li>
 * </ul>
 * A stopped server refuses connections at once and closes the open ones, which leave the pool;
 * nothing is retried, so requests fail fast while it is down and use fresh connections as soon as
 * it is back. A server that accepts connections but never answers is bounded by the request
 * timeout of {@link com.trackagoat.api.HttpGuards} (the SQL client has no query timeout, and its
 * idle timeout does not cut a pending query).
 */
@Singleton
public class ResilientPoolCreator implements PgPoolCreator {

    private final TrackagoatConfig config;

    public ResilientPoolCreator(TrackagoatConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        TrackagoatConfig.Db db = config.db();
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setConnectTimeout(millis(db.connectTimeout()));
            options.setTcpKeepAlive(true);
            options.addProperty("statement_timeout", Long.toString(db.statementTimeout().toMillis()));
        }
        PoolOptions pool = input.poolOptions()
                .setConnectionTimeout(millis(db.acquireTimeout()))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), pool);
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
