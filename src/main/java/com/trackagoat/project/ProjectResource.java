package com.trackagoat.project;

import com.trackagoat.api.Envelope;
import java.util.List;
import com.trackagoat.api.Idempotency;
import com.trackagoat.api.JsonBody;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;
import com.trackagoat.auth.CurrentCaller;
import com.trackagoat.schema.ApiModels;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
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


@Path("/api/v1/projects")
public class ProjectResource {

    private final ProjectService service;
    private final Idempotency idempotency;
    private final CurrentCaller caller;

    public ProjectResource(ProjectService service, Idempotency idempotency, CurrentCaller caller) {
        this.service = service;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @Operation(summary = "Create a project")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.ProjectCreate.class)))
    @APIResponse(responseCode = "201", description = "The created project", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectDto.class)))
    @APIResponse(responseCode = "402", description = "`limit_reached` (meta `limitKey` = `max_projects_per_org`, `current`, `max`): the plan limit is reached.")
    @POST
    public Uni<Response> create(@HeaderParam("Content-Type") String contentType, @HeaderParam(Idempotency.HEADER) String idemKey,
                                @Parameter(hidden = true) HttpServerRequest request, byte[] body) {
        String key = Idempotency.key(idemKey);
        JsonBody json = JsonBody.parse(contentType, body);
        return idempotency.run(caller.orgId(), key, "POST", request.path(), body, () -> created(json));
    }

    private Uni<RestResponse<Envelope<ProjectDto>>> created(JsonBody json) {
        return service.create(caller.get(), json).map(project -> RestResponse.status(RestResponse.Status.CREATED, Envelope.of(project)));
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
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModels.ProjectPatch.class)))
    @APIResponse(responseCode = "200", description = "The updated project", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectDto.class)))
    @PATCH
    @Path("{id}")
    public Uni<Envelope<ProjectDto>> patch(@RestPath String id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        var projectId = Params.pathId(id, "id");
        return service.patch(caller.orgId(), projectId, JsonBody.parse(contentType, body)).map(Envelope::of);
    }
}
