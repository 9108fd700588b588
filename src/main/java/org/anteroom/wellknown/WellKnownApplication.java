package org.anteroom.wellknown;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.anteroom.platform.RestProperties;
import org.anteroom.platform.StatusExceptionMapper;

@ApplicationPath(".well-known")
public class WellKnownApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return RestProperties.ALL;
    }

    @Override
    public Set<Class<?>> getClasses() {
        // No error vocabulary of its own: JAX-RS' own statuses (404, 405, 406) get the error page's JSON.
        return Set.of(JwksResource.class, StatusExceptionMapper.class);
    }
}
