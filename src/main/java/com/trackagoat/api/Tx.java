package com.trackagoat.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.List;


/**
 * The SQL transaction a repository statement joins: a connection of the reactive pool (inside
 * {@code pool.withTransaction}) or the current Panache session (inside {@code @WithTransaction}).
 * Only what both kinds of service share takes it (stats-version bump, plan limits, handle check,
 * resume-baseline reset, and the stats rollups, which every writer keeps up to date in its own
 * transaction); every other repository method takes the {@link SqlConnection}.
 * Statements are written once, for the pool ({@code $1, $2, …}).
 */
public interface Tx {

    /** The first column of the first row, or null when there is no row. */
    <T> Uni<T> value(Class<T> type, String sql, Object... params);

    /** Runs a statement; answers the number of rows it changed. */
    Uni<Integer> update(String sql, Object... params);

    /**
     * The rows of a query, each as its column values. Columns must be of types both kinds of
     * transaction return alike: uuid, text, boolean and integers (read numbers as {@link Number});
     * dates and times travel as integers (epoch days, epoch microseconds).
     */
    Uni<List<Object[]>> rows(String sql, Object... params);

    /** The transaction of a pool connection. */
    static Tx of(SqlConnection c) {
        return new Tx() {
            @Override
            public <T> Uni<T> value(Class<T> type, String sql, Object... params) {
                return c.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> first(rows, type));
            }

            @Override
            public Uni<Integer> update(String sql, Object... params) {
                return c.preparedQuery(sql).execute(Tuple.from(params)).map(RowSet::rowCount);
            }

            @Override
            public Uni<List<Object[]>> rows(String sql, Object... params) {
                return c.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
                    List<Object[]> out = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        Object[] values = new Object[r.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = r.getValue(i);
                        }
                        out.add(values);
                    }
                    return out;
                });
            }
        };
    }

    /** The transaction of the current Panache session, as native SQL. */
    static Tx session() {
        return new Tx() {
            @Override
            public <T> Uni<T> value(Class<T> type, String sql, Object... params) {
                return Panache.getSession().flatMap(s -> bind(s.createNativeQuery(positional(sql), type), params).getResultList())
                        .map(rows -> rows.isEmpty() ? null : rows.get(0));
            }

            @Override
            public Uni<Integer> update(String sql, Object... params) {
                return Panache.getSession().flatMap(s -> bind(s.<Object>createNativeQuery(positional(sql)), params).executeUpdate());
            }

            /** Flushes the session first, so that the query sees the entities changed in this transaction. */
            @Override
            public Uni<List<Object[]>> rows(String sql, Object... params) {
                return Panache.getSession().call(Mutiny.Session::flush)
                        .flatMap(s -> bind(s.<Object>createNativeQuery(positional(sql)), params).getResultList())
                        .map(rows -> rows.stream().map(r -> r instanceof Object[] a ? a : new Object[]{r}).toList());
            }
        };
    }

    private static <T> T first(RowSet<Row> rows, Class<T> type) {
        return rows.size() == 0 ? null : rows.iterator().next().get(type, 0);
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Object[] params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }

    /** Pool placeholders ({@code $1}) as JPA positional parameters ({@code ?1}). */
    private static String positional(String sql) {
        return sql.replaceAll("\\$(\\d+)", "?$1 ");
    }
}
