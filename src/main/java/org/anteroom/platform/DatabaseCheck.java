package org.anteroom.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Readiness of the database: a connection from the application's pool that answers {@code isValid}. A pool that
 * cannot reach the database fails here as every request would; the driver's reason is passed on, masked.
 */
@ApplicationScoped
public class DatabaseCheck implements ReadinessCheck {

    static final String NAME = "database";
    private static final int VALID_SECONDS = 3;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result check() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALID_SECONDS)) {
                return Result.up(NAME, Map.of());
            }
            return Result.down(NAME, "The database did not answer within " + VALID_SECONDS + " s");
        } catch (SQLException | RuntimeException e) {
            return Result.down(NAME, "Cannot reach the database: " + reason(e));
        }
    }

    /** The innermost message: pools wrap the driver's in their own. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
