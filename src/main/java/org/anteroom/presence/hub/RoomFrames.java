package org.anteroom.presence.hub;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.anteroom.presence.RoomFacts.MemberFact;

/**
 * The hub messages about a room (docs/hub-events.md), one record per shape, serialized by JSON-B; the
 * members' absent values are explicit nulls ({@link MemberFact}). One record per shape rather than one
 * with optional fields: JSON-B writes a null member as {@code null}, since the member type is nillable.
 * Public only because JSON-B reads them.
 */
public final class RoomFrames {

    private RoomFrames() {}

    /** The room a message is about; {@code shortname} is empty for a room without one. */
    @JsonbPropertyOrder({"uuid", "name", "shortname"})
    public record RoomRef(String uuid, String name, String shortname) {}

    /** {@code waiting}. */
    @JsonbPropertyOrder({"type", "at", "room"})
    public record Plain(String type, long at, RoomRef room) {}

    /** {@code join-requested}, {@code member-joined}. */
    @JsonbPropertyOrder({"type", "at", "room", "user"})
    public record OfMember(String type, long at, RoomRef room, MemberFact user) {}

    /** {@code member-left}. */
    @JsonbPropertyOrder({"type", "at", "room", "user", "reason"})
    public record Left(String type, long at, RoomRef room, MemberFact user, String reason) {}

    /** {@code approved}. */
    @JsonbPropertyOrder({"type", "at", "room", "approvedBy"})
    public record Approved(String type, long at, RoomRef room, MemberFact approvedBy) {}

    /** {@code kicked}. */
    @JsonbPropertyOrder({"type", "at", "room", "kickedBy"})
    public record Kicked(String type, long at, RoomRef room, MemberFact kickedBy) {}

    /** {@code invited}: {@code invitedDate} in epoch milliseconds. */
    @JsonbPropertyOrder({"type", "at", "room", "invitedBy", "invitedDate"})
    public record Invited(String type, long at, RoomRef room, MemberFact invitedBy, long invitedDate) {}
}
