package com.trackagoat.video;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.Bodies;
import com.trackagoat.api.Params;
import com.trackagoat.api.Parity;
import com.trackagoat.api.Parity.F;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link VideoCreate}, {@link VideoPatch} and {@link VideoIds} answer every body as VideoCreation and VideoService do today. */
class VideoBodyParityTest {

    static final String URL = "\"https://www.tiktok.com/@fuzz.handle/video/7300000000000000001\"";

    static List<String> urlGood() {
        String prefix = "https://www.tiktok.com/@x/video/1?";
        return List.of(URL, "\"http://m.tiktok.com/@a.b/photo/1?x=y\"", "\"https://tiktok.com/@h/video/1/\"",
                "\"https://www.tiktok.com/@h/video/1234567890123456789012345#frag\"",
                Bodies.str(prefix + "a".repeat(2048 - prefix.length())), Bodies.str(prefix + "\ud83d\ude00".repeat(2048 - prefix.length())));
    }

    static List<String> urlBad() {
        String prefix = "https://www.tiktok.com/@x/video/1?";
        return List.of("5", "null", "[]", "{}", "true", Bodies.str("https://www.tiktok.com/" + "x".repeat(2049)), "\"not a url\"",
                "\"https://example.com/video/1\"", "\"https://www.tiktok.com/@x/video/abc\"", "\"\"", "\"https://www.tiktok.com/@x/video/1\\u0000\"",
                "\"https://www.tiktok.com/@\\ud800/video/1\"", Bodies.str(prefix + "a".repeat(2049 - prefix.length())),
                Bodies.str(prefix + "\ud83d\ude00".repeat(2049 - prefix.length())), "\"https://www.tiktok.com/@x/video/12345678901234567890123456\"",
                "\"HTTPS://www.tiktok.com/@x/video/1\"", "\"https://www.tiktok.com/@x y/video/1\"", "\"https://www.tiktok.com/@x/video/1\\nx\"");
    }

    @Test
    void create() {
        List<F> fields = List.of(new F("url", urlGood(), urlBad()), new F("creator_id", Parity.uuidGood(), Parity.uuidBad()),
                new F("readme", Parity.readmeGood(), Parity.readmeBad()), new F("metadata", Parity.metadataGood(), Parity.metadataBad()));
        Parity.check(VideoCreate.class, Parity.corpus(fields, Map.of("url", URL)), body -> {
            // VideoCreation.create, up to the transaction
            String url = body.requiredString("url", 2048, false);
            var m = VideoCreation.URL.matcher(url);
            if (!m.matches()) {
                throw ApiException.invalidField("url");
            }
            var creatorField = body.string("creator_id", false, 64, false);
            if (creatorField.present() && !Params.isUuid(creatorField.value())) {
                throw ApiException.invalidField("creator_id");
            }
            var readme = body.readme();
            var metadata = body.metadata();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("url", url);
            out.put("creator_id", creatorField.present() ? com.trackagoat.api.Field.of(UUID.fromString(creatorField.value()))
                    : com.trackagoat.api.Field.absent());
            out.put("readme", Parity.field(readme));
            out.put("metadata", Parity.field(metadata));
            return out;
        });
    }

    @Test
    void patch() {
        Set<String> all = Set.of(Video.AUTO_TRACKED, Video.PENDING_REVIEW, Video.INCLUDED, Video.EXCLUDED, Video.DIRECT_ADD);
        List<F> fields = List.of(new F("readme", Parity.readmeGood(), Parity.readmeBad()),
                new F("metadata", Parity.metadataGood(), Parity.metadataBad()),
                new F("tracking_status", Parity.enumGood(all.toArray(String[]::new)), Parity.enumBad("included")));
        Parity.check(VideoPatch.class, Parity.corpus(fields, Map.of()), body -> {
            // VideoService.patch (ALL_STATUSES)
            var readme = body.readme();
            var metadata = body.metadata();
            var status = body.oneOf("tracking_status", all, false);
            if (!readme.present() && !metadata.present() && !status.present()) {
                throw ApiException.noUpdatableField();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("readme", Parity.field(readme));
            out.put("metadata", Parity.field(metadata));
            out.put("tracking_status", Parity.field(status));
            return out;
        });
    }

    @Test
    void ids() {
        Parity.check(VideoIds.class, Parity.corpus(List.of(new F("video_ids", Parity.uuidArrayGood(), Parity.uuidArrayBad())), Map.of()),
                body -> Map.of("video_ids", body.uuidArray("video_ids", 1, 100)));   // VideoService.bulkDisable
    }

    /** The records' allowed values are the service's. */
    @Test
    void constants() {
        assertEquals(VideoCreation.URL.pattern(), VideoCreate.URL);
        assertEquals(Set.of(Video.AUTO_TRACKED, Video.PENDING_REVIEW, Video.INCLUDED, Video.EXCLUDED, Video.DIRECT_ADD),
                Parity.oneOf(VideoPatch.class, "trackingStatus"));
    }
}
