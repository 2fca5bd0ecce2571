package com.trackagoat.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.trackagoat.api.Body;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.Idempotency;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;
import com.trackagoat.auth.CurrentCaller;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/projects")
public class ProjectResource {

    @Inject
    ProjectService service;
    @Inject
    Idempotency idempotency;
    @Inject
    CurrentCaller caller;
    @Inject
    Body bodies;

    @Operation(summary = "Create a project")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectCreate.class)))
    @APIResponse(responseCode = "201", description = "The created project", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectDto.class)))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_projects_per_org`, `current`, `max`): the plan limit is reached.")
    @POST
    public Uni<Response> create(@HeaderParam("Content-Type") String contentType, @HeaderParam(Idempotency.HEADER) String idemKey,
                                @Parameter(hidden = true) HttpServerRequest request, byte[] body) {
        return idempotency.create(caller.orgId(), idemKey, request, contentType, body, this::created);
    }

    private Uni<RestResponse<Envelope<ProjectDto>>> created(ObjectNode json) {
        ProjectCreate project = bodies.bind(json, ProjectCreate.class);
        return service.create(caller.get(), project).map(Envelope::created);
    }

    @Operation(summary = "List the organization's projects")
    @APIResponse(responseCode = "200", description = "One page, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ProjectDto.class)))
    @GET
    public Uni<Envelope<List<ProjectDto>>> list(@RestQuery String limit, @RestQuery String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        return service.list(caller.orgId(), page).map(Envelope::list);
    }

    @Operation(summary = "Get a project")
    @APIResponse(responseCode = "200", description = "The project", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectDto.class)))
    @GET
    @Path("{id}")
    public Uni<Envelope<ProjectDto>> get(@RestPath String id) {
        return service.get(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }

    @Operation(summary = "Update a project's name or notes")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectPatch.class)))
    @APIResponse(responseCode = "200", description = "The updated project", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectDto.class)))
    @PATCH
    @Path("{id}")
    public Uni<Envelope<ProjectDto>> patch(@RestPath String id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID projectId = Params.pathId(id, "id");
        ProjectPatch patch = bodies.read(contentType, body, ProjectPatch.class);
        return service.patch(caller.orgId(), projectId, patch).map(Envelope::of);
    }
}
