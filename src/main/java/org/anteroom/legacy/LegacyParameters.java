package org.anteroom.legacy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsing of legacy parameters: form bodies, booleans, and the limits on their size. */
final class LegacyParameters {

    /** No legacy value (names, emails, ids, passwords, tags) comes close to this. */
    static final int MAX_VALUE_LENGTH = 1024;

    static final int MAX_BODY_BYTES = 64 * 1024;

    private LegacyParameters() {}

    /** Merges parameter sources in order; an earlier source wins for a name. */
    static Map<String, String> merge(List<Map<String, List<String>>> sources) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map<String, List<String>> source : sources) {
            source.forEach((name, values) -> {
                if (!values.isEmpty()) {
                    String value = values.get(0);
                    if (value != null && value.length() > MAX_VALUE_LENGTH) {
                        throw new MalformedRequestException("Parameter '" + name + "' is too long");
                    }
                    merged.putIfAbsent(name, value);
                }
            });
        }
        return merged;
    }

    static Map<String, List<String>> parseForm(byte[] body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return form;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new MalformedRequestException("Malformed form body");
            }
        }
        return form;
    }

    static boolean bool(String name, String value, boolean fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new MalformedRequestException("Parameter '" + name + "' must be true or false");
    }
}
