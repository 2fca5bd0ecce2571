package com.trackagoat.creator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Bodies;
import com.trackagoat.api.Body;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.Parity;
import com.trackagoat.api.Parity.F;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link CreatorCreate}, {@link CreatorBulkCreate}, {@link CreatorPatch} and {@link CreatorIds}
 * answer every body as today's code does: ProjectResource's single/bulk dispatch,
 * {@code CreatorCreation.input} (called as it is) and {@code createMany}'s list check,
 * CreatorService.patch, and CreatorBulk's {@code uuidArray}.
 */
class CreatorBodyParityTest {

    static List<String> handleGood() {
        return List.of("\"x\"", "\"@Chef.Maria\"", "\"bad handle!\"", "\"\"", Bodies.str("a".repeat(200)),
                "\"https://www.tiktok.com/@khaby.lame\"", Bodies.str("\ud83d\ude00".repeat(200)));
    }

    static List<String> handleBad() {
        return List.of("5", "true", "[]", "{}", "null", "1.5", "[\"@x\"]", "{\"handle\":\"x\"}", Bodies.str("a".repeat(201)),
                "\"x\\u0000y\"", "\"\\ud800\"", Bodies.str("\ud83d\ude00".repeat(201)));
    }

    static final List<F> CREATE = List.of(new F("tiktok_handle", handleGood(), handleBad()),
            new F("tracking_mode", Parity.enumGood("auto", "selective"), Parity.enumBad("auto")),
            new F("tracking_start_date", Parity.dateGood(), Parity.dateBad()),
            new F("readme", Parity.readmeGood(), Parity.readmeBad()),
            new F("metadata", Parity.metadataGood(), Parity.metadataBad()));

    /** Today's single body: CreatorCreation.input as a comparable map. */
    static Map<String, Object> today(CreatorCreation.Input in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tiktok_handle", in.handleAsSent());
        m.put("tracking_mode", in.mode());
        m.put("tracking_start_date", in.trackingStart());
        m.put("readme", Parity.field(in.readme()));
        m.put("metadata", Parity.field(in.metadata()));
        return m;
    }

    static Map<String, Object> mine(CreatorCreate c) {
        Map<String, Object> m = Parity.values(c);
        m.put("tracking_mode", c.trackingMode().orElse("auto"));
        m.put("tracking_start_date", c.trackingStartDate().orElse(null));
        return m;
    }

    @Test
    void singleCreate() {
        Parity.check(CreatorCreate.class, Parity.corpus(CREATE, Map.of("tiktok_handle", "\"chef\"")),
                body -> today(CreatorCreation.input(body.node(), "")), CreatorBodyParityTest::mine);
    }

    /** The whole POST …/creators body: which kind it is, the list, and each item's own outcome. */
    @Test
    void singleOrBulk() {
        List<String> items = Parity.corpus(CREATE, Map.of("tiktok_handle", "\"chef\""));
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i + 5 <= items.size(); i += 5) {
            // five items a body, with non-object items among them
            bodies.add("{\"creators\":[" + String.join(",", items.subList(i, i + 5)) + (i % 3 == 0 ? ",null,5,\"x\",[]" : "") + "]}");
        }
        for (String top : List.of("[]", "{}", "null", "5", "\"x\"", "[null]", "[{}]", "{\"tiktok_handle\":\"x\"}",
                IntStream.range(0, 50).mapToObj(i -> "{\"tiktok_handle\":\"h" + i + "\"}").collect(Collectors.joining(",", "[", "]")),
                IntStream.range(0, 51).mapToObj(i -> "{\"tiktok_handle\":\"h" + i + "\"}").collect(Collectors.joining(",", "[", "]")))) {
            bodies.add("{\"creators\":" + top + "}");
            bodies.add("{\"creators\":" + top + ",\"tiktok_handle\":\"x\"}");
            bodies.add("{\"tiktok_handle\":null,\"creators\":" + top + "}");
        }
        bodies.add("{}");
        bodies.add("{\"readme\":5}");
        bodies.add("{\"tiktok_handle\":5}");
        bodies.add("{\"tiktok_handle\":null}");
        Parity.compare("POST creators", bodies, json -> {
            // ProjectResource.addCreators, then CreatorCreation.createOne / createMany
            JsonBody body = JsonBody.parse("application/json", json);
            boolean single = body.has("tiktok_handle");
            if (single == body.has("creators")) {
                throw single ? ApiException.invalidField("creators") : ApiException.missingField("tiktok_handle");
            }
            if (single) {
                return today(CreatorCreation.input(body.node(), ""));
            }
            JsonNode list = body.node().get("creators");
            if (!list.isArray() || list.isEmpty() || list.size() > CreatorCreation.MAX_BULK) {
                throw ApiException.invalidField("creators");
            }
            List<Object> outcomes = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                String prefix = "creators[" + i + "].";
                String sent = item.isObject() && item.path("tiktok_handle").isTextual() ? item.get("tiktok_handle").textValue() : null;
                outcomes.add(List.of(String.valueOf(sent), Parity.outcome(() -> today(CreatorCreation.input(item, prefix)))));
            }
            return outcomes;
        }, json -> {
            ObjectNode node = Body.parse("application/json", json);
            if (!CreatorBulkCreate.isBulk(node)) {
                return mine(Bodies.BODY.bind(node, CreatorCreate.class));
            }
            CreatorBulkCreate bulk = Bodies.BODY.bind(node, CreatorBulkCreate.class);
            List<Object> outcomes = new ArrayList<>();
            for (int i = 0; i < bulk.creators().size(); i++) {
                JsonNode item = bulk.creators().get(i);
                int index = i;
                outcomes.add(List.of(String.valueOf(CreatorBulkCreate.handleAsSent(item)),
                        Parity.outcome(() -> mine(Bodies.BODY.bind(item, CreatorCreate.class, CreatorBulkCreate.item(index))))));
            }
            return outcomes;
        });
    }

    @Test
    void patch() {
        List<F> fields = List.of(new F("readme", Parity.readmeGood(), Parity.readmeBad()),
                new F("tiktok_handle", List.of("\"x\"", "\"\"", Bodies.str("a".repeat(5000)), "\"bad handle!\""), Parity.notAString()),
                new F("metadata", Parity.metadataGood(), Parity.metadataBad()),
                new F("tracking_mode", Parity.enumGood("auto", "selective"), Parity.enumBad("selective")));
        Parity.check(CreatorPatch.class, Parity.corpus(fields, Map.of()), body -> {
            // CreatorService.patch
            var readme = body.readme();
            var handle = body.string("tiktok_handle", false, Integer.MAX_VALUE, false);
            var metadata = body.metadata();
            var mode = body.oneOf("tracking_mode", CreatorService.TRACKING_MODES, false);
            if (!readme.present() && !handle.present() && !metadata.present() && !mode.present()) {
                throw ApiException.noUpdatableField();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("readme", Parity.field(readme));
            m.put("tiktok_handle", Parity.field(handle));
            m.put("metadata", Parity.field(metadata));
            m.put("tracking_mode", Parity.field(mode));
            return m;
        });
    }

    @Test
    void ids() {
        Parity.check(CreatorIds.class, Parity.corpus(List.of(new F("creator_ids", Parity.uuidArrayGood(), Parity.uuidArrayBad())), Map.of()),
                body -> Map.of("creator_ids", body.uuidArray("creator_ids", 1, 100)));   // CreatorBulk.run
    }

    /** The records' allowed values and limits are the services'. */
    @Test
    void constants() {
        assertEquals(CreatorCreation.MAX_BULK, CreatorBulkCreate.MAX_ITEMS);
        assertEquals(CreatorService.TRACKING_MODES, Parity.oneOf(CreatorCreate.class, "trackingMode"));
        assertEquals(CreatorService.TRACKING_MODES, Parity.oneOf(CreatorPatch.class, "trackingMode"));
    }
}
