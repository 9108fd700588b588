package org.anteroom.legacy;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;

import org.anteroom.access.Caller;

/**
 * One legacy request as the resources see it: its parameters, merged from the query string and the
 * form body (the first value wins; unknown parameters such as jQuery's {@code _} are ignored), and
 * the authenticated caller once {@link LegacyCallFilter} has checked the token.
 */
@RequestScoped
public class LegacyCall {

    private Map<String, String> parameters = Map.of();
    private Caller caller;
    private String token;

    void bind(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    void authenticate(String token, Caller caller) {
        this.token = token;
        this.caller = caller;
    }

    /** A parameter's value, or null when absent. Empty values count as absent. */
    public String text(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A parameter's value exactly as sent, empty included; null only when absent. */
    public String raw(String name) {
        return parameters.get(name);
    }

    /** A whole number within bounds, or the fallback when absent. */
    public int number(String name, int fallback, int min, int max) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new MalformedRequestException("Parameter '" + name + "' must be a number from " + min + " to " + max);
    }

    public boolean flag(String name) {
        return LegacyParameters.bool(name, text(name), false);
    }

    public Caller caller() {
        return caller;
    }

    public String token() {
        return token;
    }
}
