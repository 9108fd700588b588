package org.anteroom.bridge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import org.anteroom.chat.ChatEvent;
import org.anteroom.chat.ChatEvent.AvatarEdited;
import org.anteroom.chat.ChatEvent.ChatCreated;
import org.anteroom.chat.ChatEvent.ChatRemoved;
import org.anteroom.chat.ChatEvent.HistoryCleared;
import org.anteroom.chat.ChatEvent.MessageEdited;
import org.anteroom.chat.ChatEvent.MessagePosted;
import org.anteroom.chat.ChatEvent.MessageRemoved;
import org.anteroom.chat.ChatEvent.ParticipantAdded;
import org.anteroom.chat.ChatEvent.ParticipantRemoved;
import org.anteroom.chat.ChatEvent.RoleChanged;
import org.anteroom.chat.ChatEvent.TitleEdited;
import org.anteroom.chat.ChatType;
import org.anteroom.platform.AfterCommit;
import org.anteroom.platform.Elsewhere;

/**
 * Turns committed chat events into bot events (chatbot-protocol.md, section 7) for the recipients'
 * open bot sockets. Observed inside the firing transaction and sent through {@link AfterCommit}, so a
 * transaction's events reach a bot once it committed and in the order they were fired (a member's
 * removal before that of the member's bots). Each payload is serialized once and only queued here, so
 * the request that caused the event is not held up by any socket.
 */
@ApplicationScoped
class ChatRelay {

    @Inject
    BotConnections connections;

    @Inject
    Clock clock;

    @Inject
    AfterCommit afterCommit;

    void relay(@Observes ChatEvent event) {
        afterCommit.run(() -> send(event));
    }

    /** Another node committed it: the bots connected here get it from here. */
    void relay(@Observes Elsewhere committed) {
        if (committed.event() instanceof ChatEvent event) {
            send(event);
        }
    }

    private void send(ChatEvent event) {
        if (event instanceof MessagePosted e) {
            send(
                    e.recipients(),
                    "sendMessage",
                    ChatJson.message(e.message()).toString(),
                    e.message().id());
        } else if (event instanceof MessageEdited e) {
            send(
                    e.recipients(),
                    "editMessage",
                    Json.createObjectBuilder()
                            .add("messageId", Long.toString(e.message().id()))
                            .add("chatId", e.message().chatId())
                            .add("timestamp", clock.millis())
                            .add("content", ChatJson.textContent(e.message().content()))
                            .build()
                            .toString(),
                    0);
        } else if (event instanceof MessageRemoved e) {
            send(
                    e.recipients(),
                    "removeMessage",
                    Json.createObjectBuilder()
                            .add("chatId", e.chatId())
                            .add("messageId", Long.toString(e.messageId()))
                            .add("removedBy", ChatJson.author(e.removedBy()))
                            .build()
                            .toString(),
                    0);
        } else if (event instanceof ParticipantAdded e) {
            send(
                    e.recipients(),
                    "addChatParticipant",
                    participant(e.chatId(), e.at())
                            .add("userId", BotIds.of(e.user()))
                            .add("addedBy", ChatJson.author(e.addedBy()))
                            .build()
                            .toString(),
                    0);
        } else if (event instanceof ParticipantRemoved e) {
            send(
                    e.recipients(),
                    "removeChatParticipant",
                    participant(e.chatId(), e.at())
                            .add("userId", BotIds.of(e.user()))
                            .add("removedBy", ChatJson.author(e.removedBy()))
                            .build()
                            .toString(),
                    0);
        } else if (event instanceof RoleChanged e) {
            send(
                    e.recipients(),
                    "changeParticipantRole",
                    participant(e.chatId(), e.at())
                            .add("userId", BotIds.of(e.user()))
                            .add("role", ChatCodes.role(e.role()))
                            .build()
                            .toString(),
                    0);
        } else if (event instanceof ChatCreated e) {
            send(
                    e.recipients(),
                    created(e.chat().type()),
                    connection -> ChatJson.chat(e.chat(), connection.baseUrl()).toString());
        } else if (event instanceof ChatRemoved e) {
            send(
                    e.recipients(),
                    "removeChat",
                    Json.createObjectBuilder().add("chatId", e.chatId()).build().toString(),
                    0);
        } else if (event instanceof TitleEdited e) {
            send(
                    e.recipients(),
                    "editChatTitle",
                    Json.createObjectBuilder()
                            .add("chatId", e.chatId())
                            .add("title", e.title())
                            .add("timestamp", e.at().toEpochMilli())
                            .build()
                            .toString(),
                    0);
        } else if (event instanceof AvatarEdited e) {
            send(
                    e.recipients(),
                    "editChatAvatar",
                    connection -> Json.createObjectBuilder()
                            .add("chatId", e.chatId())
                            .add("avatarUrl", ChatJson.downloadUrl(connection.baseUrl(), e.avatar(), false))
                            .build()
                            .toString());
        } else if (event instanceof HistoryCleared e) {
            send(
                    e.recipients(),
                    "clearHistory",
                    Json.createObjectBuilder()
                            .add("chatId", e.chatId())
                            .add("forAll", e.forAll())
                            .build()
                            .toString(),
                    0);
        }
    }

    private void send(List<String> recipients, String method, String payload, long messageId) {
        recipients.forEach(user -> connections.push(user, method, payload, messageId));
    }

    private void send(List<String> recipients, String method, Function<BotConnection, String> payload) {
        recipients.forEach(user -> connections.push(user, method, payload, 0));
    }

    private static JsonObjectBuilder participant(String chatId, Instant at) {
        return Json.createObjectBuilder().add("timestamp", at.toEpochMilli()).add("chatId", chatId);
    }

    /** The event that announces a new chat: the name of the method that creates its kind. */
    private static String created(ChatType type) {
        return switch (type) {
            case P2P -> "createP2PChat";
            case GROUP -> "createGroupChat";
            case CHANNEL -> "createChannel";
            case FAVORITES -> "createFavoritesChat";
        };
    }
}
