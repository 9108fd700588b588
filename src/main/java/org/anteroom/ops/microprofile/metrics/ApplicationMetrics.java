package org.anteroom.ops.microprofile.metrics;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.anteroom.platform.Meters;
import org.anteroom.platform.Meters.Meter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Every figure of {@link Meters} in the server's MicroProfile Metrics, application scope ({@code
 * /metrics?scope=application} on Payara), under the same names and labels as {@code /ops/metrics}. A counter here
 * is a MicroProfile counter kept in step with ours; a gauge reads ours when scraped (NaN when it cannot be read).
 */
@ApplicationScoped
public class ApplicationMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    Meters meters;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        meters.watch(this::register);
    }

    private void register(Meter meter) {
        Metadata metadata = Metadata.builder()
                .withName(meter.metric().name())
                .withDescription(meter.metric().help())
                .build();
        Tag[] tags = meter.labels().entrySet().stream()
                .map(label -> new Tag(label.getKey(), label.getValue()))
                .toArray(Tag[]::new);
        if (meter instanceof Meters.Counter counter) {
            org.eclipse.microprofile.metrics.Counter exported = registry.counter(metadata, tags);
            counter.follow(exported::inc);
            exported.inc(counter.value());
        } else {
            Supplier<Double> value = () -> {
                Long now = meter.value();
                return now == null ? Double.NaN : now.doubleValue();
            };
            registry.gauge(metadata, value, tags);
        }
    }
}
