package org.anteroom.admin;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.anteroom.platform.RestProperties;

/** The directory admin API, with its own providers so its error body stays its own. */
@ApplicationPath("admin")
public class AdminApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return RestProperties.ALL;
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                AdminCallFilter.class,
                AdminExceptionMapper.class,
                OrganizationsResource.class,
                FacilitiesResource.class,
                RoomsResource.class,
                RolesResource.class,
                PermissionsResource.class,
                SetupResource.class);
    }
}
