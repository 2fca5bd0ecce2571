package com.trackagoat.auth;

import com.trackagoat.api.Field;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.trackagoat.api.Bodies.assertInvalid;
import static com.trackagoat.api.Bodies.assertMissing;
import static com.trackagoat.api.Bodies.bind;
import static com.trackagoat.api.Bodies.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The body of POST /api/v1/api-keys: exact answers. */
class ApiKeyBodiesTest {

    @Test
    void create() {
        ApiKeyCreate k = bind("{\"name\":\" CI \",\"scopes\":[\"write\",\"read\",\"read\"]}", ApiKeyCreate.class);
        assertEquals("CI", k.name());
        assertEquals(Field.of(List.of("write", "read", "read")), k.scopes());   // the service orders and deduplicates
        assertFalse(bind("{\"name\":\"CI\"}", ApiKeyCreate.class).scopes().present());   // default read, write
        assertMissing("name", "{\"scopes\":5}", ApiKeyCreate.class);
        assertInvalid("name", "{\"name\":\"\"}", ApiKeyCreate.class);
        for (String bad : new String[]{"null", "[]", "\"read\"", "[\"READ\"]", "[\"root\"]", "[5]", "[null]", "[[\"read\"]]", "[\"read \"]",
                "{\"read\":true}", "[\"read\",\"admin\",\"x\"]"}) {
            assertInvalid("scopes", "{\"name\":\"k\",\"scopes\":" + bad + "}", ApiKeyCreate.class);
        }
        assertInvalid("name", "{\"scopes\":[],\"name\":5}", ApiKeyCreate.class);
    }

    /** The scopes a body may grant are the known ones. */
    @Test
    void scopes() {
        assertEquals(Set.copyOf(Scopes.ORDER), oneOf(ApiKeyCreate.class, "scopes"));
    }
}
