package org.anteroom.ops.microprofile.health;

import org.anteroom.platform.ReadinessCheck.Result;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** A readiness result as MicroProfile Health's response: the same name, status and data as /ops/health/ready. */
final class Checks {

    private Checks() {}

    static HealthCheckResponse response(Result result) {
        HealthCheckResponseBuilder builder =
                HealthCheckResponse.named(result.name()).status(result.up());
        result.data().forEach(builder::withData);
        return builder.build();
    }
}
