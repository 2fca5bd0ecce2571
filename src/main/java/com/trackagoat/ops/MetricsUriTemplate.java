package com.trackagoat.ops;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import io.quarkus.resteasy.reactive.server.runtime.observability.ObservabilityIntegrationRecorder;
import io.vertx.core.Context;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Keeps the {@code uri} tag of {@code http_server_requests_seconds} bounded. Quarkus REST records
 * the route template ({@code /api/v1/videos/{id}}) when it matches a resource method, but a
 * request refused by a pre-matching filter (401 invalid key, 403 banned organization, 429 rate
 * limit) never reaches matching, and micrometer would then tag it with the raw path: one series per
 * id. Here the template is resolved against the REST deployment as Quarkus does for its own
 * authentication failures; a path no resource matches is tagged {@code UNMATCHED} (micrometer's
 * own {@code NOT_FOUND} for a 404).
 */
public class MetricsUriTemplate {

    private static final Logger LOG = Logger.getLogger(MetricsUriTemplate.class);
    /** The context-local key micrometer reads the template from (set by Quarkus REST on matching). */
    static final String KEY = "UrlPathTemplate";
    static final String UNMATCHED = "UNMATCHED";

    @ServerResponseFilter
    public void template(ContainerResponseContext response, RoutingContext rc) {
        ensure(rc, response.getStatus());
    }

    /**
     * Sets the route template of the request as the {@code uri} tag unless one is set already;
     * also called for the answers {@code api.HttpGuards} gives below the REST layer (413, 414).
     */
    public static void ensure(RoutingContext rc, int status) {
        if (rc == null || !(rc.request() instanceof HttpServerRequestInternal request)) {
            return;
        }
        Context ctx = request.context();
        if (ctx == null || ctx.getLocal(KEY) != null) {
            return;
        }
        try {
            ObservabilityIntegrationRecorder.setTemplatePath(rc, ResteasyReactiveRecorder.getCurrentDeployment());
        } catch (RuntimeException e) {
            LOG.debugf("No route template for %s: %s", rc.normalizedPath(), e);
        }
        if (ctx.getLocal(KEY) == null && status != 404) {
            ctx.putLocal(KEY, UNMATCHED);
        }
    }
}
