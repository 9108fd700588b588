package org.anteroom.it;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A black-box client of a running Anteroom: the WAR the build produced, plain HTTP from
 * {@code java.net.http}, and JSON parsed with JSON-P. Arquillian reports the machine's interface
 * address; the server is called on 127.0.0.1 at the reported port.
 */
public final class Server {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;

    public Server(URL deployment) {
        this.base = URI.create("http://127.0.0.1:" + deployment.getPort() + "/");
    }

    /** The WAR built by this project, deployed as it would be in production. */
    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("anteroom.war")));
    }

    /** The database the server under test uses, opened beside it (H2 with AUTO_SERVER, or PostgreSQL). */
    public static java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                System.getProperty("anteroom.it.db"),
                System.getProperty("anteroom.it.db.user"),
                System.getProperty("anteroom.it.db.password"));
    }

    /** The server's address for this path with another scheme (ws:). */
    public URI uri(String scheme, String pathAndQuery) {
        return URI.create(scheme + "://" + base.getAuthority() + "/" + pathAndQuery);
    }

    public Reply get(String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET(), headers);
    }

    public Reply postForm(String path, String form, String... headers) {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                headers);
    }

    /** A form-encoded body with any method: legacy clients send DELETE with their token in one. */
    public Reply sendForm(String method, String path, String form, String... headers) {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .method(method, HttpRequest.BodyPublishers.ofString(form)),
                headers);
    }

    /** A request with a JSON (or deliberately malformed) body. */
    public Reply send(String method, String path, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    public Reply request(String method, String path, String... headers) {
        return send(
                HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()),
                headers);
    }

    private Reply send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response =
                    HTTP.send(builder.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Form-encodes name/value pairs. */
    public static String form(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Parses JSON written with single quotes for readability in tests. */
    public static JsonValue json(String singleQuoted) {
        try (JsonReader reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
            return reader.readValue();
        }
    }

    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** The {@code error} of a presence error body. */
        public String error() {
            return object().getString("error");
        }

        public String body() {
            return response.body();
        }

        public JsonObject object() {
            return (JsonObject) parse();
        }

        public JsonStructure parse() {
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.read();
            } catch (RuntimeException e) {
                throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
            }
        }
    }
}
