package com.trackagoat.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of path and query parameters into the documented 400s (docs/reference/conventions.md §5). */
public final class Params {

    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private static final Pattern DATE_FORMAT = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

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

    /**
     * A calendar date {@code YYYY-MM-DD} that exists (docs/reference/conventions.md §7: four-digit
     * year, two-digit month and day, ASCII digits; {@code 2026-02-30} is none), else null. The one
     * date rule of query parameters and body fields.
     */
    public static LocalDate date(String value) {
        if (value == null || !DATE_FORMAT.matcher(value).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(value, STRICT_DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An optional date query parameter ({@code from}, {@code to}); not a date → 400 invalid_query. */
    public static LocalDate queryDate(String value, String name) {
        if (isAbsent(value)) {
            return null;
        }
        LocalDate date = date(value);
        if (date == null) {
            throw ApiException.invalidQuery(name);
        }
        return date;
    }
}
