package com.trackagoat.api;

import com.trackagoat.auth.ApiKeyCreate;
import com.trackagoat.campaign.CampaignPatch;
import com.trackagoat.creator.CreatorBulkCreate;
import com.trackagoat.creator.CreatorCreate;
import com.trackagoat.creator.CreatorIds;
import com.trackagoat.org.AdminOrganizationPatch;
import com.trackagoat.video.VideoCreate;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link Body} as the resources get it: a bean over the Validator Quarkus builds (its
 * {@link FieldValueExtractor} found by the build, the constraint validators as beans, the records'
 * metadata prepared at build time).
 */
@QuarkusTest
class BodyInQuarkusTest {

    @Inject
    Body body;

    ApiException failure(String json, Class<? extends Record> type) {
        return assertThrows(ApiException.class, () -> body.bind(Body.parse("application/json", json), type), json);
    }

    @Test
    void recordsBindAndTheirConstraintsApply() {
        CampaignPatch patch = body.bind(Body.parse(null, "{\"name\":\" Q4 \",\"target_views\":null,\"target_at\":\"2026-03-15T12:00:00+02:00\"}"),
                CampaignPatch.class);
        assertEquals(Field.of("Q4"), patch.name());
        assertEquals(Field.of(null), patch.targetViews());
        assertEquals(Field.of(Instant.parse("2026-03-15T10:00:00Z")), patch.targetAt());
        assertFalse(patch.metadata().present());

        assertEquals(Bodies.answer(ApiException.invalidField("name")), Bodies.answer(failure("{\"name\":null}", CampaignPatch.class)));
        assertEquals(Bodies.answer(ApiException.invalidField("target_views")), Bodies.answer(failure("{\"target_views\":-1}", CampaignPatch.class)));
        assertEquals(Bodies.answer(ApiException.invalidField("metadata")), Bodies.answer(failure("{\"metadata\":{\"a\\u0000\":1}}", CampaignPatch.class)));
        assertEquals(Bodies.answer(ApiException.noUpdatableField()), Bodies.answer(failure("{\"x\":1}", CampaignPatch.class)));
        assertEquals(Bodies.answer(ApiException.invalidField("timezone")), Bodies.answer(failure("{\"timezone\":\"Mars/Base\"}", AdminOrganizationPatch.class)));
        assertEquals(Bodies.answer(ApiException.invalidField("scopes")), Bodies.answer(failure("{\"name\":\"k\",\"scopes\":[\"read\",\"root\"]}", ApiKeyCreate.class)));
        assertEquals(Bodies.answer(ApiException.invalidField("creator_ids")), Bodies.answer(failure("{\"creator_ids\":[null]}", CreatorIds.class)));
        assertEquals(Bodies.answer(ApiException.invalidField("url")), Bodies.answer(failure("{\"url\":\"https://example.com/video/1\"}", VideoCreate.class)));
        assertEquals(Bodies.answer(ApiException.missingField("tiktok_handle")), Bodies.answer(failure("{\"tracking_mode\":\"x\"}", CreatorCreate.class)));

        CreatorBulkCreate bulk = body.bind(Body.parse(null, "{\"creators\":[{\"tiktok_handle\":\"a\"},{\"readme\":5}]}"), CreatorBulkCreate.class);
        assertEquals("a", body.bind(bulk.creators().get(0), CreatorCreate.class, CreatorBulkCreate.item(0)).tiktokHandle());
        ApiException item = assertThrows(ApiException.class, () -> body.bind(bulk.creators().get(1), CreatorCreate.class, CreatorBulkCreate.item(1)));
        assertEquals(Bodies.answer(ApiException.missingField("creators[1].tiktok_handle")), Bodies.answer(item));
        assertEquals(List.of("read"), body.bind(Body.parse(null, "{\"name\":\"k\",\"scopes\":[\"read\"]}"), ApiKeyCreate.class).scopes().value());
    }
}
