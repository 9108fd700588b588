package org.anteroom.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The figures an operator graphs (docs/admin.md, "Health and metrics"): counters that only grow and gauges read
 * when asked. Each package declares its own {@link Metric} and feeds it by direct calls; this knows no package
 * above it and no metrics library. Adapters export what is here: {@code /ops/metrics} as Prometheus text on every
 * server, and MicroProfile Metrics where the server has it ({@link #watch}).
 */
@ApplicationScoped
public class Meters {

    private static final Logger LOG = Logger.getLogger(Meters.class.getName());

    /** A figure's name (lowercase, underscores; counters without {@code _total}) and what it means. */
    public record Metric(String name, String help) {
        public Metric {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a metric name: " + name);
            }
        }
    }

    /** One counter or gauge: a metric with its label values. */
    public sealed interface Meter permits Counter, Gauge {
        Metric metric();

        /** Label names and values, in declaration order. */
        Map<String, String> labels();

        /** The value now; null when it cannot be read (a gauge whose source is down). */
        Long value();
    }

    /** Counts up from zero; followers (an exporter) hear of every increment. */
    public static final class Counter implements Meter {
        private final Metric metric;
        private final Map<String, String> labels;
        private final LongAdder count = new LongAdder();
        private final List<Runnable> followers = new CopyOnWriteArrayList<>();

        Counter(Metric metric, Map<String, String> labels) {
            this.metric = metric;
            this.labels = labels;
        }

        public void increment() {
            count.increment();
            followers.forEach(Runnable::run);
        }

        /** Called after every later increment: how an exporter with counters of its own keeps them in step. */
        public void follow(Runnable follower) {
            followers.add(follower);
        }

        @Override
        public Metric metric() {
            return metric;
        }

        @Override
        public Map<String, String> labels() {
            return labels;
        }

        @Override
        public Long value() {
            return count.sum();
        }
    }

    /** Reads its source when asked; a failing source reads as unknown, not as zero. */
    public static final class Gauge implements Meter {
        private final Metric metric;
        private final Map<String, String> labels;
        private final LongSupplier source;

        Gauge(Metric metric, Map<String, String> labels, LongSupplier source) {
            this.metric = metric;
            this.labels = labels;
            this.source = source;
        }

        @Override
        public Metric metric() {
            return metric;
        }

        @Override
        public Map<String, String> labels() {
            return labels;
        }

        @Override
        public Long value() {
            try {
                return source.getAsLong();
            } catch (RuntimeException e) {
                // The database being down is readiness's news; a scrape must not fail or fill the log.
                LOG.log(Level.FINE, "Gauge {0} unreadable: {1}", new Object[] {metric.name(), e.toString()});
                return null;
            }
        }
    }

    private final Map<String, Meter> meters = new ConcurrentHashMap<>();
    private final List<Consumer<Meter>> watchers = new CopyOnWriteArrayList<>();

    /** The counter of this metric with these labels (name/value pairs), made at its first use. */
    public Counter counter(Metric metric, String... labels) {
        Map<String, String> map = labels(labels);
        return (Counter) add(key(metric, map), Counter.class, () -> new Counter(metric, map));
    }

    /** Registers a gauge; registering it again keeps the first. */
    public void gauge(Metric metric, LongSupplier source, String... labels) {
        Map<String, String> map = labels(labels);
        add(key(metric, map), Gauge.class, () -> new Gauge(metric, map, source));
    }

    /** Every meter, by name and labels. */
    public List<Meter> all() {
        List<Meter> all = new ArrayList<>(meters.values());
        all.sort(java.util.Comparator.comparing((Meter m) -> m.metric().name())
                .thenComparing(m -> m.labels().toString()));
        return all;
    }

    /** Tells the watcher of every meter there is and of every one made later. */
    public synchronized void watch(Consumer<Meter> watcher) {
        watchers.add(watcher);
        meters.values().forEach(watcher);
    }

    private Meter add(String key, Class<? extends Meter> kind, java.util.function.Supplier<Meter> make) {
        Meter existing = meters.get(key);
        if (existing == null) {
            synchronized (this) {
                existing = meters.get(key);
                if (existing == null) {
                    Meter made = make.get();
                    meters.put(key, made);
                    watchers.forEach(watcher -> watcher.accept(made));
                    return made;
                }
            }
        }
        if (!kind.isInstance(existing)) {
            throw new IllegalStateException(key + " is registered as another kind of meter");
        }
        return existing;
    }

    private static String key(Metric metric, Map<String, String> labels) {
        return metric.name() + labels;
    }

    private static Map<String, String> labels(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("Labels come in name/value pairs");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(labels);
    }
}
