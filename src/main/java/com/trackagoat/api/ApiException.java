package com.trackagoat.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error of the catalogue (docs/reference/conventions.md §3). Thrown anywhere below the resources and turned
 * into the enveloped response by {@link ErrorMappers}. No stack trace is captured: these are
 * expected outcomes, not failures.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> extra;

    public ApiException(int status, String code, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.extra = extra;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** {@code meta}: {@code code} first, then the extra keys in catalogue order. */
    public Map<String, Object> meta() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("code", code);
        meta.putAll(extra);
        return meta;
    }

    public Envelope<Void> toEnvelope() {
        return Envelope.error(getMessage(), meta());
    }

    private static Map<String, Object> one(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    public static ApiException invalidQuery(String param) {
        return new ApiException(400, "invalid_query", "Invalid query parameter: " + param, one("param", param));
    }

    public static ApiException invalidParams(String param) {
        return new ApiException(400, "invalid_params", "Invalid parameter: " + param, one("param", param));
    }

    public static ApiException malformedBody() {
        return new ApiException(400, "invalid_body", "Malformed JSON body");
    }

    public static ApiException missingField(String field) {
        return new ApiException(400, "invalid_body", "Missing required field: " + field, one("field", field));
    }

    public static ApiException invalidField(String field) {
        return new ApiException(400, "invalid_body", "Invalid field: " + field, one("field", field));
    }

    public static ApiException noUpdatableField() {
        return new ApiException(400, "invalid_body", "At least one updatable field is required");
    }

    public static ApiException invalidApiKey() {
        return new ApiException(401, "invalid_api_key", "Invalid or missing API key");
    }

    public static ApiException limitReached(String limitKey, long current, long max) {
        Map<String, Object> m = one("limitKey", limitKey);
        m.put("current", current);
        m.put("max", max);
        return new ApiException(402, "limit_reached", "Limit reached: " + limitKey, m);
    }

    public static ApiException retentionExceeded(long retentionDays, LocalDate earliestFrom) {
        Map<String, Object> m = one("retention_days", retentionDays);
        m.put("earliest_from", earliestFrom.toString());
        return new ApiException(402, "retention_exceeded", "Requested range starts before the history retention window", m);
    }

    public static ApiException insufficientScope(String required, List<String> granted) {
        Map<String, Object> m = one("required", required);
        m.put("granted", granted);
        return new ApiException(403, "insufficient_scope",
                "This action requires the '" + required + "' scope. Granted: [" + String.join(", ", granted) + "]", m);
    }

    public static ApiException orgBanned() {
        return new ApiException(403, "org_banned", "Organization is banned");
    }

    /** The value, or 404 not_found when it is null (unknown, invisible or foreign ids alike). */
    public static <T> T requireFound(T value) {
        if (value == null) {
            throw notFound();
        }
        return value;
    }

    public static ApiException notFound() {
        return new ApiException(404, "not_found", "Not found");
    }

    public static ApiException methodNotAllowed() {
        return new ApiException(405, "method_not_allowed", "Method not allowed");
    }

    /** A 409 whose {@code error} text is the code itself (handle_taken, no_change, ...). */
    public static ApiException conflict(String code) {
        return new ApiException(409, code, code);
    }

    public static ApiException payloadTooLarge() {
        return new ApiException(413, "payload_too_large", "Request body too large");
    }

    public static ApiException uriTooLong() {
        return new ApiException(414, "uri_too_long", "Request line too long");
    }

    public static ApiException unsupportedMediaType() {
        return new ApiException(415, "unsupported_media_type", "Content-Type must be application/json");
    }

    public static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(429, "rate_limit_exceeded", "Rate limit exceeded", one("retryAfter", retryAfterSeconds));
    }

    public static ApiException internal() {
        return new ApiException(500, "internal_error", "Internal server error");
    }

    public static ApiException serviceUnavailable() {
        return new ApiException(503, "service_unavailable", "Service temporarily unavailable");
    }
}
