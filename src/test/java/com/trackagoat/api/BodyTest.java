package com.trackagoat.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.trackagoat.api.constraints.AtLeastOneField;
import com.trackagoat.api.constraints.Name;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.trackagoat.api.Bodies.assertAnswer;
import static com.trackagoat.api.Bodies.assertInvalid;
import static com.trackagoat.api.Bodies.assertMalformed;
import static com.trackagoat.api.Bodies.assertMissing;
import static com.trackagoat.api.Bodies.assertNoUpdatableField;
import static com.trackagoat.api.Bodies.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The body step itself: parsing, the strict mapper, absent/null/value, and how failures are named and ordered. */
class BodyTest {

    /** One component of every type the strict mapper knows. */
    public record Types(String text, Long number, Boolean flag, UUID id, LocalDate day, Instant at, List<String> texts) {
    }

    public record Patch(Field<@NotNull String> name, Field<String> note, Field<@Min(0) Long> count) {
    }

    @AtLeastOneField
    public record NonEmpty(Field<String> a, Field<String> b) {
    }

    public record Inner(@NotNull @Name String name, Long count) {
    }

    /** Nested records are bound as a whole: their fields are named {@code items[1].count}. */
    public record Outer(@NotNull List<@Valid Inner> items, @Valid Inner one) {
    }

    public record Ordered(@NotNull String first, @Min(1) Long second, @NotNull @Name String third) {
    }

    public record Primitive(int n) {
    }

    public record Exploding(String a) {
        public Exploding {
            if ("boom".equals(a)) {
                throw new IllegalArgumentException("boom");
            }
        }
    }

    // ------------------------------------------------------------------------------ parse

    @Test
    void mediaTypes() {
        for (String ok : new String[]{null, "", "  ", "application/json", "APPLICATION/JSON", "application/json; charset=utf-8",
                "application/json;charset=ISO-8859-1", " application/json ;x=y"}) {
            assertEquals("{\"a\":1}", Body.parse(ok, "{\"a\":1}").toString(), String.valueOf(ok));
        }
        for (String bad : new String[]{"text/plain", "json", "application", "application/json-patch+json", "application/*", "*/*",
                "application/x-www-form-urlencoded", "application/json/x", ";charset=utf-8", "text/json"}) {
            assertAnswer(ApiException.unsupportedMediaType(), () -> Body.parse(bad, "{}"), bad);
        }
        // the media type comes before the body: a malformed body with a bad type is 415
        assertAnswer(ApiException.unsupportedMediaType(), () -> Body.parse("text/plain", "{"), "{");
    }

    @Test
    void malformedBodies() {
        for (String bad : new String[]{"", " ", "{", "[]", "[{}]", "\"text\"", "42", "null", "true", "{} {}", "{\"a\":1}{\"b\":2}", "{}}",
                "{\"a\":1,}", "{'a':1}", "{a:1}", "{\"a\":NaN}", "{\"a\":01}", "{/*c*/}", "{\"name\":5,\"name\":\"ok\"}",
                "{\"a\":{\"b\":1,\"b\":2}}", "{\"a\":\"\\x\"}", "{\"a\":\"\n\"}"}) {
            assertAnswer(ApiException.malformedBody(), () -> Body.parse("application/json", bad), bad);
        }
        assertAnswer(ApiException.malformedBody(), () -> Body.parse("application/json", (byte[]) null), "null bytes");
        assertEquals("{}", Body.parse(null, " {}\n").toString());
    }

    @Test
    void onlyObjectsAreBound() {
        ObjectNode body = Body.parse(null, "{\"items\":[5,null,[]]}");
        for (int i = 0; i < 3; i++) {
            int index = i;
            assertAnswer(ApiException.invalidField("items[" + i + "]"), () -> Bodies.BODY.bind(body.get("items").get(index), Types.class, "items[" + index + "]"), "");
        }
        assertAnswer(ApiException.malformedBody(), () -> Bodies.BODY.bind(body.get("items").get(0), Types.class), "");
        assertThrows(IllegalArgumentException.class, () -> bind("{}", Primitive.class));
    }

    /** A record that cannot be built is a bug of the record (500), not bad input. */
    @Test
    void brokenRecordsAreNotBadInput() {
        assertEquals("ok", bind("{\"a\":\"ok\"}", Exploding.class).a());
        assertThrows(IllegalStateException.class, () -> bind("{\"a\":\"boom\"}", Exploding.class));
    }

    // ------------------------------------------------------------------------------ strict types

    @Test
    void eachTypeTakesOneJsonType() {
        Types t = bind("{\"text\":\"x\",\"number\":-0,\"flag\":false,\"id\":\"0B6F1B8A-2C3D-4E5F-8A9B-0C1D2E3F4A5B\",\"day\":\"2024-02-29\","
                + "\"at\":\"2026-03-15t10:00:00.5+01:00\",\"texts\":[\"a\",\"\"],\"unknown\":{\"ignored\":[1]}}", Types.class);
        assertEquals(new Types("x", 0L, false, UUID.fromString("0b6f1b8a-2c3d-4e5f-8a9b-0c1d2e3f4a5b"), LocalDate.of(2024, 2, 29),
                Instant.parse("2026-03-15T09:00:00.500Z"), List.of("a", "")), t);
        assertEquals(new Types(null, null, null, null, null, null, null), bind("{\"text\":null,\"number\":null,\"texts\":null}", Types.class));
        assertEquals(9223372036854775807L, bind("{\"number\":9223372036854775807}", Types.class).number());

        String[][] bad = {
                {"text", "5", "1.5", "true", "[]", "{}", "[\"x\"]", "\"a\\u0000\"", "\"\\ud800\"", "\"\\udc00\"", "\"x\\udc00\\ud800\""},
                {"number", "\"5\"", "1.5", "1e3", "1E2", "1.0", "-0.0", "true", "[]", "[5]", "{}", "9223372036854775808", "-9223372036854775809",
                        "99999999999999999999", "\"\""},
                {"flag", "\"true\"", "1", "0", "[]", "{}", "\"yes\"", "[true]"},
                {"id", "5", "\"x\"", "\"AAAAAAAAAAAAAAAAAAAAAA==\"", "\"8f14e45fceea4e7a9a2b1c3d5e7f9a21\"", "\"{8f14e45f-ceea-4e7a-9a2b-1c3d5e7f9a21}\"",
                        "\" 8f14e45f-ceea-4e7a-9a2b-1c3d5e7f9a21\"", "[\"8f14e45f-ceea-4e7a-9a2b-1c3d5e7f9a21\"]"},
                {"day", "\"2026-02-30\"", "\"2025-02-29\"", "\"2026-1-01\"", "\"+2026-01-01\"", "\"2026-01-01T00:00:00Z\"", "20260101", "\"\""},
                {"at", "\"2026-03-15\"", "\"2026-03-15T10:00Z\"", "\"2026-03-15T10:00:00\"", "\"+999999-01-01T00:00:00Z\"",
                        "\"2026-03-15T10:00:00+25:00\"", "\"2026-02-30T00:00:00Z\"", "\"2026-03-15T10:00:00.1234567890Z\"", "1710496800"},
                {"texts", "\"a\"", "{}", "[5]", "[[\"a\"]]", "[\"a\\u0000\"]", "5"},
        };
        for (String[] field : bad) {
            for (int i = 1; i < field.length; i++) {
                assertInvalid(field[0], "{\"" + field[0] + "\":" + field[i] + "}", Types.class);
            }
        }
    }

    // ------------------------------------------------------------------------------ absent, null, value

    @Test
    void fieldTellsAbsentFromNullFromValue() throws Exception {
        // Jackson itself: a record's missing creator property gets the deserializer's absent value
        Patch direct = StrictJson.MAPPER.readValue("{\"note\":null,\"count\":3}", Patch.class);
        assertSame(Field.absent(), direct.name());
        assertEquals(Field.of(null), direct.note());
        assertEquals(Field.of(3L), direct.count());

        Patch p = bind("{\"name\":\"x\",\"note\":null}", Patch.class);
        assertEquals(Field.of("x"), p.name());
        assertTrue(p.note().present());
        assertNull(p.note().value());
        assertFalse(p.count().present());
        assertEquals(Field.of(null), bind("{\"count\":null}", Patch.class).count());

        assertInvalid("name", "{\"name\":null}", Patch.class);                 // @NotNull inside: not nullable, still optional
        assertInvalid("count", "{\"count\":-1}", Patch.class);
        assertInvalid("count", "{\"count\":1.5}", Patch.class);
        assertNoUpdatableField("{}", NonEmpty.class);
        assertNoUpdatableField("{\"c\":1}", NonEmpty.class);
        assertEquals(Field.of(null), bind("{\"b\":null}", NonEmpty.class).b());
        assertEquals("fallback", Field.<String>absent().orElse("fallback"));
        assertNull(Field.<String>of(null).orElse("fallback"));
    }

    // ------------------------------------------------------------------------------ naming and order

    @Test
    void nestedFieldsAreNamedAsInTheJson() {
        assertInvalid("items[1].count", "{\"items\":[{\"name\":\"a\"},{\"name\":\"b\",\"count\":\"7\"}]}", Outer.class);
        assertInvalid("items[2].name", "{\"items\":[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"  \"}]}", Outer.class);
        assertMissing("items[1].name", "{\"items\":[{\"name\":\"a\"},{\"count\":1}]}", Outer.class);
        assertInvalid("items[1].name", "{\"items\":[{\"name\":\"a\"},{\"name\":null}]}", Outer.class);
        assertInvalid("one.name", "{\"items\":[],\"one\":{\"name\":5}}", Outer.class);
        // an element that is wrong itself is reported by its array
        assertInvalid("items", "{\"items\":[{\"name\":\"a\"},5]}", Outer.class);
        assertInvalid("texts", "{\"texts\":[\"a\",\"b\",7]}", Types.class);
        // the lowest index first, counted as numbers
        assertInvalid("items[2].name", "{\"items\":[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"\"},{},{},{},{},{},{},{},{\"name\":\"\"}]}",
                Outer.class);
        assertTrue(BodyErrors.NATURAL.compare("items[2].name", "items[10].a") < 0);
        assertTrue(BodyErrors.NATURAL.compare("a", "a[0]") < 0);
    }

    @Test
    void theFirstBadComponentIsReportedWhateverTheKeyOrder() {
        assertMissing("first", "{\"third\":\"  \",\"second\":0}", Ordered.class);
        assertInvalid("first", "{\"third\":5,\"second\":\"x\",\"first\":null}", Ordered.class);
        assertInvalid("second", "{\"third\":\"\",\"second\":0,\"first\":\"a\"}", Ordered.class);
        assertInvalid("second", "{\"third\":[],\"second\":1.5,\"first\":\"a\"}", Ordered.class);
        assertMissing("third", "{\"second\":1,\"first\":\"a\"}", Ordered.class);
        assertInvalid("third", "{\"third\":\"x\\u0000\",\"first\":\"a\"}", Ordered.class);
        assertEquals(new Ordered("a", null, "b"), bind("{\"third\":\"b\",\"first\":\"a\"}", Ordered.class));
    }

    @Test
    void prefixedObjects() {
        JsonNode item = Body.parse(null, "{\"first\":\"a\",\"second\":1}");
        assertAnswer(ApiException.missingField("list[3].third"), () -> Bodies.BODY.bind(item, Ordered.class, "list[3]"), "");
        JsonNode typed = Body.parse(null, "{\"number\":\"1\"}");
        assertAnswer(ApiException.invalidField("list[0].number"), () -> Bodies.BODY.bind(typed, Types.class, "list[0]"), "");
    }

    @Test
    void storableText() {
        assertTrue(Text.isText(""));
        assertTrue(Text.isText("\ud83d\ude00 é \u202e"));
        assertFalse(Text.isText("a\u0000"));
        assertFalse(Text.isText("\ud800"));
        assertFalse(Text.isText("x\udc00"));
        assertFalse(Text.isText("\ude00\ud83d"));
        assertFalse(Text.isText(Body.parse(null, "{\"a\":[{\"b\\u0000\":1}]}")));
        assertFalse(Text.isText(Body.parse(null, "{\"a\":[1,\"\\ud800\"]}")));
        assertTrue(Text.isText(Body.parse(null, "{\"a\":[1,\"\\ud83d\\ude00\",null,{\"\":true}]}")));
        assertEquals(1, Text.length("\ud83d\ude00"));
    }
}
