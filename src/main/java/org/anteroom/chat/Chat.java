package org.anteroom.chat;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A chat. A room's group chat has the room's id as its id and follows the room's members; a p2p or
 * favorites chat is unique per pair of users (its {@code pairKey}).
 */
@Entity
@Table(name = "chat")
public class Chat {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "chat_type")
    private ChatType type;

    private String title;

    /** The uploaded file shown as the chat's picture. */
    @Column(name = "avatar_file")
    private String avatarFileId;

    @Column(name = "room_id")
    private String roomId;

    @Column(name = "pair_key")
    private String pairKey;

    private Instant created;

    private Instant modified;

    protected Chat() {}

    Chat(String id, ChatType type, String title, String roomId, String pairKey, Instant now) {
        this.id = id;
        this.type = type;
        this.title = title;
        this.roomId = roomId;
        this.pairKey = pairKey;
        this.created = now;
        this.modified = now;
    }

    public String id() {
        return id;
    }

    public ChatType type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Optional<String> avatarFileId() {
        return Optional.ofNullable(avatarFileId);
    }

    public Optional<String> roomId() {
        return Optional.ofNullable(roomId);
    }

    public Instant modified() {
        return modified;
    }

    void retitle(String title, Instant now) {
        this.title = title;
        touch(now);
    }

    void avatar(String avatarFileId, Instant now) {
        this.avatarFileId = avatarFileId;
        touch(now);
    }

    void touch(Instant now) {
        this.modified = now;
    }
}
