package com.trackagoat.org;

import com.trackagoat.api.Envelope;
import com.trackagoat.api.JsonBody;
import com.trackagoat.auth.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;

/** The caller's own organization, its limits and usage (auth.md §5). */
@Path("/api/v1/organization")
public class OrganizationResource {

    private final OrganizationService service;
    private final CurrentCaller caller;

    public OrganizationResource(OrganizationService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<Envelope> get() {
        return service.own(caller.orgId()).map(Envelope::of);
    }

    @PATCH
    public Uni<Envelope> patch(@HeaderParam("Content-Type") String contentType, byte[] body) {
        return service.patchOwn(caller.orgId(), JsonBody.parse(contentType, body)).map(Envelope::of);
    }
}
