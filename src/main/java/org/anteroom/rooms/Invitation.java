package org.anteroom.rooms;

import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An invitation of an email address into a room. Pending until that person enters the room; inviting
 * the same address again refreshes it (new sender and date) instead of adding a second card.
 */
@Entity
@Cacheable(false)
@Table(name = "invitation")
public class Invitation {

    @Id
    private String id;

    @Column(name = "room_id")
    private String roomId;

    @Column(name = "invitee_email")
    private String inviteeEmail;

    @Column(name = "invitee_key")
    private String inviteeKey;

    @Column(name = "invited_by")
    private String invitedBy;

    @Column(name = "invited_date")
    private Instant invitedDate;

    private Instant created;

    private Instant modified;

    private boolean consumed;

    protected Invitation() {}

    public Invitation(String id, String roomId, String inviteeEmail, String inviteeKey, String invitedBy, Instant now) {
        this.id = id;
        this.roomId = roomId;
        this.inviteeEmail = inviteeEmail;
        this.inviteeKey = inviteeKey;
        this.invitedBy = invitedBy;
        this.invitedDate = now;
        this.created = now;
        this.modified = now;
    }

    public void renew(String inviteeEmail, String invitedBy, Instant now) {
        this.inviteeEmail = inviteeEmail;
        this.invitedBy = invitedBy;
        this.invitedDate = now;
        this.modified = now;
        this.consumed = false;
    }

    public void consume(Instant now) {
        this.consumed = true;
        this.modified = now;
    }

    public String id() {
        return id;
    }

    public String roomId() {
        return roomId;
    }

    public String inviteeEmail() {
        return inviteeEmail;
    }

    public String invitedBy() {
        return invitedBy;
    }

    public Instant invitedDate() {
        return invitedDate;
    }

    public Instant created() {
        return created;
    }

    public Instant modified() {
        return modified;
    }

    public boolean consumed() {
        return consumed;
    }
}
