package org.anteroom.legacy;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.anteroom.platform.RestProperties;

/** The PresentationServices surface, with its own providers so its envelope stays its own. */
@ApplicationPath(LegacyApplication.PATH)
public class LegacyApplication extends Application {

    static final String PATH = "PresentationServices";

    @Override
    public Map<String, Object> getProperties() {
        return RestProperties.ALL;
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                LegacyCallFilter.class,
                LegacyExceptionMapper.class,
                ValidateAccountResource.class,
                LogoutResource.class,
                OrganizationsResource.class,
                UserStatusesResource.class,
                UsersResource.class,
                UserAttributesResource.class,
                ConfirmEmailResource.class);
    }
}
