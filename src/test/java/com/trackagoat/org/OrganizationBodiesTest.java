package com.trackagoat.org;

import com.trackagoat.api.Field;
import org.junit.jupiter.api.Test;

import static com.trackagoat.api.Bodies.assertInvalid;
import static com.trackagoat.api.Bodies.assertMissing;
import static com.trackagoat.api.Bodies.assertNoUpdatableField;
import static com.trackagoat.api.Bodies.bind;
import static com.trackagoat.api.Bodies.oneOf;
import static com.trackagoat.api.Bodies.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The bodies of PATCH /api/v1/organization and the admin organization routes: exact answers. */
class OrganizationBodiesTest {

    @Test
    void patchOwn() {
        assertEquals(new OrganizationPatch(Field.of("Acme"), Field.of("Europe/Berlin")),
                bind("{\"name\":\"Acme \",\"timezone\":\"Europe/Berlin\"}", OrganizationPatch.class));
        assertEquals(new OrganizationPatch(Field.absent(), Field.of("Etc/GMT+5")), bind("{\"timezone\":\"Etc/GMT+5\"}", OrganizationPatch.class));
        for (String bad : new String[]{"null", "\"UTC+25\"", "\"utc\"", "\"SystemV/AST4\"", "\"Mars/Base\"", "\"\"", "5", str("x".repeat(100))}) {
            assertInvalid("timezone", "{\"timezone\":" + bad + "}", OrganizationPatch.class);
        }
        assertInvalid("name", "{\"name\":null}", OrganizationPatch.class);
        assertNoUpdatableField("{}", OrganizationPatch.class);
        assertInvalid("name", "{\"timezone\":\"x\",\"name\":\"\"}", OrganizationPatch.class);
    }

    @Test
    void adminCreate() {
        AdminOrganizationCreate minimal = bind("{\"name\":\"Org\"}", AdminOrganizationCreate.class);
        assertEquals("free", minimal.tier().orElse("free"));
        assertEquals("UTC", minimal.timezone().orElse("UTC"));
        assertEquals(Field.of("ultra"), bind("{\"name\":\"Org\",\"tier\":\"ultra\"}", AdminOrganizationCreate.class).tier());
        assertMissing("name", "{\"tier\":\"gold\"}", AdminOrganizationCreate.class);
        assertInvalid("tier", "{\"name\":\"Org\",\"tier\":null}", AdminOrganizationCreate.class);
        assertInvalid("tier", "{\"name\":\"Org\",\"tier\":\"gold\"}", AdminOrganizationCreate.class);
        assertInvalid("timezone", "{\"name\":\"Org\",\"timezone\":null}", AdminOrganizationCreate.class);
        assertInvalid("tier", "{\"name\":\"Org\",\"timezone\":\"x\",\"tier\":\"x\"}", AdminOrganizationCreate.class);
    }

    @Test
    void adminPatch() {
        AdminOrganizationPatch ban = bind("{\"banned\":true}", AdminOrganizationPatch.class);
        assertEquals(Field.of(true), ban.banned());
        assertFalse(ban.name().present());
        assertEquals(Field.of(false), bind("{\"banned\":false}", AdminOrganizationPatch.class).banned());
        for (String bad : new String[]{"null", "\"true\"", "1", "0", "[]", "{}"}) {
            assertInvalid("banned", "{\"banned\":" + bad + "}", AdminOrganizationPatch.class);
        }
        assertNoUpdatableField("{}", AdminOrganizationPatch.class);
        assertInvalid("tier", "{\"banned\":1,\"timezone\":\"x\",\"tier\":\"x\"}", AdminOrganizationPatch.class);
        assertInvalid("timezone", "{\"banned\":1,\"timezone\":\"x\"}", AdminOrganizationPatch.class);
    }

    /** The tiers a body may set are the plans the limits know. */
    @Test
    void tiers() {
        assertEquals(TierLimits.TIERS, oneOf(AdminOrganizationCreate.class, "tier"));
        assertEquals(TierLimits.TIERS, oneOf(AdminOrganizationPatch.class, "tier"));
    }
}
