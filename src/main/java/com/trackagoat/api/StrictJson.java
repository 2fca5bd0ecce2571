package com.trackagoat.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.AccessPattern;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Jackson mapper that binds request bodies to records (docs/reference/conventions.md §8): JSON names in
 * snake_case, unknown properties ignored, and no coercion at all: each Java type takes exactly one
 * JSON type, checked by the deserializers below (a number is no string, {@code "5"} no number,
 * {@code 1.5}, {@code 1e3} and integers beyond 64 bits no {@code Long}, {@code 1} no boolean). Every
 * string must be storable text ({@link Text}). Formats that are part of a type live in its
 * deserializer: UUIDs in canonical 8-4-4-4-12 form (any case), dates as {@code YYYY-MM-DD}, timestamps
 * as RFC 3339. A value that fails any of this is a {@link JsonMappingException} whose path names the
 * field; {@link Body} reports it as {@code Invalid field}.
 */
final class StrictJson {

    /** RFC 3339 {@code date-time}: a four-digit year, seconds, an optional fraction, {@code Z} or an offset. */
    static final Pattern RFC_3339 =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$");

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // the deserializers below take one JSON type each; these cover any other scalar type a record may use
            .withCoercionConfigDefaults(c -> {
                for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
                        CoercionInputShape.EmptyArray}) {
                    c.setCoercion(shape, CoercionAction.Fail);
                }
            })
            .addModule(new SimpleModule("strict-body")
                    .addDeserializer(String.class, new FromText<>(String.class, Function.identity(), "text"))
                    .addDeserializer(Long.class, new Longs())
                    .addDeserializer(Boolean.class, new Booleans())
                    .addDeserializer(UUID.class, new FromText<>(UUID.class, StrictJson::uuid, "not a UUID"))
                    .addDeserializer(LocalDate.class, new FromText<>(LocalDate.class, StrictJson::date, "not a date YYYY-MM-DD"))
                    .addDeserializer(Instant.class, new FromText<>(Instant.class, StrictJson::timestamp, "not an RFC 3339 date-time"))
                    .addDeserializer(Field.class, new Fields()))
            .build();

    private StrictJson() {
    }

    /**
     * A JSON string holding storable text, turned into a {@code T} by {@code parse} (null when the
     * text is no {@code T}): strings themselves, UUIDs, dates and timestamps.
     */
    static final class FromText<T> extends StdDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> parse;
        private final String expected;

        FromText(Class<T> type, Function<String, T> parse, String expected) {
            super(type);
            this.type = type;
            this.parse = parse;
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            String s = p.getText();
            if (!Text.isText(s)) {
                throw ctxt.weirdStringException(s, type, "U+0000 or an unpaired surrogate");
            }
            T value = parse.apply(s);
            if (value == null) {
                throw ctxt.weirdStringException(s, type, expected);
            }
            return value;
        }
    }

    /** A UUID in the canonical 8-4-4-4-12 form, any letter case (docs/reference/conventions.md §5). */
    static UUID uuid(String s) {
        return Params.isUuid(s) ? UUID.fromString(s) : null;
    }

    /** A calendar date {@code YYYY-MM-DD} that exists (docs/reference/conventions.md §7). */
    static LocalDate date(String s) {
        return Params.date(s);
    }

    /** An RFC 3339 date-time with any offset (docs/decisions.md, "Bad input"), as an instant. */
    static Instant timestamp(String s) {
        try {
            return RFC_3339.matcher(s).matches() ? OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant() : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** JSON integers within 64 bits: no fraction, no exponent ({@code 1e3} is a float token), no string. */
    static final class Longs extends StdDeserializer<Long> {
        Longs() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return (Long) ctxt.handleUnexpectedToken(Long.class, p);
            }
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw ctxt.weirdNumberException(p.getNumberValue(), Long.class, "beyond 64 bits");
            }
            return p.getLongValue();
        }
    }

    /** {@code true} or {@code false}, nothing else. */
    static final class Booleans extends StdDeserializer<Boolean> {
        Booleans() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_TRUE)) {
                return Boolean.TRUE;
            }
            if (p.hasToken(JsonToken.VALUE_FALSE)) {
                return Boolean.FALSE;
            }
            return (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
        }
    }

    /**
     * {@link Field}: absent → {@link Field#absent()} ({@code getAbsentValue}, which Jackson asks for a
     * creator property missing from the JSON, as a record's components are), {@code null} →
     * {@code Field.of(null)}, anything else → the content type's own deserializer.
     */
    static final class Fields extends StdDeserializer<Field<?>> implements ContextualDeserializer {
        private final JsonDeserializer<Object> content;

        Fields() {
            this(null);
        }

        private Fields(JsonDeserializer<Object> content) {
            super(Field.class);
            this.content = content;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            JavaType type = property != null ? property.getType() : ctxt.getContextualType();
            return new Fields(ctxt.findContextualValueDeserializer(type.containedTypeOrUnknown(0), property));
        }

        @Override
        public Field<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Field.of(content.deserialize(p, ctxt));
        }

        @Override
        public Field<?> getNullValue(DeserializationContext ctxt) {
            return Field.of(null);
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return Field.absent();
        }
    }
}
