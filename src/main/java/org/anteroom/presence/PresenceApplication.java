package org.anteroom.presence;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.anteroom.platform.RestProperties;

/** The presence surface, with its own providers so its error shape stays its own. */
@ApplicationPath("presence")
public class PresenceApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return RestProperties.ALL;
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                SessionFilter.class,
                PresenceExceptionMapper.class,
                LoginResource.class,
                UserResource.class,
                OtpResource.class,
                RoomsResource.class,
                InvitesResource.class,
                TokensResource.class,
                DisconnectResource.class);
    }
}
