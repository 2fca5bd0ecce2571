package com.trackagoat.api;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Keyset pagination on {@code (createdAt, id)}, newest first (docs/reference/conventions.md §6), for Panache queries. */
public final class Keyset {

    public static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    private Keyset() {
    }

    /** {@code where} narrowed to the rows after the cursor, if there is one. */
    public static String where(String where, PageRequest page) {
        return page.after() == null ? where : "(" + where + ") and (createdAt < :cursorAt or (createdAt = :cursorAt and id < :cursorId))";
    }

    public static Parameters params(Parameters params, PageRequest page) {
        return page.after() == null ? params : params.and("cursorAt", page.after().createdAt()).and("cursorId", page.after().id());
    }
}
