package com.trackagoat.schema;

import com.trackagoat.api.Envelope;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** GET /api/v1/schema: the machine-readable data model. */
@Path("/api/v1/schema")
public class SchemaResource {

    private static final Envelope BODY = Envelope.of(DataModel.SCHEMA);

    @GET
    @NonBlocking
    public Envelope get() {
        return BODY;
    }
}
