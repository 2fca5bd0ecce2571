package com.trackagoat.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.trackagoat.auth.ApiKeyCreate;
import com.trackagoat.campaign.CampaignCreate;
import com.trackagoat.campaign.CampaignItemCreate;
import com.trackagoat.campaign.CampaignPatch;
import com.trackagoat.creator.CreatorBulkCreate;
import com.trackagoat.creator.CreatorCreate;
import com.trackagoat.creator.CreatorIds;
import com.trackagoat.creator.CreatorPatch;
import com.trackagoat.org.AdminOrganizationCreate;
import com.trackagoat.org.AdminOrganizationPatch;
import com.trackagoat.org.OrganizationPatch;
import com.trackagoat.project.ProjectCreate;
import com.trackagoat.project.ProjectPatch;
import com.trackagoat.video.VideoCreate;
import com.trackagoat.video.VideoIds;
import com.trackagoat.video.VideoPatch;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The body records describe themselves in the OpenAPI document exactly as the documentation-only
 * records of {@link ApiModels} do today (same names, types, descriptions, constraints), so
 * replacing the latter by the former leaves the document as it is, but for one addition: the
 * {@code pattern} of {@code VideoCreate.url}. Each set is scanned on its own by SmallRye OpenAPI
 * with the application's naming strategy.
 */
class BodySchemaTest {

    static final List<Class<?>> RECORDS = List.of(ProjectCreate.class, ProjectPatch.class, CreatorCreate.class, CreatorBulkCreate.class,
            CreatorPatch.class, CreatorIds.class, VideoCreate.class, VideoPatch.class, VideoIds.class, CampaignCreate.class,
            CampaignPatch.class, CampaignItemCreate.class, ApiKeyCreate.class, OrganizationPatch.class, AdminOrganizationCreate.class,
            AdminOrganizationPatch.class);
    static final List<Class<?>> DOCUMENTATION = List.of(ApiModels.ProjectCreate.class, ApiModels.ProjectPatch.class,
            ApiModels.CreatorCreate.class, ApiModels.CreatorBulkCreate.class, ApiModels.CreatorPatch.class, ApiModels.CreatorIds.class,
            ApiModels.VideoCreate.class, ApiModels.VideoPatch.class, ApiModels.VideoIds.class, ApiModels.CampaignCreate.class,
            ApiModels.CampaignPatch.class, ApiModels.CampaignItemCreate.class, ApiModels.ApiKeyCreate.class, ApiModels.OrganizationPatch.class,
            ApiModels.AdminOrganizationCreate.class, ApiModels.AdminOrganizationPatch.class);

    @Test
    void theRecordsAreTheDocumentedBodies() throws IOException {
        Map<String, JsonNode> documented = schemas(DOCUMENTATION);
        Map<String, JsonNode> records = schemas(RECORDS);
        // the one addition: VideoCreate's @Pattern documents the URL format that was only prose before
        ObjectNode url = (ObjectNode) records.get("VideoCreate").path("properties").path("url");
        assertEquals(VideoCreate.URL, url.path("pattern").asText());
        url.remove("pattern");
        assertEquals(16, documented.size(), documented.keySet().toString());
        assertEquals(documented.keySet(), records.keySet());
        List<String> differ = new ArrayList<>();
        for (String name : documented.keySet()) {
            if (!documented.get(name).equals(records.get(name))) {   // key order aside
                differ.add(name + "\n  documented: " + documented.get(name) + "\n  record:     " + records.get(name));
            }
        }
        assertEquals("", String.join("\n", differ));
    }

    static Map<String, JsonNode> schemas(List<Class<?>> classes) throws IOException {
        Indexer indexer = new Indexer();
        for (Class<?> c : classes) {
            indexer.indexClass(c);
        }
        Index index = indexer.complete();
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "mp.openapi.extensions.smallrye.property-naming-strategy",
                "com.fasterxml.jackson.databind.PropertyNamingStrategies$SnakeCaseStrategy"), "test", 500)).build();
        String json = SmallRyeOpenAPI.builder().withConfig(config).withIndex(index).enableModelReader(false)
                .enableStandardStaticFiles(false).enableStandardFilter(false).build().toJSON();
        JsonNode schemas = new ObjectMapper().readTree(json).path("components").path("schemas");
        Map<String, JsonNode> out = new TreeMap<>();
        schemas.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
