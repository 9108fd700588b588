package org.anteroom.platform;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The physical data source behind the container's connection pool ({@link Database}). It reads
 * {@code anteroom.db.url}, {@code .user} and {@code .password} when the pool opens its first
 * connection, so the database is chosen by configuration, never by rebuilding the WAR: an H2 URL
 * gives H2, a PostgreSQL URL gives PostgreSQL.
 *
 * <p>It also counts the physical connections the pool holds open ({@link #open()}, the gauge {@code
 * anteroom_db_connections_open}): the one figure of the pool's use that the same WAR can measure on every server.
 */
public class DatabaseDataSource implements DataSource {

    /** Physical connections opened and not yet closed, in this application (one pool per deployment). */
    private static final AtomicLong OPEN = new AtomicLong();

    private volatile DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource target() {
        DataSource current = target;
        if (current == null) {
            synchronized (this) {
                current = target;
                if (current == null) {
                    current = open(
                            Settings.databaseUrl(),
                            Settings.text(Settings.DB_USER, ""),
                            Settings.text(Settings.DB_PASSWORD, ""));
                    try {
                        current.setLoginTimeout(loginTimeout);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    target = current;
                }
            }
        }
        return current;
    }

    /**
     * The configured database without the pool: for a connection that stays a node's own for as long as it lives
     * (the cluster listener), which no pool should hand out or validate.
     */
    public static DataSource unpooled() {
        return open(
                Settings.databaseUrl(), Settings.text(Settings.DB_USER, ""), Settings.text(Settings.DB_PASSWORD, ""));
    }

    static DataSource open(String url, String user, String password) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            if (!user.isEmpty()) {
                pg.setUser(user);
            }
            if (!password.isEmpty()) {
                pg.setPassword(password);
            }
            return pg;
        }
        throw new IllegalStateException(Settings.DB_URL + " must be a jdbc:h2: or jdbc:postgresql: URL");
    }

    /** The physical connections the pool holds now, in use or idle. */
    static long open() {
        return OPEN.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(target().getConnection());
    }

    /** The driver's connection, counted until its first close; everything else goes straight to it. */
    private static Connection counted(Connection physical) {
        OPEN.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(
                DatabaseDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (closed.compareAndSet(false, true)) {
                                OPEN.decrementAndGet();
                            }
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {}
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * A pool with no credentials of its own passes none (WildFly's passes an empty user): then the
     * configured ones apply, as they do for {@link #getConnection()}.
     */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (username == null || username.isEmpty()) {
            return counted(target().getConnection());
        }
        return counted(target().getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** {@link Database}'s {@code loginTimeout}, as the pool passes it on; the driver gets it too. */
    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        this.loginTimeout = seconds;
        DataSource current = target;
        if (current != null) {
            current.setLoginTimeout(seconds);
        }
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target().isWrapperFor(iface);
    }
}
