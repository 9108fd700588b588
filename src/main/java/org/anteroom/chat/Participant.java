package org.anteroom.chat;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A user in a chat, with its role. {@code clearedThrough} is the last message id the participant no
 * longer sees: raised by clearing the history, and set on joining without the earlier history.
 * {@code addedBy} is the member who brought a bot into a room's chat: the bot leaves when that member
 * is kicked.
 */
@Entity
@IdClass(Participant.Key.class)
@Table(name = "chat_participant")
public class Participant {

    @Id
    @Column(name = "chat_id")
    private String chatId;

    @Id
    @Column(name = "user_id")
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "participant_role")
    private ChatRole role;

    private Instant joined;

    @Column(name = "cleared_through")
    private long clearedThrough;

    @Column(name = "added_by")
    private String addedBy;

    protected Participant() {}

    Participant(String chatId, String userId, ChatRole role, long clearedThrough, String addedBy, Instant now) {
        this.chatId = chatId;
        this.userId = userId;
        this.role = role;
        this.clearedThrough = clearedThrough;
        this.addedBy = addedBy;
        this.joined = now;
    }

    public String chatId() {
        return chatId;
    }

    public String userId() {
        return userId;
    }

    public ChatRole role() {
        return role;
    }

    long clearedThrough() {
        return clearedThrough;
    }

    void role(ChatRole role) {
        this.role = role;
    }

    void clearThrough(long messageId) {
        this.clearedThrough = Math.max(clearedThrough, messageId);
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String chatId;
        private String userId;

        public Key() {}

        Key(String chatId, String userId) {
            this.chatId = chatId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.chatId.equals(chatId) && key.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chatId, userId);
        }
    }
}
