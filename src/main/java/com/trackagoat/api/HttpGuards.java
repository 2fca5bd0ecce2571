package com.trackagoat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trackagoat.TrackagoatConfig;
import com.trackagoat.ops.MetricsUriTemplate;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.time.Duration;

/**
 * Errors the HTTP layer produces itself, in the envelope (docs/reference/conventions.md §1), answered before the
 * request reaches the REST layer and without reading the body: a request line over 16 KiB → 414
 * {@code uri_too_long}, a declared body over {@code quarkus.http.limits.max-body-size} → 413
 * {@code payload_too_large} (the rest of the body is read and discarded so that the client gets
 * the answer; a declared body over 16 MiB gets the connection closed instead), and so does a
 * chunked body that grows over the limit while it is read. And the request
 * timeout: an API request still unanswered after {@code trackagoat.http.request-timeout} (a
 * database that accepted the connection but never answers) is answered 503
 * {@code service_unavailable} with Retry-After 5.
 */
@ApplicationScoped
public class HttpGuards {

    private static final Logger LOG = Logger.getLogger(HttpGuards.class);

    /** docs/reference/conventions.md §1: request lines (method, target and version) up to 16 KiB are accepted. */
    public static final int MAX_REQUEST_LINE = 16 * 1024;

    private final ObjectMapper json;
    private final TrackagoatConfig config;

    public HttpGuards(ObjectMapper json, TrackagoatConfig config) {
        this.json = json;
        this.config = config;
    }

    /** Before Quarkus' own body-size check (order -2), which answers 413 without a body. */
    void install(@Observes Router router, Vertx vertx) {
        long maxBody = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(-1L);
        long timeout = config.http().requestTimeout().toMillis();
        router.route().order(-10).handler(ctx -> guard(ctx, vertx, maxBody, timeout)).failureHandler(ctx -> {
            if (ctx.response().ended()) {
                // the late completion of a request the request timeout answered already: nothing to send
                LOG.debugf("[%s] failure after the answer was sent: %s", ctx.request().getHeader(RequestIds.HEADER), ctx.failure());
            } else {
                ctx.next();
            }
        });
        if (maxBody >= 0) {
            // A chunked body (no Content-Length) is read here under the limit, so that going over it
            // is answered in the envelope; the REST layer then uses the buffered body.
            BodyHandler chunked = BodyHandler.create(false).setBodyLimit(maxBody).setMergeFormAttributes(false);
            router.route().order(-9).handler(ctx -> {
                HttpServerRequest req = ctx.request();
                if (req.getHeader("Content-Length") == null && req.getHeader("Transfer-Encoding") != null) {
                    ctx.put(BUFFERED, Boolean.TRUE);
                    chunked.handle(ctx);
                } else {
                    ctx.next();
                }
            }).failureHandler(ctx -> {
                if (ctx.statusCode() == 413) {
                    reject(ctx, vertx, ApiException.payloadTooLarge(), true);
                } else {
                    ctx.next();
                }
            });
        }
    }

    private static final String BUFFERED = "trackagoat.buffered-body";
    /** Declared bodies up to this size are drained after a 413; larger ones get the connection closed. */
    private static final long DRAIN_MAX = 16L * 1024 * 1024;
    private static final Duration DRAIN_FOR = Duration.ofSeconds(10);

    /** Hands a body read by the chunked-body handler above to the REST layer, which would find the request already ended. */
    @ServerRequestFilter(preMatching = true, priority = 1)
    public void bufferedBody(ContainerRequestContext request, RoutingContext ctx) {
        if (ctx.get(BUFFERED) != null && ctx.body() != null && ctx.body().buffer() != null) {
            request.setEntityStream(new ByteArrayInputStream(ctx.body().buffer().getBytes()));
        }
    }

    private void guard(RoutingContext ctx, Vertx vertx, long maxBody, long timeout) {
        HttpServerRequest req = ctx.request();
        // assigned here so that answers of this layer and of the REST layer carry the same id
        req.headers().set(RequestIds.HEADER, RequestIds.idFor(req.getHeader(RequestIds.HEADER)));
        if (requestLineLength(req) > MAX_REQUEST_LINE) {
            reject(ctx, vertx, ApiException.uriTooLong(), false);
            return;
        }
        long declared = declaredLength(req);
        if (maxBody >= 0 && declared > maxBody) {
            reject(ctx, vertx, ApiException.payloadTooLarge(), declared <= DRAIN_MAX);
            return;
        }
        String path = req.path();
        if (timeout > 0 && path != null && (path.equals("/api/v1") || path.startsWith("/api/v1/"))) {
            long timer = vertx.setTimer(timeout, id -> expire(ctx));
            ctx.addEndHandler(done -> vertx.cancelTimer(timer));
        }
        ctx.next();
    }

    static int requestLineLength(HttpServerRequest req) {
        String uri = req.uri();
        return req.method().name().length() + 1 + (uri == null ? 0 : uri.length()) + 1 + "HTTP/1.1".length();
    }

    /** The Content-Length, or -1 when absent or unparseable (chunked bodies are limited while read). */
    private static long declaredLength(HttpServerRequest req) {
        String value = req.getHeader("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Answers {@code error}. With {@code drain}, the rest of the body is read and discarded (at most
     * {@link #DRAIN_FOR}) so that the client, still sending, reads the answer: closing a connection
     * with unread data resets it, and the client may then see no answer at all. Otherwise the
     * connection is closed once the answer is written.
     */
    private void reject(RoutingContext ctx, Vertx vertx, ApiException error, boolean drain) {
        HttpServerRequest req = ctx.request();
        HttpServerResponse res = ctx.response();
        if (!drain) {
            res.putHeader("Connection", "close");
            res.endHandler(v -> req.connection().close());
        } else if (!req.isEnded()) {
            long timer = vertx.setTimer(DRAIN_FOR.toMillis(), id -> req.connection().close());
            req.handler(ignored -> { });
            req.endHandler(v -> vertx.cancelTimer(timer));
            req.resume();
        }
        send(ctx, error);
    }

    private void expire(RoutingContext ctx) {
        HttpServerResponse res = ctx.response();
        if (res.ended() || res.headWritten() || res.closed()) {
            return;
        }
        LOG.warnf("[%s] %s %s unanswered after %d ms: 503", ctx.request().getHeader(RequestIds.HEADER), ctx.request().method(),
                ctx.request().path(), config.http().requestTimeout().toMillis());
        send(ctx, ApiException.serviceUnavailable());
    }

    private void send(RoutingContext ctx, ApiException error) {
        MetricsUriTemplate.ensure(ctx, error.status());
        String body;
        try {
            body = json.writeValueAsString(error.toEnvelope());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpServerResponse res = ctx.response().setStatusCode(error.status()).putHeader("Content-Type", "application/json");
        if (error.status() == 503) {
            res.putHeader("Retry-After", "5");
        }
        res.putHeader(RequestIds.HEADER, ctx.request().getHeader(RequestIds.HEADER));
        res.end(body);
    }
}
