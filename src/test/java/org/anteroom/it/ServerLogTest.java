package org.anteroom.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the log check counts as a trace of ours, on records as Payara writes them. */
class ServerLogTest {

    private static final String CONNECTOR_ONLY = """
            [2026-12-03T09:40:40.973+0000] [] [WARNING] [] [org.glassfish.grizzly.filterchain.DefaultFilterChain] [[
              GRIZZLY0013: Exception during FilterChain execution
            java.lang.NullPointerException: Cannot invoke "Request.getRequestExecutor()" because "this.serverRequest" is null
            \tat org.glassfish.grizzly.http.server.io.ServerInputBuffer.getThreadPool(ServerInputBuffer.java:88)
            \tat org.apache.catalina.connector.CoyoteAdapter.service(CoyoteAdapter.java:239)
            \tat com.sun.enterprise.v3.services.impl.ContainerMapper.service(ContainerMapper.java:217)
            \tat java.base/java.lang.Thread.run(Thread.java:840)
            ]]

            """;

    private static final String OURS = """
            [2026-12-03T07:23:05.450+0000] [] [WARNING] [] [jakarta.enterprise.web.core] [[
              Servlet.service() for servlet org.anteroom.platform.ErrorPageServlet threw exception
            java.lang.IllegalStateException: getOutputStream() has already been called for this response
            \tat org.apache.catalina.connector.Response.getWriter(Response.java:789)
            \tat org.anteroom.platform.ErrorPageServlet.service(ErrorPageServlet.java:29)
            \tat org.apache.catalina.connector.CoyoteAdapter.service(CoyoteAdapter.java:239)
            ]]

            """;

    @Test
    void aTraceWhollyInsideTheHttpConnectorIsTheContainers() {
        ServerLog.assertClean(CONNECTOR_ONLY + "[2026-12-03T09:40:41.000+0000] [] [INFO] [] [x] Ready\n");
    }

    @Test
    void aTraceThroughApplicationCodeFailsTheCheckWhereverItStands() {
        AssertionError failed = assertThrows(AssertionError.class, () -> ServerLog.assertClean(CONNECTOR_ONLY + OURS));
        assertTrue(failed.getMessage().contains("ErrorPageServlet"), failed.getMessage());
        assertThrows(AssertionError.class, () -> ServerLog.assertClean(OURS + CONNECTOR_ONLY));
    }

    @Test
    void aSecretFailsTheCheck() {
        assertThrows(AssertionError.class, () -> ServerLog.assertClean(CONNECTOR_ONLY, "this.serverRequest"));
    }
}
