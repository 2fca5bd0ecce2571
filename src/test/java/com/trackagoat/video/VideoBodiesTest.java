package com.trackagoat.video;

import com.trackagoat.api.Field;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.trackagoat.api.Bodies.assertInvalid;
import static com.trackagoat.api.Bodies.assertMissing;
import static com.trackagoat.api.Bodies.assertNoUpdatableField;
import static com.trackagoat.api.Bodies.bind;
import static com.trackagoat.api.Bodies.oneOf;
import static com.trackagoat.api.Bodies.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The bodies of POST …/videos, PATCH /api/v1/videos/{id} and the bulk id list: exact answers. */
class VideoBodiesTest {

    static final String URL = "https://www.tiktok.com/@charlidamelio/video/7301234567890123456";

    @Test
    void create() {
        UUID creator = UUID.randomUUID();
        VideoCreate v = bind("{\"url\":\"" + URL + "\",\"creator_id\":\"" + creator.toString().toUpperCase() + "\",\"readme\":null,\"metadata\":{}}",
                VideoCreate.class);
        assertEquals(URL, v.url());
        assertEquals(Field.of(creator), v.creatorId());
        assertEquals(Field.of(null), v.readme());   // a restored video's notes are cleared
        assertEquals("{}", v.metadata().value().toString());
        VideoCreate minimal = bind("{\"url\":\"http://m.tiktok.com/@a.b/photo/1?x=y\"}", VideoCreate.class);
        assertFalse(minimal.creatorId().present());
        assertFalse(minimal.readme().present());   // a restored video keeps its notes

        assertMissing("url", "{}", VideoCreate.class);
        assertMissing("url", "{\"creator_id\":\"nope\"}", VideoCreate.class);
        for (String bad : new String[]{"null", "5", "[]", "{}", "\"\"", "\"not a url\"", "\"https://example.com/video/1\"",
                "\"https://www.tiktok.com/@x/video/abc\"", "\"https://www.tiktok.com/@x/video/12345678901234567890123456\"",
                "\"https://www.tiktok.com/@\\ud800/video/1\"", "\"https://www.tiktok.com/@x/video/1\\u0000\""}) {
            assertInvalid("url", "{\"url\":" + bad + "}", VideoCreate.class);
        }
        // 2048 characters (code points) at most
        String prefix = URL + "?";
        assertEquals(2048, bind("{\"url\":" + str(prefix + "\ud83d\ude00".repeat(2048 - prefix.length())) + "}", VideoCreate.class)
                .url().codePointCount(0, 4096 - prefix.length()));
        assertInvalid("url", "{\"url\":" + str(prefix + "a".repeat(2049 - prefix.length())) + "}", VideoCreate.class);
        for (String bad : new String[]{"null", "5", "\"\"", "\"" + creator + "0\"", "\"" + creator.toString().replace("-", "") + "\"",
                "[\"" + creator + "\"]", "\"AAAAAAAAAAAAAAAAAAAAAA==\""}) {
            assertInvalid("creator_id", "{\"url\":\"" + URL + "\",\"creator_id\":" + bad + "}", VideoCreate.class);
        }
        assertInvalid("metadata", "{\"url\":\"" + URL + "\",\"metadata\":null}", VideoCreate.class);
        // two bad fields: url, creator_id, readme, metadata in that order
        assertInvalid("url", "{\"metadata\":1,\"creator_id\":\"x\",\"url\":\"https://example.com\"}", VideoCreate.class);
        assertInvalid("creator_id", "{\"metadata\":1,\"readme\":1,\"creator_id\":\"x\",\"url\":\"" + URL + "\"}", VideoCreate.class);
    }

    @Test
    void patch() {
        for (String status : new String[]{"auto_tracked", "pending_review", "included", "excluded", "direct_add"}) {
            // any status is a valid field; which transition is allowed is the service's business
            assertEquals(Field.of(status), bind("{\"tracking_status\":\"" + status + "\"}", VideoPatch.class).trackingStatus());
        }
        for (String bad : new String[]{"null", "\"deleted\"", "\"EXCLUDED\"", "\"excluded \"", "5", "[\"excluded\"]"}) {
            assertInvalid("tracking_status", "{\"tracking_status\":" + bad + "}", VideoPatch.class);
        }
        VideoPatch notes = bind("{\"readme\":null,\"metadata\":{\"a\":[]}}", VideoPatch.class);
        assertEquals(Field.of(null), notes.readme());
        assertEquals("{\"a\":[]}", notes.metadata().value().toString());
        assertFalse(notes.trackingStatus().present());
        assertNoUpdatableField("{}", VideoPatch.class);
        assertInvalid("readme", "{\"tracking_status\":\"x\",\"metadata\":[],\"readme\":5}", VideoPatch.class);
        assertInvalid("metadata", "{\"tracking_status\":\"x\",\"metadata\":[]}", VideoPatch.class);
    }

    @Test
    void ids() {
        UUID a = UUID.randomUUID();
        assertEquals(List.of(a), bind("{\"video_ids\":[\"" + a + "\"]}", VideoIds.class).videoIds());
        assertMissing("video_ids", "{}", VideoIds.class);
        for (String bad : new String[]{"null", "[]", "\"" + a + "\"", "[\"x\"]", "[\"" + a + "\",null]", ids(101)}) {
            assertInvalid("video_ids", "{\"video_ids\":" + bad + "}", VideoIds.class);
        }
        assertEquals(100, bind("{\"video_ids\":" + ids(100) + "}", VideoIds.class).videoIds().size());
    }

    static String ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"" + new UUID(9, i) + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** A PATCH may name any status (the service decides which transitions are allowed). */
    @Test
    void statuses() {
        assertEquals(Set.of(Video.AUTO_TRACKED, Video.PENDING_REVIEW, Video.INCLUDED, Video.EXCLUDED, Video.DIRECT_ADD),
                oneOf(VideoPatch.class, "trackingStatus"));
    }
}
