package org.anteroom.ops;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.anteroom.platform.RestProperties;
import org.anteroom.platform.Settings;
import org.anteroom.platform.StatusExceptionMapper;

@ApplicationPath("ops")
public class OpsApplication extends Application {

    private static final String CLOCK_CONTROL = "anteroom.test.clock-control";

    @Override
    public Map<String, Object> getProperties() {
        return RestProperties.ALL;
    }

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>();
        classes.add(PingResource.class);
        classes.add(HealthResource.class);
        classes.add(MetricsResource.class);
        classes.add(OpsExceptionMapper.class);
        classes.add(StatusExceptionMapper.class);
        // Moving the clock is a test instrument: the endpoint does not exist unless asked for.
        if (Settings.flag(CLOCK_CONTROL, false)) {
            classes.add(ClockResource.class);
        }
        return classes;
    }
}
