package com.trackagoat.schema;

import com.trackagoat.api.Envelope;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** GET /api/v1/schema: the machine-readable data model. */
@Path("/api/v1/schema")
public class SchemaResource {

    private static final Envelope<DataModel.Schema> BODY = Envelope.of(DataModel.SCHEMA);

    @Operation(summary = "The machine-readable data model")
    @APIResponse(responseCode = "200", description = "Entities, fields and relationships", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DataModel.Schema.class)))
    @GET
    @NonBlocking
    public Envelope<DataModel.Schema> get() {
        return BODY;
    }
}
