package com.trackagoat.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code X-Request-Id} (docs/reference/conventions.md §1): the client's id when it is well-formed, otherwise a new
 * UUID; echoed on every response and put in the logging MDC under {@value #MDC_KEY}, so that every
 * log line written while handling the request carries it ({@code %X{requestId}} in the console
 * format, the {@code mdc} object of JSON logs). On a Vert.x thread Quarkus keeps the MDC in the
 * request's duplicated context, which follows the request across asynchronous steps and worker
 * threads and is dropped with it, so the value never leaks into another request.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String PROPERTY = "trackagoat.requestId";
    private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9._-]{1,128}$");

    /** The id assigned to the request (for server-side logs). */
    public static String of(ContainerRequestContext request) {
        return String.valueOf(request.getProperty(PROPERTY));
    }

    /** The id of a request whose {@code X-Request-Id} is {@code given} (null = absent): itself when well-formed, else a new UUID. */
    public static String idFor(String given) {
        return given != null && VALID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @ServerRequestFilter(preMatching = true, priority = 10)
    public void assign(ContainerRequestContext ctx) {
        String id = idFor(ctx.getHeaderString(HEADER));
        ctx.setProperty(PROPERTY, id);
        MDC.put(MDC_KEY, id);
        ctx.getHeaders().putSingle(HEADER, id);
        // The Accept header is ignored (docs/reference/conventions.md §1): every API answer is JSON.
        ctx.getHeaders().putSingle("Accept", "application/json");
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext req, ContainerResponseContext res) {
        Object id = req.getProperty(PROPERTY);
        if (id != null) {
            res.getHeaders().putSingle(HEADER, id);
        }
    }
}
