package org.anteroom.wellknown;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.anteroom.platform.RestProperties;

@ApplicationPath(".well-known")
public class WellKnownApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return RestProperties.ALL;
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(JwksResource.class);
    }
}
