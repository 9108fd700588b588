package org.anteroom.bridge;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.platform.RestProperties;
import org.anteroom.platform.StatusExceptionMapper;

/**
 * {@code GET /api/v4/server}: chat-bot clients read the server version (they refuse anything older
 * than 5.5.0) and the domain they append to user ids, before they connect.
 */
@ApplicationPath("api/v4")
public class ServerInfoApplication extends Application {

    /** The TrueConf Server version whose chat-bot API this bridge implements. */
    public static final String VERSION = "5.5.3";

    @Override
    public Map<String, Object> getProperties() {
        return RestProperties.ALL;
    }

    @Override
    public Set<Class<?>> getClasses() {
        // JAX-RS's own 404/405/406 get the error page's JSON on every server (WildFly sends them empty).
        return Set.of(ServerResource.class, StatusExceptionMapper.class);
    }

    @Path("server")
    public static class ServerResource {

        public record Product(String version, String display_name) {}

        public record ServerInfo(Product product) {}

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public ServerInfo server() {
            return new ServerInfo(new Product(VERSION, BotIds.domain()));
        }
    }
}
