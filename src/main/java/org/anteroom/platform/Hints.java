package org.anteroom.platform;

/**
 * Query hints of the persistence provider (EclipseLink) that the hot read paths use. Plain strings,
 * so another provider simply ignores them.
 */
public final class Hints {

    /** Return the shared-cache instance instead of a per-transaction copy; the caller must not modify it. */
    public static final String READ_ONLY = "eclipselink.read-only";

    /** Keep the query's result in the shared cache until the entity class changes. */
    public static final String QUERY_RESULTS_CACHE = "eclipselink.query-results-cache";

    /**
     * Build a query's results without registering them in the shared cache. For lists read on
     * every request: building them through the cache makes concurrent readers queue on its locks.
     */
    public static final String MAINTAIN_CACHE = "eclipselink.maintain-cache";

    private Hints() {}
}
