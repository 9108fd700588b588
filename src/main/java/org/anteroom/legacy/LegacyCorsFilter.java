package org.anteroom.legacy;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The legacy surface's CORS policy (each surface owns its own; the bridge's is
 * {@code BridgeCorsFilter}), for browser and Cordova clients of the legacy API. Those clients send no
 * cookies, so any origin may call, including {@code Origin: file://} and {@code Origin: null} from
 * packaged apps; the origin is echoed rather than answered with {@code *} so that credentials per
 * origin can be added later. Preflight requests are answered here and never reach an application.
 */
@WebFilter(urlPatterns = "/PresentationServices/*", asyncSupported = true)
public class LegacyCorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    private static final String ALLOWED_HEADERS = "Accept, Authorization, Content-Type, X-Requested-With";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.addHeader("Vary", "Origin");
        }
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            String requested = request.getHeader("Access-Control-Request-Headers");
            response.setHeader(
                    "Access-Control-Allow-Headers", requested != null ? sanitize(requested) : ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", "86400");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Echo only header-name characters, so a crafted request cannot inject response headers. */
    private static String sanitize(String headers) {
        return headers.replaceAll("[^A-Za-z0-9,\\- ]", "");
    }
}
