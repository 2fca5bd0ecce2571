package com.trackagoat.api;

import com.fasterxml.jackson.core.JacksonException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * Turns every failure into the enveloped error of the catalogue. Bad input never reaches the
 * generic mapper as anything but a 4xx; unexpected failures become 500 {@code internal_error}
 * without any detail in the body and are logged with the request id.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    /** The response of an {@link ApiException}, with {@code Retry-After} where the catalogue asks for it. */
    public static Response response(ApiException e) {
        Response.ResponseBuilder b = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.toEnvelope());
        if (e.status() == 429) {
            b.header("Retry-After", e.meta().get("retryAfter"));
        } else if (e.status() == 503) {
            b.header("Retry-After", 5);
        }
        return b.build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return response(e);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return response(ApiException.notFound());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return response(ApiException.methodNotAllowed());
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return response(ApiException.unsupportedMediaType());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request, HttpServerResponse http) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return switch (status) {
            case 400 -> response(ApiException.malformedBody());
            case 404 -> response(ApiException.notFound());
            case 405 -> response(ApiException.methodNotAllowed());
            case 413 -> response(ApiException.payloadTooLarge());
            case 414 -> response(ApiException.uriTooLong());
            case 415 -> response(ApiException.unsupportedMediaType());
            default -> unexpected(e, request, http);
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request, HttpServerResponse http) {
        String requestId = RequestIds.of(request);
        ApiException conflict = uniqueViolation(e);
        if (conflict != null) {
            return response(conflict);
        }
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("[%s] database unavailable: %s", requestId, e.toString());
            return response(ApiException.serviceUnavailable());
        }
        if (http != null && (http.ended() || http.headWritten())) {
            // HttpGuards answered 503 at the request timeout; the work finished afterwards and has nowhere to go
            LOG.debugf("[%s] %s %s completed after its answer was sent", requestId, request.getMethod(), request.getUriInfo().getPath());
            return response(ApiException.serviceUnavailable());
        }
        LOG.errorf(e, "[%s] unexpected failure on %s %s", requestId, request.getMethod(), request.getUriInfo().getPath());
        return response(ApiException.internal());
    }

    /**
     * A race lost against a uniqueness rule that the service checked first (two renames to one
     * handle at once): the answer the check would have given.
     */
    static ApiException uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState()) && "creator_handle_uq".equals(pg.getConstraint())) {
                return ApiException.conflict("handle_taken");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /**
     * The database cannot answer now (503 {@code service_unavailable}, Retry-After 5): refused or
     * timed-out connects, connections lost or closed, a pool wait that timed out, and PostgreSQL's own "not now" answers: connection errors
     * (class 08), shutdown or start-up in progress (57P01-57P03), a statement cancelled by
     * {@code statement_timeout} (57014), too many connections (53300).
     */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PgException || t instanceof SQLException) {
                // Hibernate Reactive reports PostgreSQL errors as SQLException with the SQLSTATE
                String state = String.valueOf(t instanceof PgException pg ? pg.getSqlState() : ((SQLException) t).getSQLState());
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("57014") || state.equals("53300")
                        || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            } else if (t instanceof ConnectException || t instanceof SocketException
                    || t instanceof ClosedChannelException || t instanceof TimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException || t instanceof ClosedConnectionException
                    || t instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            } else if (t instanceof VertxException || t instanceof NoStackTraceThrowable
                    || (t instanceof IOException && !(t instanceof JacksonException))) {
                String message = String.valueOf(t.getMessage()).toLowerCase();
                if (message.contains("connection") || message.contains("closed") || message.contains("timeout")
                        || message.contains("timed out") || message.contains("broken pipe")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
