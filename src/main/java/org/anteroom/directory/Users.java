package org.anteroom.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.anteroom.platform.Hints;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.UnknownEntityException;

/**
 * Finding users: by the identifiers they log in with, and as a caller allowed to see them. Lookups
 * for other facades join the caller's transaction when there is one and need none otherwise; the
 * reads an adapter calls ({@link #read}, {@link #list}, {@link #profile}, {@link #readProfile}) run in one
 * and return views built inside it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Users {

    private static final Map<String, Object> READ_ONLY = Map.of(Hints.READ_ONLY, true);

    @PersistenceContext
    EntityManager em;

    @Inject
    Organizations organizations;

    @Inject
    PresenceGrants grants;

    public User user(String id) {
        User user = id == null ? null : em.find(User.class, id);
        if (user == null) {
            throw new UnknownEntityException("User");
        }
        return user;
    }

    /**
     * The user's row, locked until the transaction ends, to serialize changes to one account. Only for a
     * user not read yet in this transaction: one already read is locked with {@link #locked(User)}.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public User locked(String id) {
        User user = em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new UnknownEntityException("User");
        }
        return user;
    }

    /**
     * A user this transaction has read already, locked as {@link #locked(String)} locks it and read
     * again under the lock; call it before changing the user, as the new read replaces the state held.
     * Locking it by id instead is not portable: Hibernate upgrades the lock of the instance it holds
     * with a version check and throws when another transaction changed the row in between, where
     * EclipseLink reads the row again.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public User locked(User read) {
        if (!em.contains(read)) {
            return locked(read.id());
        }
        LockModeType held = em.getLockMode(read);
        if (held == LockModeType.PESSIMISTIC_WRITE || held == LockModeType.PESSIMISTIC_FORCE_INCREMENT) {
            // Locked earlier in this transaction: the state held is current, and may have changed since.
            return read;
        }
        em.refresh(read, LockModeType.PESSIMISTIC_WRITE);
        return read;
    }

    /** Another user's record, as this caller may see it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public UserView read(String callerId, String id) {
        User caller = viewer(callerId);
        User target = id == null ? null : em.find(User.class, id, READ_ONLY);
        if (target == null) {
            throw new UnknownEntityException("User");
        }
        if (!Grants.canRead(caller, target)) {
            throw new NotPermittedException("Not allowed to read this user");
        }
        return UserView.of(target);
    }

    /**
     * A page of users, ordered by id, filtered by place and status, as this caller may list them. The
     * hot read of the legacy API: one query selects the values of the views, with the names of
     * organization, facility and role joined in, so no user entity is built and nothing loads later.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<UserView> list(String callerId, UserQuery query) {
        User caller = viewer(callerId);
        StringBuilder jpql = new StringBuilder("select u.id, u.username, u.firstName, u.lastName, u.displayName,"
                + " u.email, o.id, o.name, f.id, f.name, r.id, r.name, u.status, u.created, u.modified, u.uuid"
                + " from User u left join u.organization o left join u.facility f left join u.role r where 1 = 1");
        String place = null;
        if (query.location() == null) {
            require(Grants.canListAll(caller));
        } else if (query.location() == UserQuery.Location.ORGANIZATION) {
            Organization organization = organizations
                    .findOrganization(query.locationId())
                    .orElseThrow(() -> new UnknownEntityException("Organization"));
            require(Grants.canListOrganization(caller, organization));
            jpql.append(" and o.id = :place");
            place = organization.id();
        } else {
            Facility facility = organizations
                    .findFacility(query.locationId())
                    .orElseThrow(() -> new UnknownEntityException("Facility"));
            require(Grants.canListFacility(caller, facility));
            jpql.append(" and f.id = :place");
            place = facility.id();
        }
        if (query.status() != null) {
            jpql.append(" and u.status = :status");
        }
        TypedQuery<Object[]> select = em.createQuery(
                        jpql.append(" order by u.id").toString(), Object[].class)
                .setFirstResult(query.offset())
                .setMaxResults(query.limit());
        if (place != null) {
            select.setParameter("place", place);
        }
        if (query.status() != null) {
            select.setParameter("status", query.status());
        }
        return select.getResultList().stream().map(Users::view).toList();
    }

    private static UserView view(Object[] row) {
        return new UserView(
                (String) row[0],
                (String) row[1],
                (String) row[2],
                (String) row[3],
                (String) row[4],
                (String) row[5],
                (String) row[6],
                (String) row[7],
                (String) row[8],
                (String) row[9],
                (Long) row[10],
                (String) row[11],
                (UserStatus) row[12],
                (Instant) row[13],
                (Instant) row[14],
                (String) row[15]);
    }

    /** A user for a read that only looks at it, from the shared cache: no copy for a persistence context. */
    private User viewer(String callerId) {
        User caller = callerId == null ? null : em.find(User.class, callerId, READ_ONLY);
        if (caller == null) {
            throw new UnknownEntityException("User");
        }
        return caller;
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new NotPermittedException("Not allowed to list these users");
        }
    }

    public Optional<User> byUsername(String username) {
        return single("select u from User u where u.username = :value", username);
    }

    /** Email comparison ignores case, exactly like the unique constraint on email_key. */
    public Optional<User> byEmail(String email) {
        return single("select u from User u where u.emailKey = :value", User.emailKey(email));
    }

    /**
     * The user's presence record with the permissions of a session opened this way.
     *
     * @param authenticated how the session was opened; null for none (the role's permissions only)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ProfileView profile(String id, LoginMethod authenticated) {
        User user = viewer(id);
        return ProfileView.of(user, grants.permissions(user, authenticated));
    }

    /**
     * Another user's presence record, by uuid, as this caller may see it: only a Tool reads others
     * (to find the room its Tools Gateway is in); anyone else gets its own record, as the spec says.
     *
     * @param authenticated how the session of the user found was opened, by its id (null: none); asked
     *                      inside the transaction, as the permissions rest on it
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ProfileView readProfile(String callerId, String uuid, Function<String, LoginMethod> authenticated) {
        User target = readByUuid(callerId, uuid);
        return ProfileView.of(target, grants.permissions(target, authenticated.apply(target.id())));
    }

    private User readByUuid(String callerId, String uuid) {
        User caller = user(callerId);
        if (caller.type().orElse(null) != UserType.TOOL) {
            return caller;
        }
        String canonical = uuid == null ? null : uuid.toLowerCase(Locale.ROOT);
        if (!UserRules.validUuid(canonical)) {
            throw new InvalidInputException("uuid must be a UUID");
        }
        return byUuid(canonical).orElseThrow(() -> new UnknownEntityException("User"));
    }

    /** The user a chat bot names by {@link User#chatLogin()}. */
    public Optional<User> byChatLogin(String login) {
        return byUsername(login).or(() -> byUuid(login));
    }

    public Optional<User> byUuid(String uuid) {
        return single("select u from User u where u.uuid = :value", uuid);
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
        List<User> found = em.createQuery(query, User.class)
                .setParameter("value", value)
                .setMaxResults(1)
                .getResultList();
        return found.stream().findFirst();
    }
}
