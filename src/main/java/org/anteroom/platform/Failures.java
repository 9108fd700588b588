package org.anteroom.platform;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.ejb.EJBException;

/** What a caught exception is about, for the one place per surface that turns failures into answers. */
public final class Failures {

    /** Deeper than any real nesting of containers; stops a pathological cause chain. */
    private static final int MAX_DEPTH = 16;

    private Failures() {}

    /**
     * The failure behind the wrappers an EJB container or a future puts around it
     * ({@link EJBException}, {@link CompletionException}, {@link ExecutionException}): a
     * {@link DomainException} or an adapter's own exception to be answered as such, or else the
     * unexpected failure to be logged. A wrapper without a cause is itself the failure.
     */
    public static Throwable unwrap(Throwable thrown) {
        Throwable failure = thrown;
        for (int depth = 0; depth < MAX_DEPTH && wrapper(failure) && failure.getCause() != null; depth++) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static boolean wrapper(Throwable failure) {
        return failure instanceof EJBException
                || failure instanceof CompletionException
                || failure instanceof ExecutionException;
    }
}
