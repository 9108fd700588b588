package org.anteroom.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.anteroom.platform.Constraints.Unique;
import org.junit.jupiter.api.Test;

/** How a failed flush is named, without a database: an entity manager whose flush throws what a driver would. */
class ConstraintsTest {

    private static final String CONCURRENT = "changed at the same time";
    private static final Unique USERNAME = new Unique("app_user_username", "Username 'x' is already taken");
    private static final Unique EMAIL = new Unique("app_user_email", "Email 'x' is already taken");

    @Test
    void aUniqueViolationIsNamedByItsConstraint() {
        EntityManager em =
                failing(sql("23505", "Unique index or primary key violation: \"PUBLIC.APP_USER_EMAIL_KEY ON ...\""));
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> Constraints.flush(em, CONCURRENT, "taken", USERNAME, EMAIL));
        assertEquals(List.of("Email 'x' is already taken"), e.problems());
    }

    @Test
    void anUnnamedUniqueViolationGetsTheGeneralMessage() {
        EntityManager em = failing(sql("23505", "duplicate key value violates unique constraint \"other\""));
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> Constraints.flush(em, CONCURRENT, "taken", USERNAME, EMAIL));
        assertEquals(List.of("taken"), e.problems());
    }

    @Test
    void aUniqueViolationNobodyExpectedStaysAsItIs() {
        PersistenceException failure = sql("23505", "duplicate key");
        EntityManager em = failing(failure);
        assertSame(failure, assertThrows(PersistenceException.class, () -> Constraints.flush(em, CONCURRENT, null)));
    }

    @Test
    void lostRacesAreConcurrentChanges() {
        for (PersistenceException failure : List.of(
                new OptimisticLockException("version"),
                sql("HYT00", "timeout"),
                sql("40001", "serialization"),
                sql("40P01", "deadlock"),
                sql("55P03", "lock not available"))) {
            ConcurrentChangeException e = assertThrows(
                    ConcurrentChangeException.class,
                    () -> Constraints.flush(failing(failure), CONCURRENT, "taken", USERNAME));
            assertEquals(CONCURRENT, e.getMessage());
        }
    }

    @Test
    void forTheAdminApiClashesAreConflicts() {
        Unique name = new Unique("app_role_name", "Role 'x' already exists");
        ConflictException named = assertThrows(
                ConflictException.class,
                () -> Constraints.flushConflicts(
                        failing(sql("23505", "violates unique constraint \"app_role_name\"")),
                        CONCURRENT,
                        "raced",
                        "in use",
                        name));
        assertEquals("Role 'x' already exists", named.getMessage());
        ConflictException other = assertThrows(
                ConflictException.class,
                () -> Constraints.flushConflicts(
                        failing(sql("23505", "PRIMARY KEY ON PUBLIC.APP_ROLE(ID)")), CONCURRENT, "raced", null, name));
        assertEquals("raced", other.getMessage());
        ConflictException referenced = assertThrows(
                ConflictException.class,
                () -> Constraints.flushConflicts(
                        failing(sql("23503", "referential integrity")), CONCURRENT, "raced", "in use"));
        assertEquals("in use", referenced.getMessage());
        assertThrows(
                ConcurrentChangeException.class,
                () -> Constraints.flushConflicts(failing(sql("HYT00", "timeout")), CONCURRENT, "raced", "in use"));
        PersistenceException unexpected = sql("23503", "referential integrity");
        assertSame(
                unexpected,
                assertThrows(
                        PersistenceException.class,
                        () -> Constraints.flushConflicts(failing(unexpected), CONCURRENT, "raced", null)));
    }

    @Test
    void aCleanFlushSaysNothing() {
        assertDoesNotThrow(() -> Constraints.flush(failing(null), CONCURRENT, "taken", USERNAME));
    }

    private static PersistenceException sql(String state, String message) {
        return new PersistenceException("flush failed", new RuntimeException(new SQLException(message, state)));
    }

    private static EntityManager failing(PersistenceException failure) {
        return (EntityManager) Proxy.newProxyInstance(
                ConstraintsTest.class.getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("flush") && failure != null) {
                        throw failure;
                    }
                    return null;
                });
    }
}
