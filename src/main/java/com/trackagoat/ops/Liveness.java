package com.trackagoat.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/live}: the process answers HTTP. It checks nothing external on purpose, so that
 * a database outage makes the instance unready (readiness, from the datasource checks) instead of
 * having it restarted.
 */
@org.eclipse.microprofile.health.Liveness
@ApplicationScoped
public class Liveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("trackagoat-api");
    }
}
