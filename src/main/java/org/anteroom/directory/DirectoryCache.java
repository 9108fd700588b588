package org.anteroom.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.anteroom.platform.AfterCommit;

/**
 * The legacy screens read organizations, facilities and roles from the shared cache, read-only, and
 * the organization list from the query-results cache ({@link Organizations}). An administrator's
 * write evicts what it changed once it committed, through the standard JPA {@code Cache}: evicted
 * before the commit, a concurrent reader could cache the old state again in between. Evicting the
 * organization evicts its facility and role lists, which are collections of the cached organization.
 */
@ApplicationScoped
class DirectoryCache {

    @PersistenceUnit
    EntityManagerFactory factory;

    @Inject
    AfterCommit afterCommit;

    void evict(Class<?> type, Object id) {
        afterCommit.run(() -> factory.getCache().evict(type, id));
    }

    /** Every cached instance of the type, for writes that change a list (the organization list). */
    void evictAll(Class<?> type) {
        afterCommit.run(() -> factory.getCache().evict(type));
    }
}
