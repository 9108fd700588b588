package org.anteroom.platform;

import java.util.List;

/** The caller's input breaks one or more rules; every broken rule is reported, not just the first. */
public class InvalidInputException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidInputException(List<String> problems) {
        super(Kind.INVALID, String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
