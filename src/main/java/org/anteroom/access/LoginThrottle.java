package org.anteroom.access;

import java.time.Clock;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.anteroom.platform.ClusterMode;
import org.anteroom.platform.Meters;
import org.anteroom.platform.Settings;
import org.anteroom.platform.TooManyAttemptsException;

/**
 * Refuses logins for an account or a client address that failed too often in the last hour
 * (defaults: 100 per account, 1000 per address). A throttled caller is told so at once rather than
 * slowed down. A single node counts in its memory; in cluster mode every node counts in the database
 * ({@link SharedFailures}), so failures through all nodes count together (docs/cluster.md).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LoginThrottle {

    private static final String REFUSED = "Too many failed login attempts; try again later";

    static final Meters.Metric THROTTLED = new Meters.Metric(
            "anteroom_logins_throttled", "Login attempts and code guesses refused because of too many failures");

    @Inject
    Clock clock;

    @Inject
    Meters meters;

    private Meters.Counter throttled;

    @Inject
    ClusterMode cluster;

    @Inject
    SharedFailures shared;

    /** This node's memory on a single node; the database in a cluster, where every node's failures count. */
    private FailureCounts window;

    private long perAccount;
    private long perAddress;

    @PostConstruct
    void init() {
        window = cluster.on() ? inDatabase(shared) : new FailureWindow(clock, SharedFailures.WINDOW);
        throttled = meters.counter(THROTTLED);
        perAccount = Settings.number(AccessSettings.ACCOUNT_FAILURES_PER_HOUR, 100);
        perAddress = Settings.number(AccessSettings.ADDRESS_FAILURES_PER_HOUR, 1000);
    }

    /** Throws when either the account or the address has used up its failures. */
    public void check(String account, String address) {
        if (window.exceeded(accountKey(account), perAccount) || window.exceeded(addressKey(address), perAddress)) {
            throttled.increment();
            throw new TooManyAttemptsException(REFUSED);
        }
    }

    /** For guesses that have their own per-account limit (one-time codes): only the address counts. */
    public void checkAddress(String address) {
        if (window.exceeded(addressKey(address), perAddress)) {
            throttled.increment();
            throw new TooManyAttemptsException(REFUSED);
        }
    }

    public void failedAddress(String address) {
        window.record(addressKey(address), perAddress);
    }

    public void failed(String account, String address) {
        window.record(accountKey(account), perAccount);
        window.record(addressKey(address), perAddress);
    }

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    void sweep() {
        window.sweep();
    }

    private static FailureCounts inDatabase(SharedFailures shared) {
        return new FailureCounts() {
            @Override
            public boolean exceeded(String key, long limit) {
                return shared.exceeded(key, limit);
            }

            @Override
            public void record(String key, long limit) {
                shared.record(key);
            }

            @Override
            public void sweep() {
                shared.sweep();
            }
        };
    }

    private static String accountKey(String account) {
        return "account:" + (account == null ? "" : account.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
