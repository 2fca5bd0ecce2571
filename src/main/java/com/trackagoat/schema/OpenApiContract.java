package com.trackagoat.schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes the generated OpenAPI document with what holds for every route of the contract
 * (docs/reference/conventions.md), so the resources only declare what is particular to them (summary, the
 * {@code data} schema, request body, extra 402/409 cases):
 * <ul>
 *   <li>the bearer API key as the security scheme of every operation;</li>
 *   <li>the envelope around every success schema: {@code data} = the declared schema, {@code meta}
 *       = the list meta for arrays, {@code {"cached"}} for stats, otherwise null;</li>
 *   <li>the enveloped error responses that the filters and parsers of every route can produce
 *       (400, 401, 403, 404, 409 for Idempotency-Key, 413, 415, 429, 500, 503), each with its
 *       {@code meta.code}s;</li>
 *   <li>types, formats and descriptions of the parameters, which are the same wherever a name is
 *       used (the resources take them as strings to answer malformed values with the contract's
 *       400, not the framework's);</li>
 *   <li>one tag per resource collection.</li>
 * </ul>
 * It runs once, at build time; the document is then served as it is.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {

    static final String API = "/api/v1";
    static final String RAW_DOCUMENT = API + "/openapi.json";
    /** Routes answering a raw OpenAPI document, not an envelope. */
    static final java.util.Set<String> RAW_DOCUMENTS = java.util.Set.of(RAW_DOCUMENT, API + "/analytics/schema");
    private static final String SECURITY = "apiKey";
    private static final String ERROR = "#/components/schemas/Error";

    /** The error responses shared by routes, by status: description (with its codes). */
    private static final Map<String, String> COMMON_ERRORS = new LinkedHashMap<>();

    static {
        COMMON_ERRORS.put("401", "`invalid_api_key`: missing, malformed, unknown or revoked API key.");
        COMMON_ERRORS.put("403", "`insufficient_scope` (meta `required`, `granted`) or `org_banned`.");
        COMMON_ERRORS.put("429", "`rate_limit_exceeded` (meta `retryAfter`, header `Retry-After`): per-key window or the organization's daily quota.");
        COMMON_ERRORS.put("500", "`internal_error`: unexpected failure, logged server-side with the request id.");
        COMMON_ERRORS.put("503", "`service_unavailable` (header `Retry-After: 5`): the database cannot be reached.");
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSecurityScheme(SECURITY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("tga_<64 lowercase hex>")
                .description("API key of the organization: `Authorization: Bearer tga_…`. Scopes: `read` (GET), `write` (POST/PATCH/DELETE), `admin` (/api/v1/admin/*)."));
        components.addSchema("Error", errorSchema());
        components.addSchema("ListMeta", object()
                .addProperty("hasMore", type(SchemaType.BOOLEAN))
                .addProperty("nextCursor", type(SchemaType.STRING, SchemaType.NULL).description("Opaque cursor of the next page; null exactly when hasMore is false"))
                .required(List.of("hasMore", "nextCursor")));
        components.addSchema("StatsMeta", object()
                .addProperty("cached", type(SchemaType.BOOLEAN).description("Whether the body was served from the stats cache"))
                .required(List.of("cached")));
        // The scanner's guesses for the raw body parameter and the untyped return type: every
        // operation declares its body and data schemas instead (the test checks no ref is left).
        components.removeSchema("HttpServerRequest");
        components.removeSchema("Envelope");
        entitySchemas(components);
        api.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SECURITY)));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(API)) {
                item.getOperations().forEach((method, op) -> complete(path, method, op));
            }
        });
    }

    private void complete(String path, PathItem.HttpMethod method, Operation op) {
        op.setTags(List.of(tag(path)));
        if (op.getParameters() != null) {
            op.getParameters().forEach(p -> Parameters.describe(path, p));
        }
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        if (!RAW_DOCUMENTS.contains(path)) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    envelope(path, response);
                }
            });
        }
        boolean hasBody = op.getRequestBody() != null;
        boolean hasParams = op.getParameters() != null && !op.getParameters().isEmpty();
        boolean idempotent = hasParams && op.getParameters().stream().anyMatch(p -> Parameters.IDEMPOTENCY_KEY.equals(p.getName()));
        List<String> bad = new ArrayList<>();
        if (path.contains("{")) {
            bad.add("`invalid_params` (meta `param`): a malformed path id");
        }
        if (hasParams && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            bad.add("`invalid_query` (meta `param`): a malformed query parameter");
        }
        if (idempotent) {
            bad.add("`invalid_params` (meta `param` = `Idempotency-Key`): a malformed Idempotency-Key");
        }
        if (hasBody) {
            bad.add("`invalid_body` (meta `field` when a field is at fault): malformed JSON, a missing or invalid field");
        }
        if (!bad.isEmpty()) {
            error(responses, "400", String.join("; ", bad) + ".");
        }
        if (path.contains("{")) {
            error(responses, "404", "`not_found`: no such resource in the caller's organization (ids of other organizations behave as nonexistent).");
        }
        if (idempotent) {
            error(responses, "409", "`idempotency_key_reused`: the key was used for another request; `idempotency_key_in_use`: the first request with this key is still running.");
        }
        if (hasBody) {
            error(responses, "413", "`payload_too_large`: the body exceeds 1 MiB.");
            error(responses, "415", "`unsupported_media_type`: the body is not `application/json`.");
        }
        COMMON_ERRORS.forEach((status, description) -> error(responses, status, description));
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                error(responses, status, "");
            }
        });
        if (op.getSecurity() == null) {
            op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SECURITY)));
        }
        if (op.getDescription() == null) {
            String scope = path.startsWith(API + "/admin") ? "admin" : method == PathItem.HttpMethod.GET ? "read" : "write";
            op.setDescription("Scope: `" + scope + "`.");
        }
    }

    /** The response schema of each docs/reference/data-model.md entity, by the DTO record that writes it. */
    static final Map<String, String> ENTITY_SCHEMAS = Map.of(
            "project", "ProjectDto", "creator", "CreatorDto", "video", "VideoDto", "campaign", "CampaignDto",
            "campaign_item", "CampaignItemDto", "annotation", "AnnotationDto");

    /**
     * Replaces the properties of the entity DTO schemas with those of {@link DataModel} (the model of
     * GET /api/v1/schema): type, format, nullability, allowed values and description of every
     * field, all of them required since keys of {@code data} are never omitted.
     */
    private static void entitySchemas(Components components) {
        ENTITY_SCHEMAS.forEach((entity, name) -> {
            Schema schema = components.getSchemas() == null ? null : components.getSchemas().get(name);
            if (schema == null) {
                return;
            }
            Map<String, Schema> properties = new LinkedHashMap<>();
            DataModel.SCHEMA.entities().get(entity).fields().forEach((field, f) -> properties.put(field, fieldSchema(f)));
            schema.setProperties(properties);
            schema.setRequired(List.copyOf(properties.keySet()));
            schema.setDescription(DataModel.SCHEMA.entities().get(entity).description());
        });
    }

    static Schema fieldSchema(DataModel.Field f) {
        SchemaType base = switch (f.type()) {
            case "integer" -> SchemaType.INTEGER;
            case "number" -> SchemaType.NUMBER;
            case "boolean" -> SchemaType.BOOLEAN;
            case "object" -> SchemaType.OBJECT;
            default -> SchemaType.STRING;
        };
        Schema s = f.nullable() ? type(base, SchemaType.NULL) : type(base);
        switch (f.type()) {
            case "uuid" -> s.setFormat("uuid");
            case "date" -> s.setFormat("date");
            case "datetime" -> s.setFormat("date-time");
            case "integer" -> s.setFormat("int64");
            default -> {
            }
        }
        if (f.enumValues() != null) {
            List<Object> values = new ArrayList<>(f.enumValues());
            if (f.nullable()) {
                values.add(null);
            }
            s.setEnumeration(values);
        }
        return s.description(f.description());
    }

    /** {@code /api/v1/projects/{projectId}/campaigns} → campaigns; {@code /api/v1/videos/{id}} → videos. */
    static String tag(String path) {
        String[] parts = path.substring(API.length() + 1).split("/");
        if (parts[0].equals("projects") && parts.length > 2) {
            return parts[2];
        }
        return parts[0];
    }

    /** Wraps the declared schema of a success response into the envelope. */
    private static void envelope(String path, APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            return;
        }
        for (MediaType media : response.getContent().getMediaTypes().values()) {
            Schema data = media.getSchema();
            if (data == null || isEnvelope(data)) {
                continue;
            }
            Schema meta;
            if (data.getType() != null && data.getType().contains(SchemaType.ARRAY)) {
                meta = ref("#/components/schemas/ListMeta");
            } else if (cachedAnswer(path)) {
                meta = ref("#/components/schemas/StatsMeta");
            } else {
                meta = type(SchemaType.NULL);
            }
            media.setSchema(object()
                    .addProperty("data", data)
                    .addProperty("error", type(SchemaType.NULL))
                    .addProperty("meta", meta)
                    .required(List.of("data", "error", "meta")));
        }
    }

    private static boolean isEnvelope(Schema schema) {
        return "#/components/schemas/Envelope".equals(schema.getRef())
                || (schema.getProperties() != null && schema.getProperties().containsKey("data") && schema.getProperties().containsKey("meta"));
    }

    /** Adds the enveloped error response, or completes a declared one with the error schema. */
    private static void error(APIResponses responses, String status, String description) {
        APIResponse declared = responses.getAPIResponse(status);
        if (declared == null) {
            declared = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, declared);
        } else if (declared.getDescription() == null || declared.getDescription().isBlank()
                || declared.getDescription().equals("Bad Request")) {
            declared.setDescription(description);
        } else if (!description.isEmpty() && !declared.getDescription().contains(description)) {
            declared.setDescription(declared.getDescription() + " " + description);
        }
        if (declared.getContent() == null || declared.getContent().getMediaTypes().isEmpty()) {
            Content content = OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(ref(ERROR)));
            declared.setContent(content);
        }
    }

    private static Schema errorSchema() {
        Schema meta = object()
                .addProperty("code", type(SchemaType.STRING).description("Machine-readable error code; branch on this, never on the text"))
                .required(List.of("code"))
                .description("`code` plus the extra keys of the case: `param`, `field`, `limitKey`/`current`/`max`, "
                        + "`retention_days`/`earliest_from`, `required`/`granted`, `retryAfter`.");
        meta.setAdditionalPropertiesBoolean(Boolean.TRUE);
        return object()
                .description("The envelope of an error (docs/reference/conventions.md §2–§3).")
                .addProperty("data", type(SchemaType.NULL))
                .addProperty("error", type(SchemaType.STRING).description("Human-readable message"))
                .addProperty("meta", meta)
                .required(List.of("data", "error", "meta"));
    }

    static Schema object() {
        return type(SchemaType.OBJECT);
    }

    static Schema type(SchemaType... types) {
        return OASFactory.createSchema().type(List.of(types));
    }

    static Schema ref(String ref) {
        return OASFactory.createSchema().ref(ref);
    }

    static final String ANALYTICS = "/api/v1/analytics";

    /** Stats and analytics answers carry {@code meta.cached}. */
    static boolean cachedAnswer(String path) {
        return path.endsWith("/stats") || path.equals(ANALYTICS);
    }

    /** Types, formats and descriptions of the parameters, by name: each name means one thing across the API. */
    static final class Parameters {

        static final String IDEMPOTENCY_KEY = "Idempotency-Key";

        private Parameters() {
        }

        static void describe(String path, Parameter p) {
            Schema s = path.equals(ANALYTICS) ? analytics(p.getName()) : null;
            s = s != null ? s : switch (p.getName()) {
                case "id", "projectId" -> uuid("Id of the resource (UUID, any letter case)");
                case "project_id" -> uuid("Only items of this project; an unknown or foreign id matches nothing");
                case "creator_id" -> uuid("Only videos of this creator; an unknown or foreign id matches nothing");
                case "item_id" -> uuid("Id of the item to remove");
                case "item_type" -> enumeration("Kind of the item", "creator", "video", "campaign");
                case "entity_type" -> enumeration("Only annotations of this kind of entity", "project", "creator", "video", "campaign");
                case "entity_id" -> uuid("Only annotations of this entity; an unknown or foreign id matches nothing");
                case "limit" -> type(SchemaType.INTEGER).minimum(BigDecimal.ONE)
                        .defaultValue(50).description("Page size, ASCII digits; values above 100 are clamped to 100");
                case "cursor" -> type(SchemaType.STRING).description("The opaque `meta.nextCursor` of the previous page");
                case "search" -> type(SchemaType.STRING).minLength(1).maxLength(100)
                        .description("Case-insensitive substring of `tiktok_handle` (`%`, `_`, `\\` match literally)");
                case "tracking_status" -> enumeration("Only videos with this review status", "auto_tracked", "pending_review", "included", "direct_add");
                case "from" -> type(SchemaType.STRING).format("date")
                        .description("First day (inclusive, in `tz`); default: 29 days before `to`");
                case "to" -> type(SchemaType.STRING).format("date")
                        .description("Last day (inclusive, in `tz`); default and maximum: today");
                case "tz" -> type(SchemaType.STRING).description("IANA time zone id, case-sensitive; default: the organization's timezone");
                case "metric" -> enumeration("Derived metric; absent: the counters' shape. Allowed per entity as docs/reference/stats-and-metrics.md §6",
                        "engagement_rate_by_views", "engagement_rate_by_followers", "posts_per_week", "avg_views_per_post", "growth_rate_pop");
                case "base_metric" -> enumeration("Counter of `growth_rate_pop` (required with it); `followers` and `videos` for creators only",
                        "views", "likes", "comments", "shares", "saves", "followers", "videos");
                case "granularity" -> enumeration("Bucket size", "day");
                case "cohort" -> enumeration("Video stats: add the cohort comparison (`creator_avg`, `org_avg`)", "1", "true", "0", "false");
                case IDEMPOTENCY_KEY -> type(SchemaType.STRING).minLength(1).maxLength(255)
                        .description("Printable ASCII. A retry with the same key within 24 h returns the stored answer with `Idempotent-Replayed: true`");
                default -> null;
            };
            if (s != null) {
                if (p.getDescription() == null) {
                    p.setDescription(s.getDescription());
                }
                s.setDescription(null);
                p.setSchema(s);
            }
        }

        /** The parameters of {@code GET /api/v1/analytics} whose names mean something else there (docs/reference/analytics.md §1). */
        private static Schema analytics(String name) {
            return switch (name) {
                case "entity" -> enumeration("Kind of the entities (required)", "video", "creator", "campaign", "project");
                case "entity_id" -> type(SchemaType.STRING).description("1–5 comma-separated UUIDs of visible entities, no repeats (required)");
                case "metric" -> enumeration("Raw counter, or derived metric (required); allowed per entity as docs/reference/analytics.md §1",
                        "views", "likes", "comments", "shares", "saves", "followers", "posts", "engagement_rate_by_views",
                        "engagement_rate_by_followers", "posts_per_week", "avg_views_per_post", "growth_rate_pop");
                case "mode" -> enumeration("`new` (default for raw metrics) or `cumulative` for raw metrics; `rate` (default) for derived ones",
                        "new", "cumulative", "rate");
                case "granularity" -> enumeration("Bucket size: calendar days, ISO weeks, calendar months; range ≤ 366 days for `day`, ≤ 1,830 otherwise",
                        "day", "week", "month");
                case "compare" -> enumeration("Add the prior period of equal length, bucket by bucket", "prior_period");
                case "breakdown" -> enumeration("Campaign only, one id: a series per covered video (top 10 by views gained, then `__other__`)", "video");
                case "format" -> enumeration("`csv`: RFC 4180 rows, one per point, as a file download", "json", "csv");
                default -> null;
            };
        }

        private static Schema uuid(String description) {
            return type(SchemaType.STRING).format("uuid").description(description);
        }

        private static Schema enumeration(String description, String... values) {
            return type(SchemaType.STRING).enumeration(List.of((Object[]) values)).description(description);
        }
    }
}
