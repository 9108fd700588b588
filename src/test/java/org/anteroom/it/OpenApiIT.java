package org.anteroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.anteroom.it.Server.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document as a client author gets it from the running server: MicroProfile OpenAPI's
 * {@code /openapi} where the server has it (Payara Micro and Server), and the same file as
 * {@code /openapi.yaml} on every server (docs/decisions/0024). The IT server runs with the test clock
 * on, and the clock still never appears.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    /** WildFly's default standalone.xml has no MicroProfile OpenAPI subsystem. */
    private static boolean serverHasMicroProfileOpenApi() {
        return !"wildfly".equals(System.getProperty("arquillian.launch"));
    }

    @Test
    void theServerServesTheDocumentWithItsTitleVersionServerAndParameters() {
        Server server = new Server(deployment);
        assertEquals(200, server.get("ops/clock").status(), "the IT server has the test clock on");
        if (!serverHasMicroProfileOpenApi()) {
            Reply absent = server.get("openapi", "Accept", "application/json");
            assertEquals(404, absent.status(), "docs/admin.md says WildFly's standalone.xml serves no /openapi");
            return;
        }
        Reply reply = server.get("openapi", "Accept", "application/json");

        assertEquals(200, reply.status(), reply.body());
        JsonObject document = reply.object();
        JsonObject info = document.getJsonObject("info");
        assertEquals("Anteroom", info.getString("title"));
        assertEquals(projectVersion(), info.getString("version"));
        assertEquals(
                Set.of("/"),
                document.getJsonArray("servers").getValuesAs(JsonObject.class).stream()
                        .map(s -> s.getString("url"))
                        .collect(Collectors.toSet()),
                "one relative server URL");

        JsonObject paths = document.getJsonObject("paths");
        assertFalse(
                paths.keySet().stream().anyMatch(p -> p.startsWith("/ops/clock")),
                paths.keySet().toString());
        assertFalse(reply.body().contains("/ops/clock"), "the test clock is nowhere in the document");
        assertFalse(paths.containsKey("/null/advance"), "nothing scanned");
        assertEquals(
                Set.of("location", "locationId", "status", "offset", "limit", "userId", "temporalSession"),
                parameterNames(
                        document,
                        paths.getJsonObject("/PresentationServices/users").getJsonObject("get")));
        assertEquals(
                Set.of("room", "count", "before"),
                parameterNames(
                        document,
                        paths.getJsonObject("/presence/rooms/{room}/messages").getJsonObject("get")));
        JsonObject session = (JsonObject) resolve(
                document,
                document.getJsonObject("components").getJsonObject("schemas").get("PresenceSession"));
        assertTrue(session.getJsonObject("properties").containsKey("auth_source"), session.toString());
        assertTrue(
                paths.getJsonObject("/bridge/api/client/v1/oauth/token")
                        .getJsonObject("post")
                        .getJsonObject("responses")
                        .containsKey("201"),
                "real statuses, not \"default\"");
        assertTrue(reply.body().contains("/hubs/presence") && reply.body().contains("/websocket/chat_bot"));

        // The admin surface: path parameters on the path item, the bearer scheme, the admin error body.
        JsonObject grant =
                paths.getJsonObject("/admin/v1/organizations/{organizationId}/roles/{roleId}/permissions/{permission}");
        assertEquals(Set.of("organizationId", "roleId", "permission"), parameterNames(document, grant));
        JsonObject put = grant.getJsonObject("put");
        assertEquals(
                "adminBearer",
                put.getJsonArray("security")
                        .getJsonObject(0)
                        .keySet()
                        .iterator()
                        .next());
        JsonObject unauthenticated =
                (JsonObject) resolve(document, put.getJsonObject("responses").get("401"));
        assertTrue(
                unauthenticated.getJsonObject("headers").containsKey("WWW-Authenticate"), unauthenticated.toString());
        JsonObject error = (JsonObject) resolve(
                document,
                document.getJsonObject("components").getJsonObject("schemas").get("AdminError"));
        assertEquals(
                Set.of("error", "message", "problems"),
                error.getJsonObject("properties").keySet());
        // Public: Payara drops an empty `security: []`, and the document declares no global security.
        JsonObject setup = paths.getJsonObject("/admin/setup").getJsonObject("post");
        assertTrue(
                !setup.containsKey("security") || setup.getJsonArray("security").isEmpty(), setup.toString());
    }

    @Test
    void theSameFileIsServedAsOpenApiYamlOnEveryServer() {
        Server server = new Server(deployment);
        Reply reply = server.get("openapi.yaml");

        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/yaml"), reply.header("Content-Type"));
        assertTrue(reply.body().contains("\n  title: Anteroom\n"), "the title");
        assertTrue(reply.body().contains("\n  version: \"" + projectVersion() + "\"\n"), "the POM's version");
        assertTrue(reply.body().contains("\n  /PresentationServices/validateAccount:\n"));
        assertFalse(reply.body().contains("/ops/clock"));
    }

    private static Set<String> parameterNames(JsonObject document, JsonObject operation) {
        return operation.getJsonArray("parameters").stream()
                .map(p -> ((JsonObject) resolve(document, p)).getString("name"))
                .collect(Collectors.toSet());
    }

    /** A local {@code $ref}, followed as far as it goes. */
    private static JsonValue resolve(JsonObject document, JsonValue node) {
        JsonValue current = node;
        while (current instanceof JsonObject object && object.containsKey("$ref")) {
            JsonValue target = document;
            for (String part : object.getString("$ref").substring(2).split("/")) {
                target = ((JsonObject) target).get(part);
            }
            current = target;
        }
        return current;
    }

    private static String projectVersion() {
        try {
            Matcher version = Pattern.compile("<artifactId>anteroom</artifactId>\\s*<version>([^<]+)</version>")
                    .matcher(Files.readString(Path.of("pom.xml")));
            assertTrue(version.find(), "no version in pom.xml");
            return version.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
