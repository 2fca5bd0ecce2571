package com.trackagoat.api;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request body checked by the rules of docs/reference/conventions.md §1 and §8: JSON media type (415), a JSON
 * object (400 {@code Malformed JSON body}), no type coercion, unknown fields ignored. Accessors
 * return a {@link Field} that tells "absent" from "present (possibly null)", which is what PATCH
 * needs.
 */
public final class JsonBody {

    public static final int MAX_NAME = 200;
    public static final int MAX_README = 100_000;
    public static final int MAX_METADATA_BYTES = 16 * 1024;

    /** Trailing tokens and duplicated keys make a body malformed (docs/decisions.md, "Bad input"). */
    private static final ObjectReader READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()
            .reader();
    /** RFC 3339 {@code date-time}: a four-digit year, seconds, an optional fraction, {@code Z} or an offset. */
    private static final Pattern RFC_3339 =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$");

    private final ObjectNode node;
    /** Prefix of the field names in errors, e.g. {@code creators[3].} for an item of a bulk body. */
    private final String prefix;

    private JsonBody(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** An object inside a body, whose field errors are named {@code <prefix><field>}. */
    public static JsonBody of(ObjectNode node, String prefix) {
        return new JsonBody(node, prefix);
    }

    /** Present or absent, and when present the (validated) value, which may be null. */
    public record Field<T>(boolean present, T value) {
        public static <T> Field<T> absent() {
            return new Field<>(false, null);
        }

        static <T> Field<T> of(T value) {
            return new Field<>(true, value);
        }
    }

    /**
     * Checks the media type, then parses. A missing Content-Type is treated as JSON; parameters
     * such as charset are ignored.
     */
    public static JsonBody parse(String contentType, byte[] body) {
        if (contentType != null && !contentType.isBlank()) {
            String mediaType = contentType.split(";", 2)[0].trim();
            if (!mediaType.equalsIgnoreCase("application/json")) {
                throw ApiException.unsupportedMediaType();
            }
        }
        if (body == null || body.length == 0) {
            throw ApiException.malformedBody();
        }
        JsonNode tree;
        try {
            tree = READER.readTree(body);
        } catch (IOException e) {
            throw ApiException.malformedBody();
        }
        if (tree == null || !tree.isObject()) {
            throw ApiException.malformedBody();
        }
        return new JsonBody((ObjectNode) tree, "");
    }

    public static JsonBody parse(String contentType, String body) {
        return parse(contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    public ObjectNode node() {
        return node;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    /** True when none of the given fields is present (PATCH without any updatable field). */
    public boolean hasNoneOf(String... fields) {
        for (String f : fields) {
            if (node.has(f)) {
                return false;
            }
        }
        return true;
    }

    /** A string; {@code trim} stores it trimmed and requires it non-empty (names). */
    public Field<String> string(String field, boolean nullable, int maxLength, boolean trim) {
        if (!node.has(field)) {
            return Field.absent();
        }
        JsonNode v = node.get(field);
        if (v.isNull()) {
            if (nullable) {
                return Field.of(null);
            }
            throw ApiException.invalidField(prefix + field);
        }
        if (!v.isTextual() || !isText(v.textValue())) {
            throw ApiException.invalidField(prefix + field);
        }
        String s = trim ? v.textValue().strip() : v.textValue();
        if ((trim && s.isEmpty()) || s.codePointCount(0, s.length()) > maxLength) {
            throw ApiException.invalidField(prefix + field);
        }
        return Field.of(s);
    }

    /** A required string (absent → {@code Missing required field}). */
    public String requiredString(String field, int maxLength, boolean trim) {
        if (!node.has(field)) {
            throw ApiException.missingField(prefix + field);
        }
        return string(field, false, maxLength, trim).value();
    }

    /** A name: 1–200 characters after trimming. */
    public Field<String> name(String field) {
        return string(field, false, MAX_NAME, true);
    }

    /** Notes written through {@code readme}: string or null, ≤ 100,000 characters. */
    public Field<String> readme() {
        return string("readme", true, MAX_README, false);
    }

    /** {@code metadata}: a JSON object of ≤ 16 KiB serialized, returned as its JSON text. */
    public Field<String> metadata() {
        if (!node.has("metadata")) {
            return Field.absent();
        }
        JsonNode v = node.get("metadata");
        if (!v.isObject() || !isText(v)) {
            throw ApiException.invalidField(prefix + "metadata");
        }
        String text = v.toString();
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            throw ApiException.invalidField(prefix + "metadata");
        }
        return Field.of(text);
    }

    /** An integer (no fractions, no exponents) ≥ {@code min}. */
    public Field<Long> integer(String field, boolean nullable, long min) {
        if (!node.has(field)) {
            return Field.absent();
        }
        JsonNode v = node.get(field);
        if (v.isNull()) {
            if (nullable) {
                return Field.of(null);
            }
            throw ApiException.invalidField(prefix + field);
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min) {
            throw ApiException.invalidField(prefix + field);
        }
        return Field.of(v.longValue());
    }

    public Field<Boolean> bool(String field) {
        if (!node.has(field)) {
            return Field.absent();
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw ApiException.invalidField(prefix + field);
        }
        return Field.of(v.booleanValue());
    }

    /** One of {@code allowed}; anything else, including null when not nullable → invalid field. */
    public Field<String> oneOf(String field, Set<String> allowed, boolean nullable) {
        Field<String> f = string(field, nullable, 64, false);
        if (f.present() && f.value() != null && !allowed.contains(f.value())) {
            throw ApiException.invalidField(prefix + field);
        }
        return f;
    }

    /** A required array of {@code min}–{@code max} UUID strings; any other element → invalid field. */
    public java.util.List<java.util.UUID> uuidArray(String field, int min, int max) {
        if (!node.has(field)) {
            throw ApiException.missingField(prefix + field);
        }
        JsonNode v = node.get(field);
        if (!v.isArray() || v.size() < min || v.size() > max) {
            throw ApiException.invalidField(prefix + field);
        }
        java.util.List<java.util.UUID> ids = new java.util.ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || !Params.isUuid(e.textValue())) {
                throw ApiException.invalidField(prefix + field);
            }
            ids.add(java.util.UUID.fromString(e.textValue()));
        }
        return ids;
    }

    /** An RFC 3339 date-time with any offset, normalized to UTC. */
    public Field<Instant> timestamp(String field, boolean nullable) {
        Field<String> f = string(field, nullable, 64, false);
        if (!f.present() || f.value() == null) {
            return new Field<>(f.present(), null);
        }
        if (!RFC_3339.matcher(f.value()).matches()) {
            throw ApiException.invalidField(prefix + field);
        }
        try {
            return Field.of(OffsetDateTime.parse(f.value(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(prefix + field);
        }
    }

    /**
     * True when {@code s} is storable text: no U+0000 (PostgreSQL text and jsonb refuse it) and no
     * unpaired surrogate (which would be stored as {@code ?} and answered as an escaped lone surrogate).
     */
    public static boolean isText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isText(String)} for every string and field name inside a JSON value. */
    static boolean isText(JsonNode v) {
        if (v.isTextual()) {
            return isText(v.textValue());
        }
        if (v.isObject()) {
            for (var it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!isText(e.getKey()) || !isText(e.getValue())) {
                    return false;
                }
            }
        } else if (v.isArray()) {
            for (JsonNode e : v) {
                if (!isText(e)) {
                    return false;
                }
            }
        }
        return true;
    }
}
