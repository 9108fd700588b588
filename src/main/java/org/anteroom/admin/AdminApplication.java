package org.anteroom.admin;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.anteroom.platform.RestProperties;
import org.anteroom.platform.StatusExceptionMapper;

/** The admin surface, with its own providers so its error shape stays its own. */
@ApplicationPath("admin")
public class AdminApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return RestProperties.ALL;
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SetupResource.class, AdminExceptionMapper.class, StatusExceptionMapper.class);
    }
}
