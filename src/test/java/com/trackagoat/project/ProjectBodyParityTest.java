package com.trackagoat.project;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.Parity;
import com.trackagoat.api.Parity.F;
import com.trackagoat.api.constraints.Metadata;
import com.trackagoat.api.constraints.Name;
import com.trackagoat.api.constraints.Readme;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ProjectCreate} and {@link ProjectPatch} answer every body as ProjectService's JsonBody checks do. */
class ProjectBodyParityTest {

    static final List<F> FIELDS = List.of(new F("name", Parity.nameGood(), Parity.nameBad()),
            new F("readme", Parity.readmeGood(), Parity.readmeBad()));

    @Test
    void create() {
        Parity.check(ProjectCreate.class, Parity.corpus(FIELDS, Map.of("name", "\"P\"")), body -> {
            // ProjectService.create
            String name = body.requiredString("name", JsonBody.MAX_NAME, true);
            var readme = body.readme();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("readme", readme.value());
            return m;
        });
    }

    @Test
    void patch() {
        Parity.check(ProjectPatch.class, Parity.corpus(FIELDS, Map.of()), body -> {
            // ProjectService.patch
            var name = body.name("name");
            var readme = body.readme();
            if (!name.present() && !readme.present()) {
                throw ApiException.noUpdatableField();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", Parity.field(name));
            m.put("readme", Parity.field(readme));
            return m;
        });
    }

    /** The limits of the constraints are today's. */
    @Test
    void limits() {
        assertEquals(JsonBody.MAX_NAME, Name.MAX);
        assertEquals(JsonBody.MAX_README, Readme.MAX);
        assertEquals(JsonBody.MAX_METADATA_BYTES, Metadata.MAX_BYTES);
    }
}
