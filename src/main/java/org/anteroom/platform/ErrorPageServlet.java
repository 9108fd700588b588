package org.anteroom.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The last line of defence (web.xml routes every uncaught error and every error status here): a
 * short JSON body and the status, never the container's HTML report with a stack trace. Each surface
 * maps its own errors before they get this far; a 500 here means a bug, and the container has logged
 * it. Requested directly, with any method, {@code /error} is a path like any other unknown one: 404.
 */
@WebServlet(urlPatterns = "/error")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : HttpServletResponse.SC_NOT_FOUND;
        if (response.isCommitted()) {
            return; // the status and some body went out already; nothing can be said any more
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String body = ErrorPage.body(status);
        try {
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException writerTaken) {
            // What failed had opened the writer (a response has one or the other, Servlet 6.0 §5.3).
            response.getWriter().write(body);
        }
    }
}
