package org.anteroom.platform;

import java.util.Map;

/**
 * The properties every JAX-RS application of ours returns from {@code getProperties()}. The keys are
 * Jersey's (Payara, GlassFish); other implementations ignore them.
 * <ul>
 * <li>No WADL: {@code OPTIONS} answers the allowed methods, not a description of every resource.</li>
 * <li>Query parameters are not form parameters: otherwise a form-encoded request with a query
 * string (the legacy spec's own samples) makes Jersey log a warning with the whole URL, a token or a
 * password included.</li>
 * </ul>
 */
public final class RestProperties {

    public static final Map<String, Object> ALL = Map.of(
            "jersey.config.server.wadl.disableWadl", true,
            "jersey.config.servlet.form.queryParams.disabled", true);

    private RestProperties() {}
}
