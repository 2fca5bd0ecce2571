package com.trackagoat.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Wire formats of docs/reference/conventions.md §9. */
public final class Json {

    private Json() {
    }

    /** {@code YYYY-MM-DDTHH:MM:SSZ}, UTC, truncated to whole seconds; null stays null. */
    public static String ts(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Now on {@code clock}, at the microsecond precision PostgreSQL stores, so cursors round-trip exactly. */
    public static Instant now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
