package com.trackagoat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP-layer limits of conventions.md §1, answered in the envelope: a request line over
 * 16 KiB → 414 {@code uri_too_long}, a body over {@code quarkus.http.limits.max-body-size} → 413
 * {@code payload_too_large}. Quarkus answers both itself with an empty body, so this route runs
 * before its upload-limit route (order -2) and answers first:
 * <ul>
 *   <li>the request line is measured here; the codec's own limit
 *   ({@code quarkus.http.limits.max-initial-line-length}) is set higher, so that only absurd lines
 *   still get the codec's bare 414;</li>
 *   <li>a declared {@code Content-Length} over the limit is refused from the header alone, and the
 *   connection is closed (as Quarkus does) since the body is not read;</li>
 *   <li>a body without {@code Content-Length} (chunked) is read here, up to the limit, by Vert.x's
 *   body handler; RESTEasy then uses the buffered body.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpLimits {

    public static final int MAX_REQUEST_LINE = 16 * 1024;
    /** Before Quarkus's upload-limit route ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} = -2). */
    static final int ORDER = -3;

    private final long maxBody;
    private final ObjectMapper mapper;
    private final BodyHandler chunkedBodies;

    public HttpLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
                      ObjectMapper mapper) {
        this.maxBody = maxBody.asLongValue();
        this.mapper = mapper;
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(this.maxBody).setMergeFormAttributes(false);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check).failureHandler(this::failed);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        if (req.version() != HttpVersion.HTTP_2 && requestLineLength(req) > MAX_REQUEST_LINE) {
            refuse(ctx, ApiException.uriTooLong(), true);
            return;
        }
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            if (exceeds(length)) {
                refuse(ctx, ApiException.payloadTooLarge(), true);
                return;
            }
            ctx.next();
        } else if (req.headers().contains(HttpHeaders.TRANSFER_ENCODING) && !req.isEnded()) {
            chunkedBodies.handle(ctx);   // fails the context with 413 once the limit is passed
        } else {
            ctx.next();
        }
    }

    /** The body handler's 413 (chunked body over the limit); any other failure goes on to Quarkus. */
    private void failed(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            refuse(ctx, ApiException.payloadTooLarge(), false);
        } else {
            ctx.next();
        }
    }

    /** {@code METHOD SP request-target SP HTTP/1.x}, in bytes (the target is ASCII on the wire). */
    static int requestLineLength(HttpServerRequest req) {
        return req.method().name().length() + 1 + req.uri().length() + 1 + "HTTP/1.1".length();
    }

    private boolean exceeds(String contentLength) {
        String digits = contentLength.trim();
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return false;   // the codec refuses malformed lengths before we get here
        }
        return digits.length() > 18 || Long.parseLong(digits) > maxBody;
    }

    private void refuse(RoutingContext ctx, ApiException e, boolean close) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(e.toEnvelope());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        var res = ctx.response().setStatusCode(e.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(RequestIds.HEADER, RequestIds.resolve(ctx.request().getHeader(RequestIds.HEADER)));
        if (close) {
            res.putHeader(HttpHeaders.CONNECTION, "close");
            res.endHandler(v -> ctx.request().connection().close());
        }
        res.end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
