package org.anteroom.ops;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.anteroom.platform.Meters;
import org.anteroom.platform.Meters.Meter;

/**
 * {@code /ops/metrics}: the application's figures in the Prometheus text format (version 0.0.4) on every server, also
 * where the server has no MicroProfile Metrics (WildFly 39). Counters carry Prometheus's {@code _total}; a gauge
 * that cannot be read now (its database is down) is left out rather than shown as zero.
 */
@ApplicationScoped
@Path("metrics")
public class MetricsResource {

    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Meters meters;

    @GET
    @Produces({PROMETHEUS, "text/plain"})
    public Response metrics() {
        return Response.ok(text(meters), PROMETHEUS)
                .header("Cache-Control", "no-store")
                .build();
    }

    static String text(Meters meters) {
        StringBuilder out = new StringBuilder();
        String family = null;
        for (Meter meter : meters.all()) {
            Long value = meter.value();
            if (value == null) {
                continue;
            }
            boolean counter = meter instanceof Meters.Counter;
            String name = meter.metric().name() + (counter ? "_total" : "");
            if (!name.equals(family)) {
                family = name;
                out.append("# HELP ")
                        .append(name)
                        .append(' ')
                        .append(escapeHelp(meter.metric().help()))
                        .append('\n');
                out.append("# TYPE ")
                        .append(name)
                        .append(' ')
                        .append(counter ? "counter" : "gauge")
                        .append('\n');
            }
            out.append(name)
                    .append(labels(meter.labels()))
                    .append(' ')
                    .append(value)
                    .append('\n');
        }
        return out.toString();
    }

    private static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        return labels.entrySet().stream()
                .map(label -> label.getKey() + "=\"" + escapeValue(label.getValue()) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeValue(String value) {
        return escapeHelp(value).replace("\"", "\\\"");
    }
}
