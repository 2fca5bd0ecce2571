package com.trackagoat.campaign;

import com.trackagoat.api.Field;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.trackagoat.api.Bodies.assertInvalid;
import static com.trackagoat.api.Bodies.assertMissing;
import static com.trackagoat.api.Bodies.assertNoUpdatableField;
import static com.trackagoat.api.Bodies.bind;
import static com.trackagoat.api.Bodies.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The bodies of POST …/campaigns, PATCH /api/v1/campaigns/{id} and POST …/items: exact answers. */
class CampaignBodiesTest {

    @Test
    void create() {
        CampaignCreate c = bind("{\"name\":\" Q4 Push \",\"target_views\":1000000,\"target_at\":\"2026-12-31T23:00:00-01:00\",\"metadata\":{\"k\":1}}",
                CampaignCreate.class);
        assertEquals("Q4 Push", c.name());
        assertEquals(1_000_000L, c.targetViews());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), c.targetAt());
        assertEquals("{\"k\":1}", c.metadata().value().toString());
        CampaignCreate minimal = bind("{\"name\":\"C\",\"target_views\":null,\"target_at\":null,\"readme\":null}", CampaignCreate.class);
        assertNull(minimal.targetViews());
        assertNull(minimal.targetAt());
        assertFalse(minimal.metadata().present());   // stored as {}

        assertMissing("name", "{\"target_views\":-1}", CampaignCreate.class);
        assertInvalid("name", "{\"name\":null}", CampaignCreate.class);
        assertInvalid("name", "{\"name\":\" \\t\\n \"}", CampaignCreate.class);
        assertEquals("\u00a0", bind("{\"name\":\" \\u00a0 \"}", CampaignCreate.class).name());   // trimming is String.strip: NBSP is no whitespace
        for (String bad : new String[]{"\"5\"", "1.5", "1e3", "1E2", "1.0", "-1", "true", "[]", "{}", "9223372036854775808", "-0.0"}) {
            assertInvalid("target_views", "{\"name\":\"C\",\"target_views\":" + bad + "}", CampaignCreate.class);
        }
        assertEquals(0L, bind("{\"name\":\"C\",\"target_views\":-0}", CampaignCreate.class).targetViews());
        assertEquals(Long.MAX_VALUE, bind("{\"name\":\"C\",\"target_views\":9223372036854775807}", CampaignCreate.class).targetViews());
        for (String bad : new String[]{"5", "\"2026-03-15\"", "\"2026-03-15T10:00Z\"", "\"2026-03-15T10:00:00\"", "\"+999999-01-01T00:00:00Z\"",
                "\"2026-02-30T00:00:00Z\"", "\"2026-03-15T10:00:00+25:00\"", "\"\""}) {
            assertInvalid("target_at", "{\"name\":\"C\",\"target_at\":" + bad + "}", CampaignCreate.class);
        }
        assertEquals(Instant.parse("2026-03-15T10:00:00.123456789Z"),
                bind("{\"name\":\"C\",\"target_at\":\"2026-03-15t10:00:00.123456789z\"}", CampaignCreate.class).targetAt());
        // two bad fields: name, readme, metadata, target_views, target_at in that order
        assertInvalid("metadata", "{\"target_at\":1,\"target_views\":-1,\"metadata\":[],\"name\":\"C\"}", CampaignCreate.class);
        assertInvalid("target_views", "{\"target_at\":1,\"target_views\":-1,\"name\":\"C\"}", CampaignCreate.class);
    }

    @Test
    void patch() {
        CampaignPatch clear = bind("{\"target_views\":null,\"target_at\":null,\"readme\":null}", CampaignPatch.class);
        assertEquals(Field.of(null), clear.targetViews());
        assertEquals(Field.of(null), clear.targetAt());
        assertEquals(Field.of(null), clear.readme());
        assertFalse(clear.name().present());
        assertFalse(clear.metadata().present());
        assertEquals(Field.of(5L), bind("{\"target_views\":5}", CampaignPatch.class).targetViews());
        assertInvalid("name", "{\"name\":null}", CampaignPatch.class);
        assertInvalid("metadata", "{\"metadata\":null}", CampaignPatch.class);
        assertInvalid("target_views", "{\"target_views\":1.5}", CampaignPatch.class);
        assertInvalid("target_views", "{\"target_views\":1e3}", CampaignPatch.class);
        assertNoUpdatableField("{}", CampaignPatch.class);
        assertInvalid("name", "{\"target_at\":\"x\",\"name\":\"\"}", CampaignPatch.class);
    }

    @Test
    void item() {
        UUID id = UUID.randomUUID();
        assertEquals(new CampaignItemCreate("video", id), bind("{\"item_id\":\"" + id + "\",\"item_type\":\"video\"}", CampaignItemCreate.class));
        assertMissing("item_type", "{}", CampaignItemCreate.class);
        assertMissing("item_type", "{\"item_id\":\"x\"}", CampaignItemCreate.class);
        assertInvalid("item_type", "{\"item_type\":null,\"item_id\":\"" + id + "\"}", CampaignItemCreate.class);
        assertInvalid("item_type", "{\"item_type\":\"Creator\",\"item_id\":\"" + id + "\"}", CampaignItemCreate.class);
        assertMissing("item_id", "{\"item_type\":\"creator\"}", CampaignItemCreate.class);
        assertInvalid("item_id", "{\"item_type\":\"creator\",\"item_id\":null}", CampaignItemCreate.class);
        assertInvalid("item_id", "{\"item_type\":\"creator\",\"item_id\":\"" + id + "x\"}", CampaignItemCreate.class);
        assertInvalid("item_id", "{\"item_type\":\"creator\",\"item_id\":5}", CampaignItemCreate.class);
    }

    /** The item types a body may name are those the service (and the DELETE's query parameter) knows. */
    @Test
    void itemTypes() {
        assertEquals(CampaignService.ITEM_TYPES, oneOf(CampaignItemCreate.class, "itemType"));
    }
}
