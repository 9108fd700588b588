package org.anteroom.rooms;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.anteroom.directory.Facility;

/**
 * A room. A legacy facility room has a facility and a code (its legacy id, like {@code poda},
 * unique within the facility); its primary key is still a UUID so presence can address it.
 */
@Entity
@Cacheable
@Table(name = "room")
public class Room {

    @Id
    private String id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "facility_id")
    private Facility facility;

    private String code;

    private String shortname;

    private String name;

    private Instant created;

    private Instant modified;

    @Column(name = "created_by")
    private String createdBy;

    /**
     * Raised by every administrator's change of a facility room (decision 0020); occupancy changes only
     * {@code modified}, so they do not make an administrator's copy stale.
     */
    private long revision;

    protected Room() {}

    public Room(String id, Facility facility, String code, String name, Instant now) {
        this.id = id;
        this.facility = facility;
        this.code = code;
        this.name = name;
        this.created = now;
        this.modified = now;
    }

    /** A presence room: no facility, a shortname from the start, and the user who created it. */
    public static Room presence(String id, String name, String shortname, String createdBy, Instant now) {
        Room room = new Room(id, null, null, name, now);
        room.shortname = shortname;
        room.createdBy = createdBy;
        return room;
    }

    public String id() {
        return id;
    }

    public Facility facility() {
        return facility;
    }

    public String code() {
        return code;
    }

    public String shortname() {
        return shortname;
    }

    /** A room keeps its shortname once it has one: links that were sent must keep working. */
    public void giveShortname(String shortname) {
        if (this.shortname != null) {
            throw new IllegalStateException("A room's shortname never changes");
        }
        this.shortname = shortname;
    }

    public String name() {
        return name;
    }

    public Instant created() {
        return created;
    }

    public Instant modified() {
        return modified;
    }

    public Optional<String> createdBy() {
        return Optional.ofNullable(createdBy);
    }

    public long revision() {
        return revision;
    }

    /** An administrator renamed the facility room. */
    void rename(String name, Instant now) {
        this.name = name;
        this.modified = now;
        revision++;
    }

    /** Who is in the room changed: clients polling with {@code modified=} see it again. */
    public void touch(Instant now) {
        this.modified = now;
    }
}
