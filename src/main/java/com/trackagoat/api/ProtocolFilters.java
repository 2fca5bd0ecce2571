package com.trackagoat.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;

/**
 * Two answers RESTEasy would otherwise give outside the contract:
 * <ul>
 *   <li>a {@code Content-Type} that does not parse as a media type ({@code json},
 *   {@code application}) made RESTEasy refuse the request with a bare 400 before the resource ran;
 *   it is replaced by a marker type, so the request is checked in the contract's order and the
 *   body answers 415 {@code unsupported_media_type} (docs/reference/conventions.md §1, §4 step 7);</li>
 *   <li>RESTEasy answers {@code OPTIONS} on a known path itself (200, empty body); no endpoint
 *   supports OPTIONS, so it is 405 {@code method_not_allowed} in the envelope.</li>
 * </ul>
 */
public class ProtocolFilters {

    /** Not JSON, so {@link Body#parse} answers 415 for it. */
    static final String UNPARSABLE = "application/x-unparsable-media-type";

    @ServerRequestFilter(preMatching = true, priority = 20)
    public void mediaType(ContainerRequestContext ctx) {
        String contentType = ctx.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        try {
            MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, UNPARSABLE);
        }
    }

    @ServerResponseFilter
    public void options(ContainerRequestContext req, ContainerResponseContext res) {
        if (HttpMethod.OPTIONS.equals(req.getMethod()) && res.getStatus() / 100 == 2) {
            ApiException e = ApiException.methodNotAllowed();
            res.setStatus(e.status());
            res.setEntity(e.toEnvelope(), new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
            res.getHeaders().remove(HttpHeaders.ALLOW);
        }
    }
}
