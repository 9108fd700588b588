package org.anteroom.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.anteroom.access.AccessTokens;
import org.anteroom.access.AccessTokens.BotToken;
import org.anteroom.access.BotPrincipal;
import org.anteroom.access.Logins;
import org.anteroom.platform.JsonInput;
import org.anteroom.platform.Meters;

/**
 * The OAuth 2.0 password grant chat bots get their token with: a JSON body, as the official document
 * shows, or form-encoded, as OAuth allows. 201 with the token; 400 with an OAuth error otherwise.
 */
@Path("oauth/token")
public class OAuthResource {

    static final String CLIENT_ID = "chat_bot";
    private static final int MAX_BODY = 16 * 1024;

    @Inject
    Logins logins;

    @Inject
    AccessTokens tokens;

    @Context
    HttpServletRequest request;

    @Inject
    Meters meters;

    private Meters.Counter succeeded;
    private Meters.Counter refused;

    @PostConstruct
    void init() {
        succeeded = meters.counter(Logins.METRIC, "surface", "bridge", "outcome", "success");
        refused = meters.counter(Logins.METRIC, "surface", "bridge", "outcome", "refused");
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam("Content-Type") String contentType, InputStream body) {
        Response response;
        try {
            response = grant(contentType, body);
        } catch (RuntimeException e) {
            refused.increment();
            throw e;
        }
        succeeded.increment();
        return response;
    }

    private Response grant(String contentType, InputStream body) {
        Map<String, String> fields = fields(contentType, body);
        if (fields.get("grant_type") == null) {
            throw new OAuthException("invalid_request", "grant_type is required");
        }
        if (!CLIENT_ID.equals(fields.get("client_id"))) {
            throw new OAuthException("invalid_client", "client_id must be " + CLIENT_ID);
        }
        if (!"password".equals(fields.get("grant_type"))) {
            throw new OAuthException("unsupported_grant_type", "Only the password grant is supported");
        }
        String username = fields.get("username");
        String password = fields.get("password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new OAuthException("invalid_request", "username and password are required");
        }
        String suffix = "@" + BotIds.domain();
        if (username.endsWith(suffix)) {
            username = username.substring(0, username.length() - suffix.length());
        }
        BotPrincipal bot = logins.bot(username.strip(), password, request.getRemoteAddr());
        BotToken token = tokens.forBot(bot);
        // From the token's own issue time: a clock read here could be a second later than the token's.
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder()
                        .add("access_token", token.token())
                        .add("token_type", "JWT")
                        .add("expires_in", token.lifetimeSeconds())
                        .add("expires_at", token.expires().getEpochSecond())
                        .build())
                .build();
    }

    /** The request's parameters from a JSON object or a form; string values only. */
    private static Map<String, String> fields(String contentType, InputStream body) {
        String text;
        try {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new OAuthException("invalid_request", "The request body is too large");
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OAuthException("invalid_request", "The request body could not be read");
        }
        Map<String, String> fields = new HashMap<>();
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    if (fields.putIfAbsent(name, value) != null) {
                        throw new OAuthException("invalid_request", name + " is given more than once");
                    }
                } catch (IllegalArgumentException e) {
                    throw new OAuthException("invalid_request", "The form is not URL-encoded");
                }
            }
            return fields;
        }
        JsonValue value;
        try {
            value = JsonInput.read(text);
        } catch (JsonException | IllegalStateException e) {
            throw new OAuthException("invalid_request", "The body must be a JSON object or a form");
        }
        if (!(value instanceof JsonObject object)) {
            throw new OAuthException("invalid_request", "The body must be a JSON object or a form");
        }
        object.forEach((name, field) -> {
            if (field instanceof JsonString string) {
                fields.put(name, string.getString());
            } else if (field != JsonValue.NULL && !name.equals("client_secret")) {
                throw new OAuthException("invalid_request", name + " must be a string");
            }
        });
        return fields;
    }
}
