package org.anteroom.platform;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The last line of defence (web.xml routes every uncaught error here): a short JSON body and the
 * status, never the container's HTML report with a stack trace. Each surface maps its own errors
 * before they get this far; reaching this page means a bug, and the container has logged it.
 */
@WebServlet(urlPatterns = "/error")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        String message = status == HttpServletResponse.SC_NOT_FOUND ? "Not found"
                : status < 500 ? "Bad request" : "Internal server error";
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\": \"" + message + "\"}");
    }
}
