package org.anteroom.bridge;

import java.util.Optional;

import org.anteroom.chat.ChatRole;
import org.anteroom.chat.ChatType;
import org.anteroom.chat.MessageKind;

/**
 * The protocol's numbers and names for the chat domain's words (chatbot-protocol.md, section 8),
 * each table one exhaustive {@code switch}: a new word in the domain does not compile until the
 * bridge has its code. Only roles come in from the wire; a name the protocol does not know is no
 * role ({@link #role(String)}), which {@code Chats.changeRole} refuses (312).
 */
final class ChatCodes {

    private ChatCodes() {}

    /** {@code chatType}: 1 p2p, 2 group, 5 favorites, 6 channel. */
    static int chatType(ChatType type) {
        return switch (type) {
            case P2P -> 1;
            case GROUP -> 2;
            case FAVORITES -> 5;
            case CHANNEL -> 6;
        };
    }

    /** A message's {@code type}: 200 text, 201 forwarded message, 202 attachment. */
    static int messageType(MessageKind kind) {
        return switch (kind) {
            case TEXT -> 200;
            case FORWARD -> 201;
            case FILE -> 202;
        };
    }

    /** A participant's {@code role}. */
    static String role(ChatRole role) {
        return switch (role) {
            case OWNER -> "owner";
            case ADMIN -> "admin";
            case USER -> "user";
            case CONF_OWNER -> "conf_owner";
            case CONF_MODERATOR -> "conf_moderator";
            case FAVORITES_OWNER -> "favorites_owner";
            case WRITER -> "writer";
        };
    }

    /** The role a protocol name names; empty for a name the protocol does not have (names are lower case). */
    static Optional<ChatRole> role(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (name) {
                    case "owner" -> ChatRole.OWNER;
                    case "admin" -> ChatRole.ADMIN;
                    case "user" -> ChatRole.USER;
                    case "conf_owner" -> ChatRole.CONF_OWNER;
                    case "conf_moderator" -> ChatRole.CONF_MODERATOR;
                    case "favorites_owner" -> ChatRole.FAVORITES_OWNER;
                    case "writer" -> ChatRole.WRITER;
                    default -> null;
                });
    }
}
