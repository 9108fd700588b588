package org.anteroom.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.anteroom.bridge.ErrorCodes.Failure;
import org.anteroom.chat.ChatFiles;
import org.anteroom.chat.ChatFiles.Download;
import org.anteroom.chat.FileRefusedException;
import org.anteroom.chat.UnknownFileException;

/**
 * Step two of a bot sending a file: {@code POST /bridge/api/client/v1/files} with the
 * {@code Upload-Task-Id} from {@code uploadFile} and a multipart body (part {@code file}, optionally
 * {@code preview}), answered with the {@code temporalFileId}. And downloads:
 * {@code GET .../files/{fileId}/{secret}[/preview]}, the URLs {@code getFileInfo} hands out. Errors are
 * the protocol's {@code {errorCode, errorDescription}} with a 4xx status.
 */
@WebServlet(urlPatterns = FilesServlet.PATH + "/*")
@MultipartConfig(fileSizeThreshold = 1024 * 1024)
public class FilesServlet extends HttpServlet {

    public static final String PATH = "/bridge/api/client/v1/files";
    private static final long serialVersionUID = 1L;

    @Inject
    transient ChatFiles files;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() != null && !"/".equals(request.getPathInfo())) {
            error(response, 404, ErrorCodes.FILE_NOT_FOUND, "Upload to " + PATH);
            return;
        }
        try {
            String contentType = request.getContentType();
            if (contentType == null
                    || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
                throw new FileRefusedException("The upload must be multipart/form-data with a part named file");
            }
            String task = request.getHeader("Upload-Task-Id");
            if (task == null || task.isBlank()) {
                throw new UnknownFileException();
            }
            long max = files.limits().maxBytes();
            Part file = request.getPart("file");
            if (file == null) {
                throw new FileRefusedException("The upload has no part named file");
            }
            Part preview = request.getPart("preview");
            String temporalId = files.receive(
                    task, file.getContentType(), read(file, max), preview == null ? null : read(preview, max));
            response.setStatus(200);
            response.setContentType("application/json");
            response.getWriter()
                    .write(Json.createObjectBuilder()
                            .add("temporalFileId", temporalId)
                            .build()
                            .toString());
        } catch (IllegalStateException | ServletException e) {
            // The container refused or could not parse the multipart body.
            error(response, 400, ErrorCodes.FILE_UPLOAD_FAILED, "The upload is not a readable multipart body");
        } catch (RuntimeException e) {
            fail(response, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = request.getPathInfo() == null
                ? new String[0]
                : request.getPathInfo().substring(1).split("/");
        if (path.length < 2 || path.length > 3 || path.length == 3 && !"preview".equals(path[2])) {
            error(response, 404, ErrorCodes.FILE_NOT_FOUND, "Unknown file");
            return;
        }
        try {
            Download download = files.download(path[0], path[1], path.length == 3);
            response.setStatus(200);
            response.setContentType(download.mimeType());
            response.setHeader(
                    "Content-Disposition",
                    "attachment; filename*=UTF-8''"
                            + URLEncoder.encode(download.name(), StandardCharsets.UTF_8)
                                    .replace("+", "%20"));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLength(download.bytes().length);
            response.getOutputStream().write(download.bytes());
        } catch (RuntimeException e) {
            fail(response, e);
        }
    }

    private static byte[] read(Part part, long max) throws IOException {
        if (part.getSize() > max) {
            throw new FileRefusedException("Files may have at most " + max + " bytes");
        }
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
    }

    private static void fail(HttpServletResponse response, RuntimeException e) throws IOException {
        Failure failure = ErrorCodes.of(e);
        error(response, ErrorCodes.status(failure), failure.code(), failure.description());
    }

    private static void error(HttpServletResponse response, int status, int code, String description)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter()
                .write(Json.createObjectBuilder()
                        .add("errorCode", code)
                        .add("errorDescription", description)
                        .build()
                        .toString());
    }
}
