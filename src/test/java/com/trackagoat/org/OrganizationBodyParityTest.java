package com.trackagoat.org;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.Parity;
import com.trackagoat.api.Parity.F;
import com.trackagoat.api.Zones;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link OrganizationPatch}, {@link AdminOrganizationCreate} and {@link AdminOrganizationPatch} answer every body as OrganizationService does today. */
class OrganizationBodyParityTest {

    static final F NAME = new F("name", Parity.nameGood(), Parity.nameBad());
    static final F TIER = new F("tier", Parity.enumGood("free", "starter", "ultra"), Parity.enumBad("starter"));
    static final F TIMEZONE = new F("timezone", Parity.zoneGood(), Parity.zoneBad());
    static final F BANNED = new F("banned", Parity.boolGood(), Parity.boolBad());

    /** OrganizationService.timezone (private there). */
    static JsonBody.Field<String> timezone(JsonBody body) {
        var tz = body.string("timezone", false, 64, false);
        if (tz.present() && !Zones.isValid(tz.value())) {
            throw ApiException.invalidField("timezone");
        }
        return tz;
    }

    @Test
    void patchOwn() {
        Parity.check(OrganizationPatch.class, Parity.corpus(List.of(NAME, TIMEZONE), Map.of()), body -> {
            var name = body.name("name");
            var timezone = timezone(body);
            if (!name.present() && !timezone.present()) {
                throw ApiException.noUpdatableField();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", Parity.field(name));
            m.put("timezone", Parity.field(timezone));
            return m;
        });
    }

    @Test
    void adminCreate() {
        Parity.check(AdminOrganizationCreate.class, Parity.corpus(List.of(NAME, TIER, TIMEZONE), Map.of("name", "\"O\"")), body -> {
            String name = body.requiredString("name", JsonBody.MAX_NAME, true);
            String tier = body.oneOf("tier", TierLimits.TIERS, false).value();
            String timezone = timezone(body).value();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("tier", tier == null ? "free" : tier);
            m.put("timezone", timezone == null ? "UTC" : timezone);
            return m;
        }, org -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", org.name());
            m.put("tier", org.tier().orElse("free"));
            m.put("timezone", org.timezone().orElse("UTC"));
            return m;
        });
    }

    @Test
    void adminPatch() {
        Parity.check(AdminOrganizationPatch.class, Parity.corpus(List.of(NAME, TIER, TIMEZONE, BANNED), Map.of()), body -> {
            var name = body.name("name");
            var tier = body.oneOf("tier", TierLimits.TIERS, false);
            var timezone = timezone(body);
            var banned = body.bool("banned");
            if (!name.present() && !tier.present() && !timezone.present() && !banned.present()) {
                throw ApiException.noUpdatableField();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", Parity.field(name));
            m.put("tier", Parity.field(tier));
            m.put("timezone", Parity.field(timezone));
            m.put("banned", Parity.field(banned));
            return m;
        });
    }

    /** The records' allowed values are the service's. */
    @Test
    void constants() {
        assertEquals(TierLimits.TIERS, Parity.oneOf(AdminOrganizationCreate.class, "tier"));
        assertEquals(TierLimits.TIERS, Parity.oneOf(AdminOrganizationPatch.class, "tier"));
    }
}
