package com.trackagoat.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only route that fails unexpectedly, to check the 500 envelope. */
@Path("/api/v1/test-only/boom")
public class BoomResource {

    @GET
    @Operation(hidden = true)
    public Uni<Envelope> boom() {
        return Uni.createFrom().failure(new IllegalStateException("secret detail: SELECT * FROM api_key"));
    }
}
