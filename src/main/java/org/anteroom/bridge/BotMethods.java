package org.anteroom.bridge;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.anteroom.chat.ChatFiles;
import org.anteroom.chat.ChatFiles.Limits;
import org.anteroom.chat.ChatType;
import org.anteroom.chat.Chats;
import org.anteroom.chat.Messages;
import org.anteroom.chat.UnknownMessageException;
import org.anteroom.chat.Views.ChatView;
import org.anteroom.chat.Views.FileView;
import org.anteroom.chat.Views.MessageView;
import org.anteroom.chat.Views.ParticipantView;

/**
 * Every client method of chatbot-protocol.md (section 6), each a thin translation between a payload
 * and a chat facade. Unknown methods, and the survey methods we do not implement, are 307.
 */
@ApplicationScoped
class BotMethods {

    private static final Set<String> NOT_IMPLEMENTED = Set.of("sendSurvey", "editSurvey");
    private static final int PAGE_MAX = 1000;

    @FunctionalInterface
    interface Method {
        JsonValue call(BotConnection connection, Payload payload);
    }

    @Inject
    Chats chats;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    Messages messages;

    @Inject
    ChatFiles files;

    @Inject
    BotConnections connections;

    @Inject
    Clock clock;

    private final Map<String, Method> table = new HashMap<>();

    @PostConstruct
    void register() {
        // Messages
        table.put("sendMessage", (c, p) -> {
            Payload content = p.object("content");
            return sent(messages.send(
                    c.userId(), p.id("chatId"), content.text("text"), content.optionalText("parseMode"), replyTo(p)));
        });
        table.put("editMessage", (c, p) -> {
            Payload content = p.object("content");
            MessageView edited = messages.edit(
                    c.userId(), p.id("messageId"), content.text("text"), content.optionalText("parseMode"));
            return Json.createObjectBuilder()
                    .add("messageId", Long.toString(edited.id()))
                    .add("timestamp", clock.millis())
                    .build();
        });
        table.put("removeMessage", (c, p) -> {
            messages.remove(c.userId(), p.id("messageId"), p.bool("forAll", false));
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        table.put("forwardMessage", (c, p) -> sent(messages.forward(c.userId(), p.id("messageId"), p.id("chatId"))));
        table.put("getMessageById", (c, p) -> ChatJson.message(messages.get(c.userId(), p.id("messageId"))));
        table.put("getChatHistory", (c, p) -> {
            String chatId = p.id("chatId");
            JsonArrayBuilder list = Json.createArrayBuilder();
            messages.history(
                            c.userId(),
                            chatId,
                            p.integer("count", 50, 1, Messages.HISTORY_MAX),
                            p.optionalId("fromMessageId"))
                    .forEach(m -> list.add(ChatJson.message(m)));
            JsonValue array = list.build();
            return Json.createObjectBuilder()
                    .add("count", array.asJsonArray().size())
                    .add("chatId", chatId)
                    .add("messages", array)
                    .build();
        });
        // Chats
        table.put("createP2PChat", (c, p) -> chatId(chats.p2p(c.userId(), BotIds.login(p.text("userId")))));
        table.put("createGroupChat", (c, p) -> chatId(chats.create(c.userId(), ChatType.GROUP, title(p))));
        table.put("createChannel", (c, p) -> chatId(chats.create(c.userId(), ChatType.CHANNEL, title(p))));
        table.put("createFavoritesChat", (c, p) -> chatId(chats.favorites(c.userId())));
        // The unread counts include every acknowledgement taken in so far.
        table.put("getChats", (c, p) -> {
            acknowledgements.flush();
            JsonArrayBuilder list = Json.createArrayBuilder();
            chats.list(c.userId(), p.integer("count", 100, 1, PAGE_MAX), p.integer("page", 1, 1, Integer.MAX_VALUE))
                    .forEach(chat -> list.add(ChatJson.chat(chat, c.baseUrl())));
            return list.build();
        });
        table.put("getChatByID", (c, p) -> {
            acknowledgements.flush();
            return ChatJson.chat(chats.view(c.userId(), p.id("chatId")), c.baseUrl());
        });
        table.put("removeChat", (c, p) -> {
            chats.remove(c.userId(), p.id("chatId"));
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        table.put("clearHistory", (c, p) -> {
            chats.clearHistory(c.userId(), p.id("chatId"), p.bool("forAll", false));
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        table.put("editChatTitle", (c, p) -> {
            String chatId = p.id("chatId");
            long at = chats.retitle(c.userId(), chatId, p.text("title")).toEpochMilli();
            return Json.createObjectBuilder()
                    .add("chatId", chatId)
                    .add("timestamp", at)
                    .build();
        });
        table.put("editChatAvatar", (c, p) -> {
            FileView avatar = chats.avatar(c.userId(), p.id("chatId"), p.id("temporalFileId"));
            return Json.createObjectBuilder()
                    .add("avatarUrl", ChatJson.downloadUrl(c.baseUrl(), avatar, false))
                    .build();
        });
        // Participants
        table.put("addChatParticipant", (c, p) -> {
            chats.add(c.userId(), p.id("chatId"), BotIds.login(p.text("userId")), p.bool("displayHistory", true));
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        table.put("removeChatParticipant", (c, p) -> {
            p.bool("clearHistory", false);
            chats.removeParticipant(c.userId(), p.id("chatId"), BotIds.login(p.text("userId")));
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        table.put("getChatParticipants", (c, p) -> {
            JsonArrayBuilder list = Json.createArrayBuilder();
            chats.participants(
                            c.userId(),
                            p.id("chatId"),
                            p.integer("pageSize", 100, 1, PAGE_MAX),
                            p.integer("pageNumber", 1, 1, Integer.MAX_VALUE))
                    .forEach(participant -> list.add(participant(participant)));
            return Json.createObjectBuilder().add("participants", list).build();
        });
        table.put(
                "getChatParticipant",
                (c, p) -> participant(chats.participant(c.userId(), p.id("chatId"), BotIds.login(p.text("userId")))));
        table.put(
                "hasChatParticipant",
                (c, p) -> result(chats.has(c.userId(), p.id("chatId"), BotIds.login(p.text("userId")))));
        table.put("changeParticipantRole", (c, p) -> {
            chats.changeRole(
                    c.userId(),
                    p.id("chatId"),
                    BotIds.login(p.text("userId")),
                    ChatCodes.role(p.text("role")).orElse(null));
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        table.put(
                "getUserDisplayName",
                (c, p) -> Json.createObjectBuilder()
                        .add("displayName", chats.displayName(BotIds.login(p.text("userId"))))
                        .build());
        // Files
        table.put(
                "uploadFile",
                (c, p) -> Json.createObjectBuilder()
                        .add("uploadTaskId", files.announce(c.userId(), p.text("fileName"), p.size("fileSize")))
                        .build());
        table.put("sendFile", (c, p) -> {
            Payload content = p.object("content");
            Payload caption = content.optionalObject("caption");
            MessageView sent = messages.sendFile(
                    c.userId(),
                    p.id("chatId"),
                    content.id("temporalFileId"),
                    caption == null ? null : caption.text("text"),
                    caption == null ? null : caption.optionalText("parseMode"),
                    replyTo(p));
            return Json.createObjectBuilder(sent(sent))
                    .add("fileId", sent.file().id())
                    .build();
        });
        table.put("getFileInfo", (c, p) -> ChatJson.file(files.info(c.userId(), p.id("fileId")), c.baseUrl()));
        table.put("getFileUploadLimits", (c, p) -> limits(files.limits()));
        table.put("subscribeFileProgress", (c, p) -> {
            FileView file = files.info(c.userId(), p.id("fileId"));
            // Files are complete before anyone can name them: the progress is all there is, at once.
            connections.push(
                    c.userId(),
                    "uploadFileProgress",
                    Json.createObjectBuilder()
                            .add("fileId", file.id())
                            .add("progress", file.size())
                            .build()
                            .toString(),
                    0);
            return result(true);
        });
        table.put("unsubscribeFileProgress", (c, p) -> {
            files.info(c.userId(), p.id("fileId"));
            return result(true);
        });
    }

    JsonValue call(BotConnection connection, String method, Payload payload) {
        Method handler = table.get(method);
        if (handler == null) {
            throw new FrameException(
                    ErrorCodes.UNKNOWN_MESSAGE,
                    NOT_IMPLEMENTED.contains(method)
                            ? "Surveys are not supported by this server"
                            : "Unknown method " + method);
        }
        return handler.call(connection, payload);
    }

    static JsonObject limits(Limits limits) {
        JsonArrayBuilder extensions = Json.createArrayBuilder();
        limits.extensions().forEach(extensions::add);
        return Json.createObjectBuilder()
                .add(
                        "extensions",
                        Json.createObjectBuilder().add("mode", limits.mode()).add("list", extensions))
                .add("maxSize", limits.maxBytes())
                .build();
    }

    private static Long replyTo(Payload p) {
        String reply = p.optionalId("replyMessageId");
        if (reply == null) {
            return null;
        }
        try {
            return Long.parseLong(reply);
        } catch (NumberFormatException e) {
            throw new UnknownMessageException();
        }
    }

    /** The group or channel title: {@code title}, or {@code name} as the official example has it. */
    private static String title(Payload p) {
        String title = p.optionalText("title");
        return title != null ? title : p.text("name");
    }

    private static JsonObject sent(MessageView message) {
        return Json.createObjectBuilder()
                .add("chatId", message.chatId())
                .add("messageId", Long.toString(message.id()))
                .add("timestamp", message.sent().toEpochMilli())
                .build();
    }

    private static JsonObject chatId(ChatView chat) {
        return Json.createObjectBuilder().add("chatId", chat.id()).build();
    }

    private static JsonObject participant(ParticipantView participant) {
        return Json.createObjectBuilder()
                .add("userId", BotIds.of(participant.user()))
                .add("role", ChatCodes.role(participant.role()))
                .add("type", 1)
                .build();
    }

    private static JsonObject result(boolean result) {
        return Json.createObjectBuilder().add("result", result).build();
    }
}
