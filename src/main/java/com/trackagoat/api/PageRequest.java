package com.trackagoat.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Validated {@code limit} and {@code cursor} of a list request (docs/reference/conventions.md §6). Repositories
 * fetch {@code limit + 1} rows after the cursor; {@link #page} cuts the extra row off and builds
 * the meta.
 */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public static PageRequest parse(String limit, String cursor) {
        return new PageRequest(parseLimit(limit), Params.isAbsent(cursor) ? null : Cursor.decode(cursor));
    }

    static int parseLimit(String raw) {
        if (Params.isAbsent(raw)) {
            return DEFAULT_LIMIT;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                throw ApiException.invalidQuery("limit");
            }
        }
        String digits = raw.replaceFirst("^0+", "");
        if (digits.isEmpty()) {
            throw ApiException.invalidQuery("limit");
        }
        if (digits.length() > 3) {
            return MAX_LIMIT;
        }
        return Math.min(Integer.parseInt(digits), MAX_LIMIT);
    }

    /** Rows to fetch: one more than the limit tells whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }

    public <E, D> Page<D> page(List<E> rows, Function<E, Instant> createdAt, Function<E, UUID> id, Function<E, D> toDto) {
        boolean hasMore = rows.size() > limit;
        List<E> items = hasMore ? rows.subList(0, limit) : rows;
        String next = null;
        if (hasMore) {
            E last = items.get(items.size() - 1);
            next = new Cursor(createdAt.apply(last), id.apply(last)).encode();
        }
        return new Page<>(items.stream().map(toDto).toList(), hasMore, next);
    }
}
