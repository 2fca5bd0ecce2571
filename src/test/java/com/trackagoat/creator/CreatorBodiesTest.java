package com.trackagoat.creator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Bodies;
import com.trackagoat.api.Body;
import com.trackagoat.api.Field;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.trackagoat.api.Bodies.assertAnswer;
import static com.trackagoat.api.Bodies.assertInvalid;
import static com.trackagoat.api.Bodies.assertMalformed;
import static com.trackagoat.api.Bodies.assertMissing;
import static com.trackagoat.api.Bodies.assertNoUpdatableField;
import static com.trackagoat.api.Bodies.bind;
import static com.trackagoat.api.Bodies.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bodies of POST …/creators (single and bulk), PATCH /api/v1/creators/{id} and the id lists: exact answers. */
class CreatorBodiesTest {

    @Test
    void single() {
        CreatorCreate full = bind("{\"tiktok_handle\":\" @Chef.Maria \",\"tracking_mode\":\"selective\",\"tracking_start_date\":\"2026-02-28\","
                + "\"readme\":\"Cooks\",\"metadata\":{\"tier\":\"gold\",\"n\":[1,2.5]}}", CreatorCreate.class);
        assertEquals(" @Chef.Maria ", full.tiktokHandle());   // as sent: normalizing is the service's
        assertEquals(Field.of("selective"), full.trackingMode());
        assertEquals(Field.of(LocalDate.of(2026, 2, 28)), full.trackingStartDate());
        assertEquals(Field.of("Cooks"), full.readme());
        assertEquals("{\"tier\":\"gold\",\"n\":[1,2.5]}", full.metadata().value().toString());

        CreatorCreate minimal = bind("{\"tiktok_handle\":\"x\"}", CreatorCreate.class);
        assertEquals("auto", minimal.trackingMode().orElse("auto"));
        assertFalse(minimal.trackingStartDate().present());
        assertFalse(minimal.readme().present());      // a reactivation keeps the old notes
        assertFalse(minimal.metadata().present());
        assertEquals(Field.of(null), bind("{\"tiktok_handle\":\"x\",\"readme\":null}", CreatorCreate.class).readme());

        assertMissing("tiktok_handle", "{}", CreatorCreate.class);
        assertMissing("tiktok_handle", "{\"tracking_mode\":\"bad\",\"readme\":5}", CreatorCreate.class);
        assertInvalid("tiktok_handle", "{\"tiktok_handle\":null}", CreatorCreate.class);
        assertInvalid("tiktok_handle", "{\"tiktok_handle\":5}", CreatorCreate.class);
        assertInvalid("tiktok_handle", "{\"tiktok_handle\":[\"@x\"]}", CreatorCreate.class);
        assertInvalid("tiktok_handle", "{\"tiktok_handle\":\"\\ud800\"}", CreatorCreate.class);
        assertEquals(200, bind("{\"tiktok_handle\":" + str("a".repeat(200)) + "}", CreatorCreate.class).tiktokHandle().length());
        assertInvalid("tiktok_handle", "{\"tiktok_handle\":" + str("a".repeat(201)) + "}", CreatorCreate.class);
        assertInvalid("tracking_mode", "{\"tiktok_handle\":\"x\",\"tracking_mode\":null}", CreatorCreate.class);
        assertInvalid("tracking_mode", "{\"tiktok_handle\":\"x\",\"tracking_mode\":\"all\"}", CreatorCreate.class);
        assertInvalid("tracking_mode", "{\"tiktok_handle\":\"x\",\"tracking_mode\":\"AUTO\"}", CreatorCreate.class);
        for (String day : new String[]{"null", "\"2026-02-30\"", "\"26-1-1\"", "\"2026-01-01T00:00:00Z\"", "20260101", "\"+2026-01-01\""}) {
            assertInvalid("tracking_start_date", "{\"tiktok_handle\":\"x\",\"tracking_start_date\":" + day + "}", CreatorCreate.class);
        }
        // two bad fields: tracking_mode was checked before readme and metadata
        assertInvalid("tracking_mode", "{\"metadata\":5,\"readme\":5,\"tracking_mode\":5,\"tiktok_handle\":\"x\"}", CreatorCreate.class);
        assertInvalid("readme", "{\"metadata\":5,\"readme\":5,\"tiktok_handle\":\"x\"}", CreatorCreate.class);
    }

    @Test
    void metadata() {
        String x = "{\"tiktok_handle\":\"x\",\"metadata\":";
        assertEquals("{}", bind(x + "{}}", CreatorCreate.class).metadata().value().toString());
        assertEquals(16 * 1024, bind(x + Bodies.sized(16 * 1024) + "}", CreatorCreate.class).metadata().value().toString().length());
        for (String bad : new String[]{"null", "\"{}\"", "5", "[]", "true", "[{}]", Bodies.sized(16 * 1024 + 1), "{\"a\\u0000\":1}",
                "{\"k\":\"a\\u0000b\"}", "{\"k\":[\"\\ud800\"]}", "{\"a\":{\"b\":{\"c\\u0000\":null}}}", "{\"k\":{\"v\":\"\\udc00\"}}"}) {
            assertInvalid("metadata", x + bad + "}", CreatorCreate.class);
        }
        // a key holding a lone surrogate does not even parse (Jackson refuses to decode it), as today
        assertMalformed(x + "{\"\\udfff\":1}}", CreatorCreate.class);
        assertMalformed(x + "{\"\\ud800\":1}}", CreatorCreate.class);
    }

    @Test
    void bulk() {
        ObjectNode body = Body.parse(null, "{\"creators\":[{\"tiktok_handle\":\"a\"},5,{\"tiktok_handle\":\"b\",\"tracking_mode\":\"x\"},"
                + "{\"tracking_mode\":\"auto\"},{\"tiktok_handle\":7}]}");
        assertTrue(CreatorBulkCreate.isBulk(body));
        CreatorBulkCreate bulk = Bodies.BODY.bind(body, CreatorBulkCreate.class);
        assertEquals(5, bulk.creators().size());
        assertEquals("a", Bodies.BODY.bind(bulk.creators().get(0), CreatorCreate.class, CreatorBulkCreate.item(0)).tiktokHandle());
        String[][] errors = {{"1", "invalid", "creators[1]"}, {"2", "invalid", "creators[2].tracking_mode"},
                {"3", "missing", "creators[3].tiktok_handle"}, {"4", "invalid", "creators[4].tiktok_handle"}};
        for (String[] e : errors) {
            int i = Integer.parseInt(e[0]);
            ApiException expected = e[1].equals("missing") ? ApiException.missingField(e[2]) : ApiException.invalidField(e[2]);
            assertAnswer(expected, () -> Bodies.BODY.bind(bulk.creators().get(i), CreatorCreate.class, CreatorBulkCreate.item(i)), e[2]);
        }
        assertEquals(List.of("a", "null", "b", "null", "null"),
                bulk.creators().stream().map(c -> String.valueOf(CreatorBulkCreate.handleAsSent(c))).toList());

        assertAnswer(ApiException.invalidField("creators"), () -> CreatorBulkCreate.isBulk(Body.parse(null, "{\"tiktok_handle\":\"x\",\"creators\":[]}")), "");
        assertAnswer(ApiException.missingField("tiktok_handle"), () -> CreatorBulkCreate.isBulk(Body.parse(null, "{\"readme\":5}")), "");
        assertFalse(CreatorBulkCreate.isBulk(Body.parse(null, "{\"tiktok_handle\":null}")));
        for (String bad : new String[]{"[]", "{}", "null", "\"x\"", "5", items(51)}) {
            assertInvalid("creators", "{\"creators\":" + bad + "}", CreatorBulkCreate.class);
        }
        assertEquals(50, bind("{\"creators\":" + items(50) + "}", CreatorBulkCreate.class).creators().size());
        assertEquals(1, bind("{\"creators\":[null]}", CreatorBulkCreate.class).creators().size());   // item errors are per item
    }

    static String items(int n) {
        return IntStream.range(0, n).mapToObj(i -> "{\"tiktok_handle\":\"h" + i + "\"}").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void patch() {
        CreatorPatch p = bind("{\"tiktok_handle\":\"" + "n".repeat(500) + "\",\"readme\":null}", CreatorPatch.class);
        assertEquals(Field.of(null), p.readme());
        assertEquals(500, p.tiktokHandle().value().length());   // any length here: an invalid handle is a 409
        assertFalse(p.metadata().present());
        assertFalse(p.trackingMode().present());
        assertEquals(Field.of("selective"), bind("{\"tracking_mode\":\"selective\"}", CreatorPatch.class).trackingMode());
        assertInvalid("tiktok_handle", "{\"tiktok_handle\":null}", CreatorPatch.class);
        assertInvalid("tiktok_handle", "{\"tiktok_handle\":5}", CreatorPatch.class);
        assertInvalid("metadata", "{\"metadata\":null}", CreatorPatch.class);
        assertInvalid("tracking_mode", "{\"tracking_mode\":null}", CreatorPatch.class);
        assertNoUpdatableField("{}", CreatorPatch.class);
        assertNoUpdatableField("{\"status\":\"removed\"}", CreatorPatch.class);
        // two bad fields: readme, tiktok_handle, metadata, tracking_mode in that order
        assertInvalid("readme", "{\"tracking_mode\":\"x\",\"metadata\":[],\"tiktok_handle\":1,\"readme\":5}", CreatorPatch.class);
        assertInvalid("tiktok_handle", "{\"tracking_mode\":\"x\",\"metadata\":[],\"tiktok_handle\":1}", CreatorPatch.class);
        assertInvalid("metadata", "{\"tracking_mode\":\"x\",\"metadata\":[]}", CreatorPatch.class);
    }

    @Test
    void ids() {
        UUID a = UUID.randomUUID();
        assertEquals(List.of(a, a), bind("{\"creator_ids\":[\"" + a + "\",\"" + a.toString().toUpperCase() + "\"]}", CreatorIds.class).creatorIds());
        assertMissing("creator_ids", "{}", CreatorIds.class);
        assertMissing("creator_ids", "{\"video_ids\":[\"" + a + "\"]}", CreatorIds.class);
        for (String bad : new String[]{"null", "[]", "\"" + a + "\"", "{}", "[5]", "[null]", "[\"" + a + "\",\"nope\"]", "[\"" + a + "\",5]",
                "[[\"" + a + "\"]]", ids(101)}) {
            assertInvalid("creator_ids", "{\"creator_ids\":" + bad + "}", CreatorIds.class);
        }
        assertEquals(100, bind("{\"creator_ids\":" + ids(100) + "}", CreatorIds.class).creatorIds().size());
    }

    static String ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"" + new UUID(7, i) + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
