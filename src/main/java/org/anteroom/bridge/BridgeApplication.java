package org.anteroom.bridge;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.anteroom.platform.RestProperties;

/** The bridge's HTTP API under {@code /bridge/api/client/v1} (files are served by {@link FilesServlet}). */
@ApplicationPath("bridge/api/client/v1")
public class BridgeApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return RestProperties.ALL;
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(OAuthResource.class, OAuthExceptionMapper.class);
    }
}
