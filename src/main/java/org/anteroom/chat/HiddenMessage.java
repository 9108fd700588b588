package org.anteroom.chat;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A message one participant removed for itself only ({@code removeMessage} with {@code forAll: false}). */
@Entity
@IdClass(HiddenMessage.Key.class)
@Table(name = "message_hidden")
public class HiddenMessage {

    @Id
    @Column(name = "message_id")
    private long messageId;

    @Id
    @Column(name = "user_id")
    private String userId;

    protected HiddenMessage() {}

    HiddenMessage(long messageId, String userId) {
        this.messageId = messageId;
        this.userId = userId;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long messageId;
        private String userId;

        public Key() {}

        Key(long messageId, String userId) {
            this.messageId = messageId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.messageId == messageId && key.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, userId);
        }
    }
}
