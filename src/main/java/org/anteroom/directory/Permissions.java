package org.anteroom.directory;

import java.util.List;

/**
 * The names of the permission catalogue, and what each guards. docs/permissions.md is the
 * administrator's copy of this list; keep the two together.
 */
public final class Permissions {

    /** Register users as an administrator (and choose their status). */
    public static final String CREATE_USER = "create_user";
    /** List and read users of every organization. */
    public static final String LIST_USERS_FROM_ALL_ORGANIZATIONS = "list_users_from_all_organizations";
    /** List users of the caller's own organization. */
    public static final String LIST_USERS_FROM_CURRENT_ORGANIZATION = "list_users_from_current_organization";
    /** List users of the caller's own facility. */
    public static final String LIST_USERS_FROM_CURRENT_FACILITY = "list_users_from_current_facility";
    /** Read another user's record within the caller's organization. */
    public static final String READ_USER = "read_user";
    /** Update another user's record (names, organization, facility, role, status). */
    public static final String UPDATE_USER = "update_user";
    /** Deactivate another user. */
    public static final String DELETE_USER = "delete_user";
    /** Patient lists of the caller's facility (kept for legacy clients that check it). */
    public static final String LIST_PATIENTS_FROM_CURRENT_FACILITY = "list_patients_from_current_facility";
    /** Create presence rooms. */
    public static final String ROOMS_CREATE = "rooms_create";
    /** Remove another member from a presence room. */
    public static final String ROOM_KICK = "room_kick";

    /** Every name above, in this order: what an administrator role that may do everything holds. */
    public static final List<String> CATALOGUE = List.of(
            CREATE_USER,
            LIST_USERS_FROM_ALL_ORGANIZATIONS,
            LIST_USERS_FROM_CURRENT_ORGANIZATION,
            LIST_USERS_FROM_CURRENT_FACILITY,
            READ_USER,
            UPDATE_USER,
            DELETE_USER,
            LIST_PATIENTS_FROM_CURRENT_FACILITY,
            ROOMS_CREATE,
            ROOM_KICK);

    private Permissions() {}
}
