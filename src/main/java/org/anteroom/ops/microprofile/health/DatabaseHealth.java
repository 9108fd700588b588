package org.anteroom.ops.microprofile.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The database check in the server's own {@code /health/ready}. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    @Inject
    org.anteroom.ops.Readiness readiness;

    @Override
    public HealthCheckResponse call() {
        return Checks.response(readiness.ready("database"));
    }
}
