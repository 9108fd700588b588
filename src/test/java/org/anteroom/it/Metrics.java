package org.anteroom.it;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples of a Prometheus text exposition ({@code /ops/metrics}, Payara's {@code /metrics}), by name and labels:
 * {@code anteroom_logins_total{outcome=refused,surface=legacy}}. Labels are sorted, and MicroProfile's own {@code
 * mp_scope} is left out, so both endpoints read alike.
 */
public final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Metrics() {}

    public static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    if (!label.group(1).equals("mp_scope")) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
            }
            samples.put(key(sample.group(1), labels), Double.valueOf(sample.group(4)));
        }
        return samples;
    }

    /** The key of a sample: the name and label pairs, in any order. */
    public static String key(String name, String... labels) {
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            sorted.put(labels[i], labels[i + 1]);
        }
        return key(name, sorted);
    }

    private static String key(String name, Map<String, String> labels) {
        return labels.isEmpty() ? name : name + labels;
    }
}
