package com.trackagoat.schema;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * GET /api/v1/openapi.json (docs/reference/endpoints-core.md ("Schema")): the OpenAPI 3.1 document that SmallRye OpenAPI
 * generates from the resources at build time, served raw (no envelope) behind the API key with the
 * read scope. Errors of this route (401, 403, 429) still come in the envelope, from the filters.
 */
@Path("/api/v1/openapi.json")
@Tag(name = "schema")
public class OpenApiResource {

    @Inject
    OpenApiDocumentService documents;

    @GET
    @Operation(operationId = "getOpenApiDocument", summary = "The OpenAPI 3.1 document of this API (raw, not enveloped)")
    public Response get() {
        return Response.ok(documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
