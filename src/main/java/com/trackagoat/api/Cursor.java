package com.trackagoat.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keyset position {@code (created_at, id)} of the last row of a page (docs/reference/conventions.md §6). Encoded
 * as base64url of {@code <created_at in epoch microseconds>_<id>}; clients treat it as opaque.
 */
public record Cursor(Instant createdAt, UUID id) {

    private static final Pattern FORMAT = Pattern.compile("^(-?\\d{1,19})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");

    public String encode() {
        long micros = createdAt.getEpochSecond() * 1_000_000L + createdAt.getNano() / 1_000;
        String raw = micros + "_" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws ApiException 400 invalid_query (param {@code cursor}) when it does not decode. */
    public static Cursor decode(String value) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
            var m = FORMAT.matcher(raw);
            if (!m.matches()) {
                throw ApiException.invalidQuery("cursor");
            }
            long micros = Long.parseLong(m.group(1));
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return new Cursor(at, UUID.fromString(m.group(2)));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ApiException.invalidQuery("cursor");
        }
    }
}
