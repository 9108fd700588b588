package org.anteroom.ops;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.anteroom.ops.Readiness.Report;
import org.anteroom.platform.ReadinessCheck.Result;

/**
 * {@code /ops/health/ready} and {@code /ops/health/live} on every server, in MicroProfile Health's JSON shape:
 * 200 when UP, 503 when DOWN, never cached.
 */
@ApplicationScoped
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    Readiness readiness;

    @GET
    @Path("ready")
    public Response ready() {
        return answer(readiness.ready());
    }

    @GET
    @Path("live")
    public Response live() {
        return answer(readiness.live());
    }

    private static Response answer(Report report) {
        CacheControl never = new CacheControl();
        never.setNoStore(true);
        return Response.status(report.up() ? 200 : 503)
                .cacheControl(never)
                .entity(new Health(
                        status(report.up()),
                        report.checks().stream().map(Check::of).toList()))
                .build();
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }

    public record Health(String status, List<Check> checks) {}

    public record Check(String name, String status, Map<String, String> data) {
        static Check of(Result result) {
            return new Check(
                    result.name(),
                    HealthResource.status(result.up()),
                    result.data().isEmpty() ? null : result.data());
        }
    }
}
