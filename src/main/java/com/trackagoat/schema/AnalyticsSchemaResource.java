package com.trackagoat.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.openapi.runtime.io.Format;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * GET /api/v1/analytics/schema (docs/reference/analytics.md §3): the OpenAPI document of
 * {@code /api/v1/openapi.json}, generated from the same annotations, restricted to the
 * {@code /api/v1/analytics} paths, with {@code info.version} 1.4.0; raw, not enveloped.
 */
@Path("/api/v1/analytics/schema")
@Tag(name = "schema")
public class AnalyticsSchemaResource {

    static final String VERSION = "1.4.0";
    static final String PREFIX = "/api/v1/analytics";

    @Inject
    OpenApiDocumentService documents;
    @Inject
    ObjectMapper mapper;

    /** The document never changes while the application runs: built on first use. */
    private volatile byte[] document;

    @GET
    @Operation(operationId = "getAnalyticsSchema", summary = "The OpenAPI document of the analytics routes (raw, not enveloped)")
    public Response get() {
        byte[] body = document;
        if (body == null) {
            body = document = restrict(documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private byte[] restrict(byte[] full) {
        try {
            ObjectNode doc = (ObjectNode) mapper.readTree(full);
            ObjectNode paths = (ObjectNode) doc.path("paths");
            List<String> others = new java.util.ArrayList<>();
            paths.fieldNames().forEachRemaining(p -> {
                if (!(p.equals(PREFIX) || p.startsWith(PREFIX + "/"))) {
                    others.add(p);
                }
            });
            paths.remove(others);
            ((ObjectNode) doc.path("info")).put("version", VERSION);
            return mapper.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
