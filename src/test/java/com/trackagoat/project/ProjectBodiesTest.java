package com.trackagoat.project;

import com.trackagoat.api.Field;
import org.junit.jupiter.api.Test;

import static com.trackagoat.api.Bodies.assertInvalid;
import static com.trackagoat.api.Bodies.assertMalformed;
import static com.trackagoat.api.Bodies.assertMissing;
import static com.trackagoat.api.Bodies.assertNoUpdatableField;
import static com.trackagoat.api.Bodies.bind;
import static com.trackagoat.api.Bodies.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bodies of POST /api/v1/projects and PATCH /api/v1/projects/{id}: exact answers. */
class ProjectBodiesTest {

    static final String EMOJI = "\ud83d\ude00";

    @Test
    void create() {
        assertEquals(new ProjectCreate("Q4", "Notes"), bind("{\"name\":\"  Q4 \\t\",\"readme\":\"Notes\",\"unknown\":[1]}", ProjectCreate.class));
        assertEquals(new ProjectCreate("P", null), bind("{\"name\":\"P\",\"readme\":null}", ProjectCreate.class));
        assertEquals(new ProjectCreate("P", null), bind("{\"name\":\"P\"}", ProjectCreate.class));
        assertMissing("name", "{}", ProjectCreate.class);
        assertMissing("name", "{\"readme\":\"x\"}", ProjectCreate.class);
        assertInvalid("name", "{\"name\":null}", ProjectCreate.class);
        for (String wrong : new String[]{"5", "1.5", "true", "[]", "{}", "[\"P\"]", "\"\"", "\"   \"", "\"\\t\\n\"", "\"a\\u0000\"", "\"\\ud800\""}) {
            assertInvalid("name", "{\"name\":" + wrong + "}", ProjectCreate.class);
        }
        for (String wrong : new String[]{"5", "true", "[]", "{}", "[null]", "\"\\udc00\""}) {
            assertInvalid("readme", "{\"name\":\"P\",\"readme\":" + wrong + "}", ProjectCreate.class);
        }
        // names count characters (code points) after trimming; readme counts characters
        assertEquals(EMOJI.repeat(200), bind("{\"name\":" + str(" " + EMOJI.repeat(200) + " ") + "}", ProjectCreate.class).name());
        assertInvalid("name", "{\"name\":" + str(EMOJI.repeat(201)) + "}", ProjectCreate.class);
        assertInvalid("name", "{\"name\":" + str("x".repeat(201)) + "}", ProjectCreate.class);
        assertEquals(200_000, bind("{\"name\":\"P\",\"readme\":" + str(EMOJI.repeat(100_000)) + "}", ProjectCreate.class).readme().length());
        assertInvalid("readme", "{\"name\":\"P\",\"readme\":" + str(EMOJI.repeat(100_000) + "x") + "}", ProjectCreate.class);
        // two bad fields: the service checked name first
        assertInvalid("name", "{\"readme\":5,\"name\":\"  \"}", ProjectCreate.class);
        assertMissing("name", "{\"readme\":5}", ProjectCreate.class);
        assertMalformed("{\"name\":\"a\",\"name\":\"b\"}", ProjectCreate.class);
        assertMalformed("{\"name\":\"a\"} {}", ProjectCreate.class);
    }

    @Test
    void patch() {
        ProjectPatch both = bind("{\"name\":\" New \",\"readme\":\"n\"}", ProjectPatch.class);
        assertEquals(new ProjectPatch(Field.of("New"), Field.of("n")), both);
        assertEquals(new ProjectPatch(Field.absent(), Field.of(null)), bind("{\"readme\":null}", ProjectPatch.class));
        assertEquals(new ProjectPatch(Field.of("N"), Field.absent()), bind("{\"name\":\"N\"}", ProjectPatch.class));
        assertInvalid("name", "{\"name\":null}", ProjectPatch.class);
        assertInvalid("name", "{\"name\":\"\"}", ProjectPatch.class);
        assertInvalid("readme", "{\"readme\":5}", ProjectPatch.class);
        assertNoUpdatableField("{}", ProjectPatch.class);
        assertNoUpdatableField("{\"names\":\"x\",\"README\":\"y\"}", ProjectPatch.class);
        assertInvalid("name", "{\"readme\":[],\"name\":5}", ProjectPatch.class);
    }
}
