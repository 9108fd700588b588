package org.anteroom.platform;

import java.util.logging.Logger;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Owns the application's connection pool and brings the schema up to date before anything else
 * runs. The migrations are the files in the project's {@code sql/} folder, packaged into the WAR as
 * {@code db/migration}; the JPA layer never generates schema.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.anteroom.platform.DatabaseDataSource",
        minPoolSize = 2,
        maxPoolSize = 48,
        // A connection attempt gives up after 10 s. WildFly also needs one property it can set on the
        // class, or it refuses the data source (IJ031103); the two below are Payara's validation settings.
        loginTimeout = 10,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data"
        })
@Startup
@Singleton
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/anteroom";

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations())
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** The migrations of every database, and PostgreSQL's own (the cluster's notifications) where it is one. */
    private static String[] locations() {
        return Settings.databaseUrl().startsWith("jdbc:postgresql:")
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"};
    }
}
