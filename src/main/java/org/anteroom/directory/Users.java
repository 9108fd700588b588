package org.anteroom.directory;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.anteroom.platform.UnknownEntityException;

/** Finding users by the identifiers they log in with. */
@Stateless
public class Users {

    @PersistenceContext
    EntityManager em;

    public User user(String id) {
        User user = id == null ? null : em.find(User.class, id);
        if (user == null) {
            throw new UnknownEntityException("User");
        }
        return user;
    }

    /** The user's row, locked until the transaction ends, to serialize changes to one account. */
    public User locked(String id) {
        User user = em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new UnknownEntityException("User");
        }
        return user;
    }

    public Optional<User> byUsername(String username) {
        return single("select u from User u where u.username = :value", username);
    }

    /** Email comparison ignores case, exactly like the unique constraint on email_key. */
    public Optional<User> byEmail(String email) {
        return single("select u from User u where u.emailKey = :value", User.emailKey(email));
    }

    public Optional<User> byTagDigest(String tagDigest) {
        return single("select u from User u where u.tagDigest = :value", tagDigest);
    }

    public Optional<User> byPinDigest(String pinDigest) {
        return single("select u from User u where u.pinDigest = :value", pinDigest);
    }

    private Optional<User> single(String query, String value) {
        if (value == null) {
            return Optional.empty();
        }
        List<User> found = em.createQuery(query, User.class).setParameter("value", value).setMaxResults(1).getResultList();
        return found.stream().findFirst();
    }
}
