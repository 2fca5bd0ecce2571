package com.trackagoat.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.trackagoat.api.ApiException;
import com.trackagoat.api.Body;
import com.trackagoat.api.Deleted;
import com.trackagoat.api.Envelope;
import com.trackagoat.api.Idempotency;
import com.trackagoat.api.PageRequest;
import com.trackagoat.api.Params;
import com.trackagoat.auth.CurrentCaller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Annotations (docs/reference/analytics.md §2). The class path is {@code /api/v1/analytics}, the
 * rest on each method, so that the analytics routes still to come can share it (RESTEasy Reactive
 * merges classes with an identical path; docs/decisions.md, "Architecture").
 */
@Path("/api/v1/analytics")
public class AnnotationResource {

    @Inject
    AnnotationService service;
    @Inject
    Idempotency idempotency;
    @Inject
    CurrentCaller caller;
    @Inject
    Body bodies;

    @Operation(summary = "List annotations")
    @APIResponse(responseCode = "200", description = "One page, newest first", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = AnnotationDto.class)))
    @GET
    @Path("annotations")
    public Uni<Envelope<List<AnnotationDto>>> list(@RestQuery("entity_type") String entityType, @RestQuery("entity_id") String entityId,
                                                   @Parameter(description = "Only annotations dated on or after this day; no default") @RestQuery String from,
                                                   @Parameter(description = "Only annotations dated on or before this day; no default") @RestQuery String to,
                                                   @RestQuery String limit, @RestQuery String cursor) {
        if (!Params.isAbsent(entityType) && !Annotations.ENTITY_TYPES.contains(entityType)) {
            throw ApiException.invalidQuery("entity_type");
        }
        UUID entity = Params.queryId(entityId, "entity_id");
        LocalDate fromDate = Params.queryDate(from, "from");
        LocalDate toDate = Params.queryDate(to, "to");
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw ApiException.invalidQuery("from");
        }
        PageRequest page = PageRequest.parse(limit, cursor);
        AnnotationFilter filter = new AnnotationFilter(Params.isAbsent(entityType) ? null : entityType, entity, fromDate, toDate);
        return service.list(caller.orgId(), filter, page).map(Envelope::list);
    }

    @Operation(summary = "Create an annotation on the organization or one of its entities")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnnotationCreate.class)))
    @APIResponse(responseCode = "201", description = "The created annotation", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnnotationDto.class)))
    @APIResponse(responseCode = "404", description = "`not_found`: the annotated entity is not visible in the caller's organization.")
    @POST
    @Path("annotations")
    public Uni<Response> create(@HeaderParam("Content-Type") String contentType, @HeaderParam(Idempotency.HEADER) String idemKey,
                                @Parameter(hidden = true) HttpServerRequest request, byte[] body) {
        return idempotency.create(caller.orgId(), idemKey, request, contentType, body, this::created);
    }

    private Uni<RestResponse<Envelope<AnnotationDto>>> created(ObjectNode json) {
        AnnotationCreate annotation = bodies.bind(json, AnnotationCreate.class);
        return service.create(caller.orgId(), annotation).map(Envelope::created);
    }

    @Operation(summary = "Update an annotation's date, title, body or kind")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnnotationPatch.class)))
    @APIResponse(responseCode = "200", description = "The updated annotation", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnnotationDto.class)))
    @PATCH
    @Path("annotations/{id}")
    public Uni<Envelope<AnnotationDto>> patch(@RestPath String id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        UUID annotationId = Params.pathId(id, "id");
        AnnotationPatch patch = bodies.read(contentType, body, AnnotationPatch.class);
        return service.patch(caller.orgId(), annotationId, patch).map(Envelope::of);
    }

    @Operation(summary = "Delete an annotation")
    @APIResponse(responseCode = "200", description = "Deleted", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Deleted.class)))
    @DELETE
    @Path("annotations/{id}")
    public Uni<Envelope<Deleted>> delete(@RestPath String id) {
        return service.delete(caller.orgId(), Params.pathId(id, "id")).map(Envelope::of);
    }
}
