package com.trackagoat.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.constraints.OneOf;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential check of a body record against today's hand parsing: the same bodies go through
 * {@link JsonBody} and the service's own sequence of field checks (the "oracle", copied from the
 * service or called where it is a static method), and through {@link Body#bind}; both must give the
 * same answer, an identical 400 or the same values. Remove together with {@code JsonBody} once the
 * services take the records.
 */
public final class Parity {

    private Parity() {
    }

    /** A field with JSON texts of values it accepts and values it refuses. */
    public record F(String name, List<String> good, List<String> bad) {
    }

    /** An oracle's view of a field: present or not, and the value (JSON objects as their text). */
    public static Field<Object> field(JsonBody.Field<?> f) {
        return f.present() ? Field.of(f.value()) : Field.absent();
    }

    /** The values of the {@code @OneOf} on a record component, on it or on a type argument (Field<@OneOf String>, List<@OneOf String>). */
    public static Set<String> oneOf(Class<? extends Record> type, String component) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(component)) {
                OneOf found = find(c.getAnnotatedType());
                if (found == null) {
                    throw new IllegalArgumentException("no @OneOf on " + type.getSimpleName() + "." + component);
                }
                return Set.of(found.value());
            }
        }
        throw new IllegalArgumentException("no component " + component);
    }

    private static OneOf find(AnnotatedType t) {
        OneOf here = t.getAnnotation(OneOf.class);
        if (here != null) {
            return here;
        }
        if (t instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType arg : p.getAnnotatedActualTypeArguments()) {
                OneOf inner = find(arg);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ values by kind

    public static final String UUID1 = "8f14e45f-ceea-4e7a-9a2b-1c3d5e7f9a21";
    public static final String UUID2 = "0B6F1B8A-2C3D-4E5F-8A9B-0C1D2E3F4A5B";

    public static List<String> nameGood() {
        return List.of("\"x\"", "\"  padded  \"", Bodies.str("é".repeat(200)), Bodies.str(" " + "x".repeat(200) + " "),
                Bodies.str("\ud83d\ude00".repeat(200)), "\"\\u00a0x\\u00a0\"", "\"\\u202e\"", "\"\\ud83d\\ude00\"");
    }

    public static List<String> nameBad() {
        return List.of("5", "1.5", "true", "[]", "{}", "null", "\"\"", "\"   \"", "\"\\t\\n\"", Bodies.str("x".repeat(201)),
                Bodies.str("é".repeat(201)), Bodies.str("\ud83d\ude00".repeat(201)), "[\"name\"]", "{\"name\":\"x\"}", "-0", "1e400",
                "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\udc00\\ud800\"", "\"x\\ud83d\"");
    }

    public static List<String> readmeGood() {
        return List.of("\"notes\"", "null", "\"\"", Bodies.str("r".repeat(100_000)), Bodies.str("\ud83d\ude00".repeat(100_000)));
    }

    public static List<String> readmeBad() {
        return List.of("5", "true", "[]", "{}", "[null]", Bodies.str("r".repeat(100_001)), "0.5", "false", "\"a\\u0000b\"", "\"\\ud83d\"",
                Bodies.str("\ud83d\ude00".repeat(100_000) + "x"), "\"\\udfff\"");
    }

    public static List<String> metadataGood() {
        return List.of("{}", "{\"a\":1}", "{\"emoji\":\"\\ud83d\\ude00\"}", "{\"\":\"\"}", "{\"n\":-0.0,\"l\":[1,\"x\",null,{}]}",
                sized(16 * 1024), "{\"a\":{\"b\":{\"c\":[true]}}}");
    }

    public static List<String> metadataBad() {
        return List.of("\"str\"", "5", "[]", "true", "null", "[{}]", "{\"a\":\"" + "m".repeat(17_000) + "\"}", "\"{}\"", bigObject(),
                sized(16 * 1024 + 1), "{\"k\":\"a\\u0000b\"}", "{\"a\\u0000\":1}", "{\"k\":\"\\ud800\"}", "{\"\\udfff\":true}",
                "{\"k\":[\"\\u0000\"]}", "{\"a\":{\"b\\ud800\":1}}");
    }

    /** A metadata object whose serialized form is exactly {@code bytes} bytes. */
    public static String sized(int bytes) {
        String shell = "{\"k\":\"\"}";
        return "{\"k\":\"" + "m".repeat(bytes - shell.length()) + "\"}";
    }

    static String bigObject() {
        return IntStream.range(0, 2000).mapToObj(i -> "\"k" + i + "\":" + i).collect(Collectors.joining(",", "{", "}"));
    }

    public static List<String> intGood() {
        return List.of("0", "5", "-0", "9223372036854775807", "2147483648");
    }

    public static List<String> intBad() {
        return List.of("\"5\"", "1.5", "1e3", "1.0", "-1", "99999999999999999999", "true", "[]", "{}", "\"\"", "-9223372036854775809",
                "9".repeat(500), "1E2", "-0.0", "9223372036854775808", "[5]", "{\"v\":5}");
    }

    public static List<String> timestampGood() {
        return List.of("\"2026-03-15T10:00:00Z\"", "\"2026-03-15t10:00:00z\"", "\"2026-03-15T10:00:00.123456789+05:30\"",
                "\"0000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59-18:00\"", "\"1970-01-01T00:00:00+18:00\"");
    }

    public static List<String> timestampBad() {
        return List.of("5", "true", "[]", "{}", "\"2026-02-30T00:00:00Z\"", "\"garbage\"", "\"2026-03-15\"", "\"2026-03-15T10:00:00\"",
                "\"2026-13-01T00:00:00Z\"", "\"2026-03-15T25:00:00Z\"", "\"2026-03-15T10:00:00+25:00\"", "\"\"", "\"1710496800\"",
                "1710496800", Bodies.str("2026-03-15T10:00:00Z" + " ".repeat(60)), "\"+999999-01-01T00:00:00Z\"", "\"2026-03-15T10:00Z\"",
                "\"2026-03-15T10:00:00.1234567890Z\"", "\"2026-03-15T10:00:00\\u0000Z\"", "\"+2026-03-15T10:00:00Z\"",
                "\"2026-03-15 10:00:00Z\"", "\"2026-03-15T10:00:00+0100\"");
    }

    public static List<String> dateGood() {
        return List.of("\"2026-01-01\"", "\"2024-02-29\"", "\"0000-01-01\"");
    }

    public static List<String> dateBad() {
        return List.of("\"2026-02-30\"", "\"26-1-1\"", "\"2026-13-01\"", "5", "\"garbage\"", "null", "true", "[]", "{}",
                "\"2026-01-01T00:00:00Z\"", "\"\"", "20260101", "\"+99999-01-01\"", "\"+2026-01-01\"", "\"-001-01-01\"",
                "\"\\u0662\\u0660\\u0662\\u0666-01-01\"", "\"2026-01-01\\u0000\"", "\"2025-02-29\"", "\"2026-1-01\"");
    }

    public static List<String> uuidGood() {
        return List.of("\"" + UUID1 + "\"", "\"" + UUID2 + "\"");
    }

    public static List<String> uuidBad() {
        return List.of("5", "true", "[]", "{}", "null", "\"\"", "\"not-a-uuid\"", "\"" + UUID1 + "0\"", "\"{" + UUID1 + "}\"",
                "\"" + UUID1.replace("-", "") + "\"", "[\"" + UUID1 + "\"]", "\"\\u0000\"", "\" " + UUID1 + "\"",
                "\"AAAAAAAAAAAAAAAAAAAAAA==\"", "\"urn:uuid:" + UUID1 + "\"");
    }

    public static List<String> uuidArrayGood() {
        return List.of("[\"" + UUID1 + "\"]", "[\"" + UUID1 + "\",\"" + UUID2 + "\",\"" + UUID1 + "\"]", uuids(100));
    }

    public static List<String> uuidArrayBad() {
        return List.of("\"x\"", "[]", "[5]", "[\"bad\"]", "null", "{}", "5", "[null]", "[[\"" + UUID1 + "\"]]", "[\"" + UUID1 + "\", 5]",
                "[{\"id\":\"" + UUID1 + "\"}]", "\"" + UUID1 + "\"", uuids(101), "[\"" + UUID1 + "\",\"AAAAAAAAAAAAAAAAAAAAAA==\"]",
                "[\"" + UUID1 + "\",null]");
    }

    static String uuids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"" + new UUID(42, i) + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** Type errors every string-valued field refuses. */
    public static List<String> notAString() {
        return List.of("5", "1.5", "true", "[]", "{}", "[\"x\"]", "{\"x\":\"y\"}", "\"a\\u0000\"", "\"\\ud800\"");
    }

    public static List<String> enumGood(String... values) {
        List<String> l = new ArrayList<>();
        for (String v : values) {
            l.add("\"" + v + "\"");
        }
        return l;
    }

    public static List<String> enumBad(String first) {
        List<String> l = new ArrayList<>(List.of("5", "true", "[]", "{}", "null", "\"\"", "\"x\"", "\"" + first.toUpperCase() + "\"",
                "\" " + first + "\"", "\"" + first + " \"", "[\"" + first + "\"]", Bodies.str("a".repeat(100)), "\"" + first + "\\u0000\""));
        return l;
    }

    public static List<String> zoneGood() {
        return List.of("\"UTC\"", "\"Europe/Berlin\"", "\"Etc/GMT+5\"", "\"America/New_York\"");
    }

    public static List<String> zoneBad() {
        return List.of("\"UTC+25\"", "\"Mars/Base\"", "\"utc\"", "\"SystemV/AST4\"", "\"\"", "5", "null", "[]", "\"Europe/berlin\"",
                "\"+01:00\"", Bodies.str("x".repeat(100)), "\"UTC\\u0000\"", "{}", "true");
    }

    public static List<String> boolGood() {
        return List.of("true", "false");
    }

    public static List<String> boolBad() {
        return List.of("\"true\"", "1", "0", "null", "[]", "{}", "\"yes\"", "[true]");
    }

    // ------------------------------------------------------------------ bodies

    /**
     * Bodies over the fields: empty, unknown keys only, each value of each field alone and over a
     * valid base (the required fields), every pair of bad values in both key orders, with and without
     * the base.
     */
    public static List<String> corpus(List<F> fields, Map<String, String> base) {
        Set<String> out = new LinkedHashSet<>();
        out.add("{}");
        out.add("{\"unknown\":[1,{\"x\":null}],\"other\":\"\\u0000\"}");
        String baseJson = object(base);
        out.add(baseJson);
        for (F f : fields) {
            for (String v : concat(f.good(), f.bad(), List.of("null"))) {
                Map<String, String> alone = new LinkedHashMap<>();
                alone.put(f.name(), v);
                out.add(object(alone));
                Map<String, String> withBase = new LinkedHashMap<>(base);
                withBase.put(f.name(), v);
                out.add(object(withBase));
                Map<String, String> before = new LinkedHashMap<>();
                before.put(f.name(), v);
                before.putAll(base);
                before.put(f.name(), v);
                out.add(object(before));
            }
        }
        for (F f : fields) {
            for (F g : fields) {
                if (f == g) {
                    continue;
                }
                List<String> fb = f.bad().subList(0, Math.min(4, f.bad().size()));
                List<String> gb = g.bad().subList(0, Math.min(4, g.bad().size()));
                for (String a : fb) {
                    for (String b : gb) {
                        Map<String, String> m = new LinkedHashMap<>();
                        m.put(f.name(), a);
                        m.put(g.name(), b);
                        out.add(object(m));
                        Map<String, String> withBase = new LinkedHashMap<>(base);
                        withBase.remove(f.name());
                        withBase.remove(g.name());
                        Map<String, String> mb = new LinkedHashMap<>(m);
                        mb.putAll(withBase);
                        out.add(object(mb));
                    }
                    // f bad, g good: both orders
                    String good = g.good().get(0);
                    out.add(object(Map.of(f.name(), a, g.name(), good)));
                    Map<String, String> rev = new LinkedHashMap<>();
                    rev.put(g.name(), good);
                    rev.put(f.name(), a);
                    out.add(object(rev));
                }
            }
        }
        return new ArrayList<>(out);
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        List<String> l = new ArrayList<>();
        for (List<String> x : lists) {
            l.addAll(x);
        }
        return l;
    }

    public static String object(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    // ------------------------------------------------------------------ comparison

    /** Every body must give the same outcome through the oracle and through {@code Body.bind}. */
    public static <T extends Record> void check(Class<T> type, List<String> bodies, Function<JsonBody, Map<String, Object>> oracle) {
        check(type, bodies, oracle, Parity::values);
    }

    public static <T extends Record> void check(Class<T> type, List<String> bodies, Function<JsonBody, Map<String, Object>> oracle,
                                                Function<T, Map<String, Object>> mine) {
        compare(type.getSimpleName(), bodies, json -> oracle.apply(JsonBody.parse("application/json", json)),
                json -> mine.apply(Bodies.bind(json, type)));
    }

    /** The general form: any two ways from a JSON body to an outcome (a value, or the answer of an ApiException). */
    public static void compare(String label, List<String> bodies, Function<String, Object> today, Function<String, Object> records) {
        List<String> mismatches = new ArrayList<>();
        for (String json : bodies) {
            Object expected = outcome(() -> today.apply(json));
            Object actual = outcome(() -> records.apply(json));
            if (!expected.equals(actual)) {
                mismatches.add(preview(json) + "\n      today:  " + preview(String.valueOf(expected)) + "\n      record: " + preview(String.valueOf(actual)));
            }
        }
        assertTrue(bodies.size() > 10, label + ": a corpus of " + bodies.size() + " bodies");
        assertTrue(mismatches.isEmpty(), label + ": " + mismatches.size() + " of " + bodies.size() + " bodies differ:\n  "
                + String.join("\n  ", mismatches.subList(0, Math.min(15, mismatches.size()))));
    }

    /** The value of {@code call}, or the answer of the ApiException it throws. */
    public static Object outcome(java.util.function.Supplier<?> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            return Bodies.answer(e);
        } catch (RuntimeException e) {
            return "unexpected " + e;
        }
    }

    /** A record as the oracles describe a body: JSON name → value, {@link Field}s kept, JSON values as their text. */
    public static Map<String, Object> values(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v = c.getAccessor().invoke(r);
                m.put(BodyErrors.snake(c.getName()), v instanceof Field<?> f ? (f.present() ? Field.of(plain(f.value())) : Field.absent()) : plain(v));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    private static Object plain(Object v) {
        return v instanceof JsonNode n ? n.toString() : v;
    }

    private static String preview(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
    }
}
