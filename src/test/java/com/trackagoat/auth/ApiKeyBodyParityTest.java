package com.trackagoat.auth;

import com.trackagoat.api.JsonBody;
import com.trackagoat.api.Parity;
import com.trackagoat.api.Parity.F;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ApiKeyCreate} answers every body as ApiKeyService.create does today (its scope checks are business rules). */
class ApiKeyBodyParityTest {

    @Test
    void create() {
        List<F> fields = List.of(new F("name", Parity.nameGood(), Parity.nameBad()),
                new F("scopes", List.of("[\"read\"]", "[\"write\",\"read\",\"read\"]", "[\"admin\"]", "[\"admin\",\"read\",\"write\"]"),
                        List.of("\"read\"", "[]", "[\"READ\"]", "[5]", "[\"root\"]", "null", "{}", "[null]", "[[\"read\"]]", "[\"read \"]", "true",
                                "[\"read\",5]", "[\"read\\u0000\"]", "{\"read\":true}")));
        Parity.check(ApiKeyCreate.class, Parity.corpus(fields, Map.of("name", "\"K\"")), body -> {
            String name = body.requiredString("name", JsonBody.MAX_NAME, true);
            List<String> scopes = ApiKeyService.scopes(body);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("scopes", scopes);
            return m;
        }, key -> {
            // duplicates collapse into the canonical order, as ApiKeyService does with the list
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", key.name());
            m.put("scopes", key.scopes().present() ? Scopes.ORDER.stream().filter(key.scopes().value()::contains).toList() : Scopes.DEFAULT);
            return m;
        });
    }

    /** The record's allowed values are the service's. */
    @Test
    void constants() {
        assertEquals(java.util.Set.copyOf(Scopes.ORDER), Parity.oneOf(ApiKeyCreate.class, "scopes"));
    }
}
