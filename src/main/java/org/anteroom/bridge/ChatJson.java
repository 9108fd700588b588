package org.anteroom.bridge;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.anteroom.chat.Author;
import org.anteroom.chat.Content;
import org.anteroom.chat.MessageKind;
import org.anteroom.chat.Views.ChatView;
import org.anteroom.chat.Views.FileView;
import org.anteroom.chat.Views.MessageView;
import org.anteroom.chat.Views.Origin;

/** The protocol's objects (chatbot-protocol.md, section 8) made from the chat domain's views. */
final class ChatJson {

    static final int READY = 2;
    static final int UPLOADING = 1;

    private ChatJson() {}

    static JsonObject author(Author author) {
        return Json.createObjectBuilder()
                .add("id", BotIds.of(author))
                .add("type", author.system() ? 0 : 1)
                .build();
    }

    /** The message object of {@code sendMessage} events, {@code getMessageById} and histories. */
    static JsonObject message(MessageView message) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("messageId", Long.toString(message.id()))
                .add("chatId", message.chatId())
                .add("timestamp", message.sent().toEpochMilli())
                .add("type", ChatCodes.messageType(message.kind()))
                .add("author", author(message.author()))
                .add("box", box(message.id()))
                .add("isEdited", message.edited());
        if (message.origin() != null) {
            Origin origin = message.origin();
            json.add(
                    "content",
                    Json.createObjectBuilder()
                            .add("messageId", Long.toString(origin.id()))
                            .add("chatId", message.chatId())
                            .add("timestamp", origin.sent().toEpochMilli())
                            .add("type", ChatCodes.messageType(origin.kind()))
                            .add("author", author(origin.author()))
                            .add("box", box(origin.id()))
                            .add("content", content(origin.kind(), message.content(), message.file()))
                            .add("isEdited", false));
        } else {
            json.add("content", content(message.kind(), message.content(), message.file()));
        }
        if (message.replyTo() != null) {
            json.add("replyMessageId", Long.toString(message.replyTo()));
        }
        return json.build();
    }

    /** The shorter last-message object inside chat objects. */
    static JsonValue lastMessage(MessageView message) {
        if (message == null) {
            return JsonValue.NULL;
        }
        JsonObject full = message(message);
        return Json.createObjectBuilder()
                .add("messageId", full.get("messageId"))
                .add("timestamp", full.get("timestamp"))
                .add("author", full.get("author"))
                .add("type", full.get("type"))
                .add("content", full.get("content"))
                .build();
    }

    static JsonObject chat(ChatView chat, String baseUrl) {
        return Json.createObjectBuilder()
                .add("chatId", chat.id())
                .add("title", chat.title() == null ? JsonValue.NULL : Json.createValue(chat.title()))
                .add("chatType", ChatCodes.chatType(chat.type()))
                .add("unreadMessages", chat.unread())
                .add(
                        "avatarUrl",
                        chat.avatar() == null
                                ? JsonValue.NULL
                                : Json.createValue(downloadUrl(baseUrl, chat.avatar(), false)))
                .add("lastMessage", lastMessage(chat.lastMessage()))
                .build();
    }

    static JsonObject textContent(Content content) {
        return Json.createObjectBuilder()
                .add("text", content.text())
                .add("parseMode", content.parseMode())
                .build();
    }

    private static JsonObject content(MessageKind kind, Content content, FileView file) {
        if (kind != MessageKind.FILE || file == null) {
            return textContent(content);
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", file.name())
                .add("size", file.size())
                .add("fileId", file.id())
                .add("mimeType", file.mimeType() == null ? "application/octet-stream" : file.mimeType())
                .add("readyState", file.ready() ? READY : UPLOADING);
        if (content.text() != null) {
            json.add("caption", textContent(content));
        }
        return json.build();
    }

    /** The file's info ({@code getFileInfo}), with its download URLs under the given base. */
    static JsonObject file(FileView file, String baseUrl) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("fileId", file.id())
                .add("name", file.name())
                .add("size", file.size())
                .add("mimeType", file.mimeType() == null ? "application/octet-stream" : file.mimeType())
                .add("readyState", file.ready() ? READY : UPLOADING)
                .add(
                        "downloadUrl",
                        file.ready() ? Json.createValue(downloadUrl(baseUrl, file, false)) : JsonValue.NULL);
        var previews = Json.createArrayBuilder();
        if (file.ready() && file.hasPreview()) {
            previews.add(Json.createObjectBuilder()
                    .add("name", file.name())
                    .add("size", file.size())
                    .add("mimeType", file.mimeType())
                    .add("downloadUrl", downloadUrl(baseUrl, file, true)));
        }
        return json.add("previews", previews).build();
    }

    static String downloadUrl(String baseUrl, FileView file, boolean preview) {
        return baseUrl + FilesServlet.PATH + "/" + file.id() + "/" + file.downloadSecret()
                + (preview ? "/preview" : "");
    }

    private static JsonObject box(long id) {
        return Json.createObjectBuilder().add("id", id).add("position", "0").build();
    }
}
