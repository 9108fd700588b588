package org.anteroom.presence.hub;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;

/**
 * Why the server closes a hub socket it had let in, with the code and reason the client sees
 * (docs/hub-events.md, "Closing"). A bad or used token stays 1008, and 1001 only means the server
 * is going away, so a client can tell "log in again" from "reconnect".
 */
enum Closing {
    ACCOUNT_DISABLED(4001, "account disabled"),
    SESSION_ENDED(4003, "session ended"),
    SESSION_EXPIRED(4004, "session expired"),
    TOO_MANY_CONNECTIONS(4008, "too many connections"),
    /** This node may have missed events of other nodes: reconnect and resume (docs/hub-events.md, "Resuming"). */
    RESYNC(1012, "reconnect and resume"),
    /** RFC 6455 requires a pong for every ping; a client that sends none is gone or stuck. */
    NO_PONG(CloseCodes.PROTOCOL_ERROR.getCode(), "no answer to ping");

    private final CloseReason.CloseCode code;
    private final String reason;

    Closing(int code, String reason) {
        this.code = CloseCodes.getCloseCode(code);
        this.reason = reason;
    }

    CloseReason.CloseCode code() {
        return code;
    }

    String reason() {
        return reason;
    }
}
