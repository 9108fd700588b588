package org.anteroom.presence;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.anteroom.rooms.Invitations.Inviter;
import org.anteroom.rooms.Invitations.Pending;
import org.anteroom.rooms.RoomView;

/** The presence wire records of rooms, invitations and tokens, shaped like the spec's samples. */
public final class RoomFacts {

    private RoomFacts() {}

    /**
     * A person in a room, in the REST answers and the hub frames alike: the user record without
     * permissions, built by {@link MemberCodec} only; absent values are explicit nulls.
     */
    @JsonbNillable
    @JsonbPropertyOrder({"uuid", "name", "device", "type", "created", "modified", "method", "room"})
    public record MemberFact(
            String uuid,
            String name,
            String device,
            String type,
            long created,
            long modified,
            String method,
            String room) {}

    /** A room; {@code members} is left out for a caller not approved for the room. */
    @JsonbPropertyOrder({"uuid", "name", "shortname", "members"})
    public record RoomFact(String uuid, String name, String shortname, List<MemberFact> members) {

        static RoomFact of(RoomView view) {
            return new RoomFact(
                    view.room().id(),
                    view.room().name(),
                    view.room().shortname(),
                    view.members() == null
                            ? null
                            : view.members().stream().map(MemberCodec::of).toList());
        }
    }

    /** {@code POST /rooms/{room}/join}: {@code joined} (in the room now) or {@code waiting} (for approval). */
    @JsonbPropertyOrder({"status", "room"})
    public record JoinFact(String status, RoomFact room) {}

    @JsonbPropertyOrder({"uuid", "name", "uid"})
    public record InviterFact(String uuid, String name, String uid) {}

    /** {@code GET /invites}: one pending invitation. */
    @JsonbPropertyOrder({"uuid", "created", "modified", "uid", "room", "shortname", "name", "invitedDate", "invitedBy"})
    public record InvitationFact(
            String uuid,
            long created,
            long modified,
            String uid,
            String room,
            String shortname,
            String name,
            long invitedDate,
            InviterFact invitedBy) {

        static InvitationFact of(Pending pending) {
            Inviter inviter = pending.invitedBy();
            return new InvitationFact(
                    pending.id(),
                    pending.created().toEpochMilli(),
                    pending.modified().toEpochMilli(),
                    pending.inviteeEmail(),
                    pending.room().id(),
                    pending.room().shortname(),
                    pending.room().name(),
                    pending.invitedDate().toEpochMilli(),
                    new InviterFact(inviter.uuid(), inviter.name(), inviter.email()));
        }
    }

    /** {@code GET /jwt}. */
    public record TokenBody(String token) {}

    /** {@code GET /negotiate}: where the realtime socket is and the token that opens it. */
    @JsonbPropertyOrder({"path", "token"})
    public record NegotiateFact(String path, String token) {}
}
