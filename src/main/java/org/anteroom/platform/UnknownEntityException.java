package org.anteroom.platform;

/** The caller named something that does not exist (or that it may not know exists). */
public class UnknownEntityException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String entity;

    public UnknownEntityException(String entity) {
        super(Kind.NOT_FOUND, "Unknown " + entity);
        this.entity = entity;
    }

    /** The kind of thing that was not found, e.g. "Facility". */
    public String entity() {
        return entity;
    }
}
