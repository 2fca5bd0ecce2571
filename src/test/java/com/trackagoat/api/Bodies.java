package com.trackagoat.api;

import com.trackagoat.api.constraints.OneOf;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.function.Executable;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Test support for request bodies without booting Quarkus: a {@link Body} over a plain Hibernate
 * Validator (with the {@link FieldValueExtractor} that Quarkus registers by itself), and assertions
 * on the exact answer (status, {@code meta.code}, message, {@code meta.field}).
 */
public final class Bodies {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .addValueExtractor(new FieldValueExtractor())
            .buildValidatorFactory()
            .getValidator();
    public static final Body BODY = new Body(VALIDATOR);

    private Bodies() {
    }

    /** Parses and binds like a resource does. */
    public static <T extends Record> T bind(String json, Class<T> type) {
        return BODY.bind(Body.parse("application/json", json), type);
    }

    /** The answer as one comparable map: status, code, message, meta. */
    public static Map<String, Object> answer(ApiException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", e.status());
        m.put("error", e.getMessage());
        m.put("meta", e.meta());
        return m;
    }

    public static ApiException failure(Executable call) {
        return assertThrows(ApiException.class, call);
    }

    public static void assertInvalid(String field, String json, Class<? extends Record> type) {
        assertAnswer(ApiException.invalidField(field), () -> bind(json, type), json);
    }

    public static void assertMissing(String field, String json, Class<? extends Record> type) {
        assertAnswer(ApiException.missingField(field), () -> bind(json, type), json);
    }

    public static void assertMalformed(String json, Class<? extends Record> type) {
        assertAnswer(ApiException.malformedBody(), () -> bind(json, type), json);
    }

    public static void assertNoUpdatableField(String json, Class<? extends Record> type) {
        assertAnswer(ApiException.noUpdatableField(), () -> bind(json, type), json);
    }

    public static void assertAnswer(ApiException expected, Executable call, String body) {
        ApiException e = assertThrows(ApiException.class, call, body);
        assertEquals(answer(expected), answer(e), body);
    }

    /** A JSON string literal of {@code s} (quotes and backslashes escaped, control characters as \\u). */
    public static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** A JSON object of exactly {@code bytes} bytes serialized: {@code {"k":"mmm…"}}. */
    public static String sized(int bytes) {
        String shell = "{\"k\":\"\"}";
        return "{\"k\":\"" + "m".repeat(bytes - shell.length()) + "\"}";
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
}
