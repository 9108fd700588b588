package org.anteroom.legacy;

/** The legacy outcome marker; {@code failMessage} is present only on failure. */
public record StatusFact(boolean success, String failMessage) {

    static final StatusFact SUCCESS = new StatusFact(true, null);

    static StatusFact failure(String message) {
        return new StatusFact(false, message);
    }
}
