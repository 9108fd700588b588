package org.anteroom.legacy;

import java.util.List;

/** The PresentationServices response: {@code {"data": ..., "statusFact": {...}}}. */
public record Envelope(Object data, StatusFact statusFact) {

    static Envelope of(Object data) {
        return new Envelope(data, StatusFact.SUCCESS);
    }

    static Envelope success() {
        return new Envelope(null, StatusFact.SUCCESS);
    }

    static Envelope failure(String message) {
        return new Envelope(null, StatusFact.failure(message));
    }

    static Envelope invalid(List<String> problems) {
        return new Envelope(
                problems.stream().map(Message::new).toList(), StatusFact.failure("Validation errors found"));
    }

    /** One validation problem, as {@code {"message": "..."}}. */
    public record Message(String message) {}
}
