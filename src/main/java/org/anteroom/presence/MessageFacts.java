package org.anteroom.presence;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.anteroom.chat.Author;
import org.anteroom.chat.MessageKind;
import org.anteroom.chat.Views.FileView;
import org.anteroom.chat.Views.MessageView;

/**
 * A room chat message as presence clients see it, in {@code GET /presence/rooms/{room}/messages} and
 * in the hub's {@code chat-message} events (docs/presence-api.md, docs/hub-events.md).
 */
public final class MessageFacts {

    private MessageFacts() {}

    /** Presence's labels of the message kinds. */
    static String kind(MessageKind kind) {
        return switch (kind) {
            case TEXT -> "text";
            case FILE -> "file";
            case FORWARD -> "forward";
        };
    }

    public static JsonObject of(MessageView message) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", Long.toString(message.id()))
                .add("author", author(message.author()))
                .add("kind", kind(message.kind()))
                .add("text", nullable(message.content().text()))
                .add("parseMode", nullable(message.content().parseMode()))
                .add("timestamp", message.sent().toEpochMilli())
                .add("edited", message.edited())
                .add(
                        "replyTo",
                        message.replyTo() == null
                                ? JsonValue.NULL
                                : Json.createValue(Long.toString(message.replyTo())));
        FileView file = message.file();
        json.add(
                "file",
                file == null
                        ? JsonValue.NULL
                        : Json.createObjectBuilder()
                                .add("id", file.id())
                                .add("name", file.name())
                                .add("size", file.size())
                                .add("mimeType", nullable(file.mimeType()))
                                .build());
        return json.build();
    }

    private static JsonObject author(Author author) {
        return Json.createObjectBuilder()
                .add("uuid", nullable(author.uuid()))
                .add("login", nullable(author.login()))
                .add("name", nullable(author.name()))
                .build();
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }
}
