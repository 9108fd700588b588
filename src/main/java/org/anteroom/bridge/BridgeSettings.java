package org.anteroom.bridge;

/**
 * The configuration keys that the bridge's socket reads (docs/admin.md); {@code platform.Settings}
 * reads them. The bridge's other keys are read where their rules live: the token lifetime in
 * {@code access}, the file limits in {@code chat}, the id domain in {@code platform.ChatIds}.
 */
final class BridgeSettings {

    static final String ACK_TIMEOUT_SECONDS = "anteroom.bridge.ack-timeout-seconds";
    static final String MAX_SOCKETS_PER_USER = "anteroom.bridge.max-sockets-per-user";
    static final String AUTH_TIMEOUT_SECONDS = "anteroom.bridge.auth-timeout-seconds";
    /** How long an acknowledgement waits for others to be written with it (decision 0025). */
    static final String ACK_BATCH_MILLIS = "anteroom.bridge.ack-batch-millis";

    static final String UNREAD_DELAY_MILLIS = "anteroom.bridge.unread-delay-millis";
    /** Trust {@code X-Forwarded-Proto/Host} for download URLs: only behind a proxy that sets them. */
    static final String FORWARDED_HEADERS = "anteroom.bridge.forwarded-headers";

    private BridgeSettings() {}
}
