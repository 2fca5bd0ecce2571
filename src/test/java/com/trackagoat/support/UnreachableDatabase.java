package com.trackagoat.support;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A pool pointing at a local port nobody listens on: every connect is refused at once. */
public final class UnreachableDatabase {

    private UnreachableDatabase() {
    }

    public static Pool pool(Vertx vertx) {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(closedPort)
                .setDatabase("none").setUser("none").setPassword("none").setConnectTimeout(2000)).using(vertx).build();
    }
}
