package com.trackagoat.api;

import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of path and query parameters into the documented 400s (docs/reference/conventions.md §5). */
public final class Params {

    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Params() {
    }

    /** An optional query parameter given with an empty value is treated as absent. */
    public static boolean isAbsent(String value) {
        return value == null || value.isEmpty();
    }

    public static boolean isUuid(String value) {
        return value != null && UUID_FORMAT.matcher(value).matches();
    }

    /** A UUID path parameter; anything else → 400 invalid_params. */
    public static UUID pathId(String value, String name) {
        if (!isUuid(value)) {
            throw ApiException.invalidParams(name);
        }
        return UUID.fromString(value);
    }

    /** An optional UUID query parameter (filters); malformed → 400 invalid_params. */
    public static UUID queryId(String value, String name) {
        if (isAbsent(value)) {
            return null;
        }
        if (!isUuid(value)) {
            throw ApiException.invalidParams(name);
        }
        return UUID.fromString(value);
    }
}
