package com.trackagoat.campaign;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.Params;
import com.trackagoat.api.Parity;
import com.trackagoat.api.Parity.F;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link CampaignCreate}, {@link CampaignPatch} and {@link CampaignItemCreate} answer every body as CampaignService does today. */
class CampaignBodyParityTest {

    static final List<F> FIELDS = List.of(new F("name", Parity.nameGood(), Parity.nameBad()),
            new F("readme", Parity.readmeGood(), Parity.readmeBad()),
            new F("metadata", Parity.metadataGood(), Parity.metadataBad()),
            new F("target_views", Parity.intGood(), Parity.intBad()),
            new F("target_at", Parity.timestampGood(), Parity.timestampBad()));

    @Test
    void create() {
        Parity.check(CampaignCreate.class, Parity.corpus(FIELDS, Map.of("name", "\"C\"")), body -> {
            // CampaignService.create
            String name = body.requiredString("name", JsonBody.MAX_NAME, true);
            var readme = body.readme();
            var metadata = body.metadata();
            var targetViews = body.integer("target_views", true, 0);
            var targetAt = body.timestamp("target_at", true);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("readme", readme.value());
            m.put("metadata", Parity.field(metadata));
            m.put("target_views", targetViews.value());
            m.put("target_at", targetAt.value());
            return m;
        });
    }

    @Test
    void patch() {
        Parity.check(CampaignPatch.class, Parity.corpus(FIELDS, Map.of()), body -> {
            // CampaignService.patch
            var name = body.name("name");
            var readme = body.readme();
            var metadata = body.metadata();
            var targetViews = body.integer("target_views", true, 0);
            var targetAt = body.timestamp("target_at", true);
            if (!name.present() && !readme.present() && !metadata.present() && !targetViews.present() && !targetAt.present()) {
                throw ApiException.noUpdatableField();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", Parity.field(name));
            m.put("readme", Parity.field(readme));
            m.put("metadata", Parity.field(metadata));
            m.put("target_views", Parity.field(targetViews));
            m.put("target_at", Parity.field(targetAt));
            return m;
        });
    }

    @Test
    void item() {
        List<F> fields = List.of(new F("item_type", Parity.enumGood("creator", "video", "campaign"), Parity.enumBad("video")),
                new F("item_id", Parity.uuidGood(), Parity.uuidBad()));
        Parity.check(CampaignItemCreate.class, Parity.corpus(fields, Map.of("item_type", "\"creator\"", "item_id", "\"" + Parity.UUID1 + "\"")),
                body -> {
                    // CampaignService.addItem, before the lookups
                    String type = body.oneOf("item_type", CampaignService.ITEM_TYPES, false).value();
                    if (type == null) {
                        throw ApiException.missingField("item_type");
                    }
                    String rawId = body.requiredString("item_id", 64, false);
                    if (!Params.isUuid(rawId)) {
                        throw ApiException.invalidField("item_id");
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("item_type", type);
                    m.put("item_id", UUID.fromString(rawId));
                    return m;
                });
    }

    /** The record's allowed values are the service's. */
    @Test
    void constants() {
        assertEquals(CampaignService.ITEM_TYPES, Parity.oneOf(CampaignItemCreate.class, "itemType"));
    }
}
