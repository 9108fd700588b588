package org.anteroom.rooms;

import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone waiting to be let into a room. Unique per (room, user) in the database. */
@Entity
@Cacheable(false)
@Table(name = "join_request")
public class JoinRequest {

    @Id
    private String id;

    @Column(name = "room_id")
    private String roomId;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "requested_at")
    private Instant requestedAt;

    protected JoinRequest() {}

    public JoinRequest(String id, String roomId, String userId, Instant at) {
        this.id = id;
        this.roomId = roomId;
        this.userId = userId;
        this.requestedAt = at;
    }

    public String roomId() {
        return roomId;
    }

    public String userId() {
        return userId;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    /** Asking again keeps one request and moves it to the back of nobody's queue: just its time. */
    public void renew(Instant at) {
        this.requestedAt = at;
    }
}
