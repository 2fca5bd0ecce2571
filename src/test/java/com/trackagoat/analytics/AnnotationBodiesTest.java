package com.trackagoat.analytics;

import com.trackagoat.api.Field;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static com.trackagoat.api.Bodies.assertInvalid;
import static com.trackagoat.api.Bodies.assertMalformed;
import static com.trackagoat.api.Bodies.assertMissing;
import static com.trackagoat.api.Bodies.assertNoUpdatableField;
import static com.trackagoat.api.Bodies.bind;
import static com.trackagoat.api.Bodies.oneOf;
import static com.trackagoat.api.Bodies.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The bodies of POST /api/v1/analytics/annotations and PATCH /api/v1/analytics/annotations/{id}: exact answers. */
class AnnotationBodiesTest {

    @Test
    void create() {
        UUID id = UUID.randomUUID();
        AnnotationCreate full = bind("{\"entity_id\":\"" + id.toString().toUpperCase() + "\",\"entity_type\":\"video\",\"kind\":\"incident\","
                + "\"body\":\"Outage\",\"title\":\"  Down  \",\"date\":\"2026-03-04\",\"unknown\":1}", AnnotationCreate.class);
        assertEquals(new AnnotationCreate(LocalDate.parse("2026-03-04"), "Down", "Outage", Field.of("incident"), "video", id), full);
        AnnotationCreate minimal = bind("{\"date\":\"2026-03-04\",\"title\":\"x\"}", AnnotationCreate.class);
        assertFalse(minimal.kind().present());   // stored as note
        assertNull(minimal.entityType());
        assertNull(minimal.entityId());
        assertNull(minimal.body());
        assertNull(bind("{\"date\":\"2026-03-04\",\"title\":\"x\",\"entity_type\":null,\"entity_id\":null,\"body\":null}", AnnotationCreate.class).entityType());

        assertMissing("date", "{}", AnnotationCreate.class);
        assertMissing("title", "{\"date\":\"2026-03-04\"}", AnnotationCreate.class);
        for (String bad : new String[]{"null", "\"2026-02-30\"", "\"2026-3-4\"", "\"26-03-04\"", "\"+2026-03-04\"", "\"2026-03-04T00:00:00Z\"",
                "\"2026-03-04 \"", "20260304", "\"\"", "[]", "\"\\u0000\""}) {
            assertInvalid("date", "{\"date\":" + bad + ",\"title\":\"x\"}", AnnotationCreate.class);
        }
        assertEquals(LocalDate.parse("2024-02-29"), bind("{\"date\":\"2024-02-29\",\"title\":\"x\"}", AnnotationCreate.class).date());
        for (String bad : new String[]{"null", "\"\"", "\" \\t \"", "5", "[\"x\"]", str("t".repeat(201)), "\"a\\u0000\"", "\"\\ud800\""}) {
            assertInvalid("title", "{\"date\":\"2026-03-04\",\"title\":" + bad + "}", AnnotationCreate.class);
        }
        assertEquals("t".repeat(200), bind("{\"date\":\"2026-03-04\",\"title\":" + str(" " + "t".repeat(200) + " ") + "}", AnnotationCreate.class).title());
        for (String bad : new String[]{"5", "true", "{}", str("b".repeat(5001)), str("\ud83d\ude00".repeat(5001))}) {
            assertInvalid("body", "{\"date\":\"2026-03-04\",\"title\":\"x\",\"body\":" + bad + "}", AnnotationCreate.class);
        }
        assertEquals(5000, bind("{\"date\":\"2026-03-04\",\"title\":\"x\",\"body\":" + str("\ud83d\ude00".repeat(5000)) + "}", AnnotationCreate.class)
                .body().codePointCount(0, 10_000));
        for (String bad : new String[]{"null", "\"\"", "\"Note\"", "\"event\"", "5", "[\"note\"]"}) {
            assertInvalid("kind", "{\"date\":\"2026-03-04\",\"title\":\"x\",\"kind\":" + bad + "}", AnnotationCreate.class);
        }
        for (String bad : new String[]{"\"organization\"", "\"Video\"", "\"\"", "5", "[\"video\"]"}) {
            assertInvalid("entity_type", "{\"date\":\"2026-03-04\",\"title\":\"x\",\"entity_type\":" + bad + ",\"entity_id\":\"" + id + "\"}",
                    AnnotationCreate.class);
        }
        for (String bad : new String[]{"\"nope\"", "5", "\"" + id + "0\"", "\"{" + id + "}\""}) {
            assertInvalid("entity_id", "{\"date\":\"2026-03-04\",\"title\":\"x\",\"entity_type\":\"video\",\"entity_id\":" + bad + "}",
                    AnnotationCreate.class);
        }
        // both or neither, checked after every field
        assertMissing("entity_id", "{\"date\":\"2026-03-04\",\"title\":\"x\",\"entity_type\":\"video\"}", AnnotationCreate.class);
        assertMissing("entity_type", "{\"date\":\"2026-03-04\",\"title\":\"x\",\"entity_id\":\"" + id + "\"}", AnnotationCreate.class);
        assertInvalid("entity_id", "{\"date\":\"2026-03-04\",\"title\":\"x\",\"entity_type\":\"video\",\"entity_id\":null}", AnnotationCreate.class);
        assertInvalid("entity_type", "{\"date\":\"2026-03-04\",\"title\":\"x\",\"entity_type\":null,\"entity_id\":\"" + id + "\"}", AnnotationCreate.class);
        assertMissing("date", "{\"entity_type\":\"video\"}", AnnotationCreate.class);
        assertInvalid("kind", "{\"entity_type\":\"video\",\"kind\":\"x\",\"date\":\"2026-03-04\",\"title\":\"x\"}", AnnotationCreate.class);
        // the first bad field in the order date, title, body, kind, entity_type, entity_id
        assertInvalid("title", "{\"entity_id\":5,\"entity_type\":5,\"kind\":5,\"body\":5,\"title\":5,\"date\":\"2026-03-04\"}", AnnotationCreate.class);
        assertInvalid("body", "{\"entity_id\":5,\"entity_type\":5,\"kind\":5,\"body\":5,\"title\":\"x\",\"date\":\"2026-03-04\"}", AnnotationCreate.class);
        assertInvalid("entity_type", "{\"entity_id\":5,\"entity_type\":5,\"title\":\"x\",\"date\":\"2026-03-04\"}", AnnotationCreate.class);
        assertMalformed("[]", AnnotationCreate.class);
        assertMalformed("{\"title\":\"x\",\"title\":\"y\",\"date\":\"2026-03-04\"}", AnnotationCreate.class);
    }

    @Test
    void patch() {
        AnnotationPatch p = bind("{\"title\":\" T \",\"body\":null}", AnnotationPatch.class);
        assertEquals(Field.of("T"), p.title());
        assertEquals(Field.of(null), p.body());
        assertFalse(p.date().present());
        assertFalse(p.kind().present());
        assertEquals(Field.of(LocalDate.parse("2026-12-31")), bind("{\"date\":\"2026-12-31\"}", AnnotationPatch.class).date());
        assertEquals(Field.of("launch"), bind("{\"kind\":\"launch\"}", AnnotationPatch.class).kind());
        assertNoUpdatableField("{}", AnnotationPatch.class);
        assertNoUpdatableField("{\"entity_type\":\"video\",\"entity_id\":null,\"id\":\"x\"}", AnnotationPatch.class);
        assertInvalid("date", "{\"date\":null}", AnnotationPatch.class);
        assertInvalid("date", "{\"date\":\"2026-02-29\"}", AnnotationPatch.class);
        assertInvalid("title", "{\"title\":null}", AnnotationPatch.class);
        assertInvalid("title", "{\"title\":\"\"}", AnnotationPatch.class);
        assertInvalid("body", "{\"body\":" + str("b".repeat(5001)) + "}", AnnotationPatch.class);
        assertInvalid("kind", "{\"kind\":null}", AnnotationPatch.class);
        assertInvalid("kind", "{\"kind\":\"NOTE\"}", AnnotationPatch.class);
        assertInvalid("title", "{\"kind\":\"x\",\"title\":5}", AnnotationPatch.class);
    }

    /** The values a body may name are those of {@link Annotations} (the list filter and the default use them). */
    @Test
    void enumerations() {
        assertEquals(Set.copyOf(Annotations.KINDS), oneOf(AnnotationCreate.class, "kind"));
        assertEquals(Set.copyOf(Annotations.KINDS), oneOf(AnnotationPatch.class, "kind"));
        assertEquals(Set.copyOf(Annotations.ENTITY_TYPES), oneOf(AnnotationCreate.class, "entityType"));
        assertEquals("note", Annotations.KINDS.get(0));
    }
}
