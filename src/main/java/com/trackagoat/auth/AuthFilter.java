package com.trackagoat.auth;

import com.trackagoat.api.ApiException;
import com.trackagoat.api.ErrorMappers;
import com.trackagoat.api.Json;
import com.trackagoat.org.Limits;
import com.trackagoat.org.TierLimits;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Checks 1, 2 and 4 of docs/reference/conventions.md §4. Before routing (so an unknown path also needs a key):
 * API key (401), banned organization (403), per-key window and the organization's daily quota
 * (429; counted in memory by {@link RequestCounter}). After routing: the scope of the route (403).
 * Every authenticated response carries the RateLimit-* headers of the per-key window.
 */
public class AuthFilter {

    private static final String RATE = "trackagoat.rate";
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(60);

    @Inject
    AuthRepository repository;
    @Inject
    KeyRateLimiter limiter;
    @Inject
    RequestCounter requests;
    @Inject
    TierLimits tiers;
    @Inject
    CurrentCaller current;
    @Inject
    Clock clock;

    static boolean isApiPath(String path) {
        return path.equals("/api/v1") || path.startsWith("/api/v1/");
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext ctx) {
        if (!isApiPath(ctx.getUriInfo().getPath())) {
            return Uni.createFrom().nullItem();
        }
        String key = ApiKeys.fromAuthorization(ctx.getHeaderString("Authorization"));
        if (key == null) {
            return refuse(ApiException.invalidApiKey());
        }
        return repository.findActiveKey(ApiKeys.hash(key)).flatMap(row -> {
            if (row == null) {
                return refuse(ApiException.invalidApiKey());
            }
            if (row.banned()) {
                return refuse(ApiException.orgBanned());
            }
            Caller caller = row.caller();
            current.set(caller);
            long now = clock.millis();
            KeyRateLimiter.Decision decision = limiter.tryAcquire(caller.keyId(), now);
            ctx.setProperty(RATE, decision);
            if (!decision.allowed()) {
                return refuse(ApiException.rateLimited(decision.retryAfter()));
            }
            Instant at = Instant.ofEpochMilli(now);
            Long dailyMax = tiers.of(caller.tier()).get(Limits.MAX_API_REQUESTS);
            return requests.tryCount(caller.orgId(), at, dailyMax).flatMap(counted -> {
                if (!counted) {
                    ctx.setProperty(RATE, limiter.release(caller.keyId(), decision, now));
                    LocalDate day = RequestCounter.utcDay(at);
                    long toMidnight = Duration.between(at, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
                    return refuse(ApiException.rateLimited(Math.max(1, toMidnight)));
                }
                if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(at.minus(TOUCH_EVERY))) {
                    return repository.touch(caller.keyId(), Json.now(clock)).replaceWith((Response) null);
                }
                return Uni.createFrom().nullItem();
            });
        });
    }

    private static Uni<Response> refuse(ApiException e) {
        return Uni.createFrom().item(ErrorMappers.response(e));
    }

    /** Scope of the matched route: {@code admin} under /api/v1/admin/, else read for GET and write otherwise. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Response authorize(ContainerRequestContext ctx) {
        if (!current.isSet()) {
            return null;
        }
        String path = ctx.getUriInfo().getPath();
        String method = ctx.getMethod();
        String required = path.startsWith("/api/v1/admin/") || path.equals("/api/v1/admin") ? Scopes.ADMIN
                : method.equals("GET") || method.equals("HEAD") ? Scopes.READ : Scopes.WRITE;
        Caller caller = current.get();
        if (!caller.has(required)) {
            return ErrorMappers.response(ApiException.insufficientScope(required, caller.scopes()));
        }
        return null;
    }

    @ServerResponseFilter
    public void rateLimitHeaders(ContainerRequestContext req, ContainerResponseContext res) {
        if (req.getProperty(RATE) instanceof KeyRateLimiter.Decision d) {
            res.getHeaders().putSingle("RateLimit-Limit", d.limit());
            res.getHeaders().putSingle("RateLimit-Remaining", d.remaining());
            res.getHeaders().putSingle("RateLimit-Reset", d.resetSeconds());
        }
    }
}
