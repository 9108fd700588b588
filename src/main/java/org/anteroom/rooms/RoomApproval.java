package org.anteroom.rooms;

import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The spec's "userRoom": a person who may enter a room without asking again. It names a user, or,
 * for an invitation to someone who never logged in, an email address. Unique per (room, user) and
 * (room, email) in the database, so racing approvals leave one row.
 */
@Entity
@Cacheable(false)
@Table(name = "room_approval")
public class RoomApproval {

    @Id
    private String id;

    @Column(name = "room_id")
    private String roomId;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "invitee_email")
    private String inviteeEmail;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    protected RoomApproval() {}

    public RoomApproval(String id, String roomId, String userId, String inviteeEmail, String approvedBy, Instant at) {
        this.id = id;
        this.roomId = roomId;
        this.userId = userId;
        this.inviteeEmail = inviteeEmail;
        this.approvedBy = approvedBy;
        this.approvedAt = at;
    }

    public String roomId() {
        return roomId;
    }

    public String userId() {
        return userId;
    }
}
