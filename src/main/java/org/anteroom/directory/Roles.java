package org.anteroom.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.anteroom.directory.DirectoryDrafts.RoleDraft;
import org.anteroom.platform.ConflictException;
import org.anteroom.platform.Constraints;
import org.anteroom.platform.Constraints.Unique;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.UnknownEntityException;

/**
 * The roles of an organization and the permissions they grant, as administrators write them
 * (manage_roles, {@link AdminGrants}); the legacy screens read them through {@link Organizations}.
 * A permission is granted by name; the permission row it names is the organization's own or a shared
 * one, made on first use. Nobody grants a permission it does not hold itself.
 */
@Stateless
public class Roles {

    private static final String NAME_CONSTRAINT = "app_role_name";

    private static final String CONCURRENT = "Another role was changed at the same moment; try again";

    @PersistenceContext
    EntityManager em;

    @Inject
    Organizations organizations;

    @Inject
    DirectoryCache cache;

    public List<RoleView> list(String callerId, String organizationId) {
        readable(callerId, organizationId);
        return organizations.managed(organizationId).roles().stream()
                .map(RoleView::of)
                .toList();
    }

    public RoleView read(String callerId, String organizationId, String roleId) {
        readable(callerId, organizationId);
        organizations.managed(organizationId);
        return RoleView.of(of(organizationId, roleId, LockModeType.NONE));
    }

    public RoleView create(String callerId, String organizationId, RoleDraft draft) {
        User caller = writer(callerId, organizationId);
        // Locked: role ids and new permission rows are numbered here, one writer per organization at a time.
        Organization organization = organizations.locked(organizationId);
        check(draft, false);
        if (draft.id() != null && em.find(Role.class, draft.id()) != null) {
            throw new ConflictException("Role " + draft.id() + " already exists");
        }
        String name = DirectoryRules.strip(draft.name());
        String exists = "Role '" + name + "' already exists in organization " + organizationId;
        if (organization.roles().stream().anyMatch(r -> r.name().equals(name))) {
            throw new ConflictException(exists);
        }
        long id = draft.id() != null ? draft.id() : next("select max(r.id) from Role r");
        Role role = new Role(id, organization, name, description(draft));
        em.persist(role);
        grant(caller, role, draft.permissions() == null ? List.of() : draft.permissions());
        Constraints.flushConflicts(em, CONCURRENT, CONCURRENT, null, new Unique(NAME_CONSTRAINT, exists));
        cache.evict(Organization.class, organizationId);
        return RoleView.of(role);
    }

    /** Name, description and the whole permission set are replaced; the revision read must be named. */
    public RoleView update(String callerId, String organizationId, String roleId, RoleDraft draft) {
        User caller = writer(callerId, organizationId);
        organizations.locked(organizationId);
        Role role = of(organizationId, roleId, LockModeType.PESSIMISTIC_WRITE);
        check(draft, true);
        Organizations.requireRevision("Role", role.revision(), draft.revision());
        String name = DirectoryRules.strip(draft.name());
        String exists = "Role '" + name + "' already exists in organization " + organizationId;
        if (role.organization().roles().stream()
                .anyMatch(r -> r != role && r.name().equals(name))) {
            throw new ConflictException(exists);
        }
        role.describe(name, description(draft));
        Set<String> wanted = new LinkedHashSet<>(draft.permissions());
        role.permissions().removeIf(p -> !wanted.contains(p.name()));
        grant(caller, role, wanted);
        Constraints.flushConflicts(
                em, Organizations.changed("Role"), exists, null, new Unique(NAME_CONSTRAINT, exists));
        evict(organizationId, role);
        return RoleView.of(role);
    }

    /** Grants one permission by name; granting one the role has changes nothing. */
    public RoleView assign(String callerId, String organizationId, String roleId, String permission) {
        User caller = writer(callerId, organizationId);
        organizations.locked(organizationId);
        Role role = of(organizationId, roleId, LockModeType.PESSIMISTIC_WRITE);
        known(permission);
        if (!role.grants(permission)) {
            grant(caller, role, List.of(permission));
            role.revise();
            Constraints.flushConflicts(em, Organizations.changed("Role"), null, null);
            evict(organizationId, role);
        }
        return RoleView.of(role);
    }

    /** Takes one permission away by name; taking one the role does not have changes nothing. */
    public void unassign(String callerId, String organizationId, String roleId, String permission) {
        writer(callerId, organizationId);
        Role role = of(organizationId, roleId, LockModeType.PESSIMISTIC_WRITE);
        known(permission);
        if (role.permissions().removeIf(p -> p.name().equals(permission))) {
            role.revise();
            Constraints.flushConflicts(em, Organizations.changed("Role"), null, null);
            evict(organizationId, role);
        }
    }

    /** Only a role nobody holds goes. */
    public void delete(String callerId, String organizationId, String roleId) {
        writer(callerId, organizationId);
        Organization organization = organizations.locked(organizationId);
        Role role = of(organizationId, roleId, LockModeType.PESSIMISTIC_WRITE);
        String inUse = "Role '" + role.name() + "' is still held by users";
        if (count("select count(u) from User u where u.role.id = :id", role.id()) > 0) {
            throw new ConflictException(inUse);
        }
        role.permissions().clear();
        organization.roles().remove(role);
        em.remove(role);
        Constraints.flushConflicts(em, Organizations.changed("Role"), null, inUse);
        evict(organizationId, role);
    }

    private void check(RoleDraft draft, boolean update) {
        DirectoryRules rules = new DirectoryRules()
                .name("name", draft.name(), DirectoryRules.ROLE_NAME_MAX)
                .text("description", draft.description(), DirectoryRules.DESCRIPTION_MAX)
                .permissions("permissions", draft.permissions());
        if (!update && draft.id() != null && draft.id() < 1) {
            rules.fail("id must be a positive whole number");
        }
        if (update) {
            rules.present("permissions", draft.permissions()).present("revision", draft.revision());
        }
        rules.check();
    }

    /** Adds the named permissions the role lacks, each one the caller holds itself. */
    private void grant(User caller, Role role, Iterable<String> names) {
        List<String> refused = new ArrayList<>();
        for (String name : names) {
            if (!role.grants(name)) {
                if (!AdminGrants.canGrant(caller, name)) {
                    refused.add(name);
                } else {
                    // Found (or made, which flushes) first: a flush may replace the new role's set.
                    Permission permission = permission(role.organization(), name);
                    role.permissions().add(permission);
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new NotPermittedException(
                    "Only a holder of a permission may grant it: " + String.join(", ", refused));
        }
    }

    /** The organization's own row of the permission, else a shared one, else a new row of the organization. */
    private Permission permission(Organization organization, String name) {
        List<Permission> rows = em.createQuery(
                        "select p from Permission p left join p.organization o"
                                + " where p.name = :name and (o.id = :organization or o is null)"
                                + " order by p.id",
                        Permission.class)
                .setParameter("name", name)
                .setParameter("organization", organization.id())
                .getResultList();
        return rows.stream()
                .filter(p -> p.organization() != null)
                .findFirst()
                .or(() -> rows.stream().findFirst())
                .orElseGet(() -> {
                    Permission made = new Permission(next("select max(p.id) from Permission p"), name, organization);
                    em.persist(made);
                    return made;
                });
    }

    /** The next id of a table numbered by hand (the seeded roles and permissions carry the spec's ids). */
    private long next(String maxQuery) {
        // Written first, so the maximum counts them; under the organization's lock a clash is a
        // concurrent write in another organization.
        Constraints.flushConflicts(em, CONCURRENT, CONCURRENT, null);
        Long max = em.createQuery(maxQuery, Long.class).getSingleResult();
        return (max == null ? 0 : max) + 1;
    }

    private static void known(String permission) {
        if (!Permissions.CATALOGUE.contains(permission)) {
            throw new UnknownEntityException("Permission");
        }
    }

    private Role of(String organizationId, String roleId, LockModeType lock) {
        Long id = number(roleId);
        Role role = id == null ? null : em.find(Role.class, id, lock);
        if (role == null || !role.organization().id().equals(organizationId)) {
            throw new UnknownEntityException("Role");
        }
        return role;
    }

    private static Long number(String id) {
        try {
            return id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void evict(String organizationId, Role role) {
        cache.evict(Role.class, role.id());
        cache.evict(Organization.class, organizationId);
    }

    private static String description(RoleDraft draft) {
        return draft.description() == null ? "" : draft.description().strip();
    }

    private void readable(String callerId, String organizationId) {
        User caller = AdminGrants.caller(em, callerId);
        AdminGrants.require(AdminGrants.canRead(caller, organizationId), Permissions.MANAGE_ROLES, organizationId);
    }

    private User writer(String callerId, String organizationId) {
        User caller = AdminGrants.caller(em, callerId);
        AdminGrants.require(
                AdminGrants.canManage(caller, Permissions.MANAGE_ROLES, organizationId),
                Permissions.MANAGE_ROLES,
                organizationId);
        return caller;
    }

    private long count(String jpql, Object id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }
}
