package org.anteroom.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.anteroom.bridge.Bots.Account;
import org.anteroom.it.Eventually;
import org.anteroom.it.RawWebSocket;
import org.anteroom.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bots talking to each other through Anteroom: every client method's answer shape, the events the
 * other side sees, acknowledgements and the unread backlog, the acknowledgement timeout, and files.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BotChatIT {

    /** Long enough for a backlog that the server would send a moment after the auth answer, on a timer. */
    private static final Duration QUIET = Duration.ofMillis(700);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** 1000 acknowledgements are 1000 transactions: a busy machine may need a minute or more. */
    private static final Duration ACKNOWLEDGEMENTS_TAKEN_IN = Duration.ofMinutes(3);

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void twoBotsTalkInAP2PChatAndEachSeesWhatTheOtherDoes() {
        Server server = new Server(deployment);
        Account alice = Bots.user(server, "alice");
        Account bob = Bots.user(server, "bob");
        try (BotClient a = Bots.bot(server, alice);
                BotClient b = Bots.bot(server, bob)) {
            String chatId = a.call("createP2PChat", "{'userId': '" + bob.username() + "'}")
                    .getString("chatId");
            JsonObject created = b.next("createP2PChat").getJsonObject("payload");
            assertEquals(chatId, created.getString("chatId"));
            assertEquals(1, created.getInt("chatType"));
            assertEquals(JsonValue.NULL, created.get("lastMessage"));
            assertEquals(0, created.getInt("unreadMessages"));
            assertTrue(created.containsKey("title"));
            assertEquals(
                    chatId,
                    b.call("createP2PChat", "{'userId': '" + alice.botId() + "'}")
                            .getString("chatId"),
                    "the existing p2p chat, from either side");

            JsonObject sent = a.call(
                    "sendMessage",
                    "{'chatId': '" + chatId + "', 'replyMessageId': null,"
                            + " 'content': {'text': 'Hello <b>Bob</b>', 'parseMode': 'html'}}");
            assertEquals(List.of("chatId", "messageId", "timestamp"), List.copyOf(sent.keySet()));
            JsonObject message = b.next("sendMessage").getJsonObject("payload");
            assertEquals(sent.getString("messageId"), message.getString("messageId"));
            assertEquals(chatId, message.getString("chatId"));
            assertEquals(
                    sent.getJsonNumber("timestamp").longValue(),
                    message.getJsonNumber("timestamp").longValue());
            assertEquals(200, message.getInt("type"));
            assertEquals(alice.botId(), message.getJsonObject("author").getString("id"));
            assertEquals(1, message.getJsonObject("author").getInt("type"));
            assertTrue(message.getJsonObject("box").containsKey("id"));
            assertTrue(message.getJsonObject("box").containsKey("position"));
            assertEquals("Hello <b>Bob</b>", message.getJsonObject("content").getString("text"));
            assertEquals("html", message.getJsonObject("content").getString("parseMode"));
            assertFalse(message.getBoolean("isEdited"));
            assertTrue(a.sync().isEmpty(), "a bot's own message is not echoed back to it");

            JsonObject reply = b.call(
                    "sendMessage",
                    "{'chatId': '" + chatId + "', 'replyMessageId': '" + sent.getString("messageId")
                            + "', 'content': {'text': 'Hi Alice', 'parseMode': 'text'}}");
            JsonObject replied = a.next("sendMessage").getJsonObject("payload");
            assertEquals(sent.getString("messageId"), replied.getString("replyMessageId"));

            JsonObject byId = b.call("getMessageById", "{'messageId': '" + sent.getString("messageId") + "'}");
            assertEquals(message, byId);
            JsonObject history =
                    a.call("getChatHistory", "{'chatId': '" + chatId + "', 'count': 10, 'fromMessageId': null}");
            assertEquals(2, history.getInt("count"));
            assertEquals(chatId, history.getString("chatId"));
            assertEquals(
                    List.of(sent.getString("messageId"), reply.getString("messageId")),
                    ids(history.getJsonArray("messages")));
            JsonObject older = a.call(
                    "getChatHistory",
                    "{'chatId': '" + chatId + "', 'count': 10, 'fromMessageId': '" + reply.getString("messageId")
                            + "'}");
            assertEquals(List.of(sent.getString("messageId")), ids(older.getJsonArray("messages")));

            JsonArray chats = a.list("getChats", "{'count': 10, 'page': 1}");
            assertEquals(1, chats.size());
            JsonObject chat = chats.getJsonObject(0);
            assertEquals(chatId, chat.getString("chatId"));
            assertEquals(
                    reply.getString("messageId"),
                    chat.getJsonObject("lastMessage").getString("messageId"));
            assertEquals(chat, a.call("getChatByID", "{'chatId': '" + chatId + "'}"));
            assertEquals(0, a.list("getChats", "{'count': 10, 'page': 2}").size());

            JsonObject edited = a.call(
                    "editMessage",
                    "{'messageId': '" + sent.getString("messageId")
                            + "', 'content': {'text': 'Hello Bob!', 'parseMode': 'text'}}");
            assertEquals(sent.getString("messageId"), edited.getString("messageId"));
            assertTrue(edited.containsKey("timestamp"));
            JsonObject editEvent = b.next("editMessage").getJsonObject("payload");
            assertEquals(chatId, editEvent.getString("chatId"));
            assertEquals("Hello Bob!", editEvent.getJsonObject("content").getString("text"));
            assertTrue(editEvent.containsKey("timestamp"));
            assertEquals(
                    303,
                    b.call(
                                    "editMessage",
                                    "{'messageId': '" + sent.getString("messageId")
                                            + "', 'content': {'text': 'not yours', 'parseMode': 'text'}}")
                            .getInt("errorCode"));
            assertTrue(b.call("getMessageById", "{'messageId': '" + sent.getString("messageId") + "'}")
                    .getBoolean("isEdited"));

            assertEquals(
                    JsonValue.EMPTY_JSON_OBJECT,
                    a.call("removeMessage", "{'messageId': '" + sent.getString("messageId") + "', 'forAll': true}"));
            JsonObject removed = b.next("removeMessage").getJsonObject("payload");
            assertEquals(sent.getString("messageId"), removed.getString("messageId"));
            assertEquals(alice.botId(), removed.getJsonObject("removedBy").getString("id"));
            assertEquals(
                    306,
                    b.call("getMessageById", "{'messageId': '" + sent.getString("messageId") + "'}")
                            .getInt("errorCode"));
            // Removed for oneself only: the other side still has it.
            b.call("removeMessage", "{'messageId': '" + reply.getString("messageId") + "', 'forAll': false}");
            assertEquals(
                    306,
                    b.call("getMessageById", "{'messageId': '" + reply.getString("messageId") + "'}")
                            .getInt("errorCode"));
            assertEquals(
                    "Hi Alice",
                    a.call("getMessageById", "{'messageId': '" + reply.getString("messageId") + "'}")
                            .getJsonObject("content")
                            .getString("text"));

            assertEquals(
                    "Bot alice",
                    a.call("getUserDisplayName", "{'userId': '" + alice.botId() + "'}")
                            .getString("displayName"));
            assertEquals(
                    104,
                    a.call("getUserDisplayName", "{'userId': 'nobody@" + Bots.DOMAIN + "'}")
                            .getInt("errorCode"));
            assertEquals(
                    104,
                    a.call("createP2PChat", "{'userId': '" + bob.username() + "@elsewhere.example'}")
                            .getInt("errorCode"));
            assertEquals(
                    304, a.call("getChatByID", "{'chatId': 'no-such-chat'}").getInt("errorCode"));
            assertEquals(306, a.call("getMessageById", "{'messageId': 'abc'}").getInt("errorCode"));
        }
    }

    @Test
    void groupsChannelsParticipantsAndRoles() {
        Server server = new Server(deployment);
        Account owner = Bots.user(server, "owner");
        Account member = Bots.user(server, "member");
        Account stranger = Bots.user(server, "stranger");
        try (BotClient o = Bots.bot(server, owner);
                BotClient m = Bots.bot(server, member);
                BotClient s = Bots.bot(server, stranger)) {
            String group = o.call("createGroupChat", "{'title': 'Night shift'}").getString("chatId");
            String named = o.call("createGroupChat", "{'name': 'Named as the docs show'}")
                    .getString("chatId");
            assertEquals(
                    "Named as the docs show",
                    o.call("getChatByID", "{'chatId': '" + named + "'}").getString("title"));
            assertEquals(
                    307,
                    o.call("createGroupChat", "{'title': '" + "t".repeat(257) + "'}")
                            .getInt("errorCode"));
            String favorites = o.call("createFavoritesChat", "{}").getString("chatId");
            assertEquals(favorites, o.call("createFavoritesChat", "{}").getString("chatId"));
            assertEquals(
                    5, o.call("getChatByID", "{'chatId': '" + favorites + "'}").getInt("chatType"));
            JsonObject groupChat = o.call("getChatByID", "{'chatId': '" + group + "'}");
            assertEquals(2, groupChat.getInt("chatType"));
            assertEquals("Night shift", groupChat.getString("title"));

            assertEquals(
                    305, m.call("getChatByID", "{'chatId': '" + group + "'}").getInt("errorCode"));
            assertEquals(
                    JsonValue.EMPTY_JSON_OBJECT,
                    o.call(
                            "addChatParticipant",
                            "{'chatId': '" + group + "', 'userId': '" + member.botId() + "', 'displayHistory': true}"));
            JsonObject added = m.next("addChatParticipant").getJsonObject("payload");
            assertEquals(group, added.getString("chatId"));
            assertEquals(member.botId(), added.getString("userId"));
            assertEquals(owner.botId(), added.getJsonObject("addedBy").getString("id"));
            assertTrue(added.containsKey("timestamp"));
            assertEquals(
                    309,
                    o.call(
                                    "addChatParticipant",
                                    "{'chatId': '" + group + "', 'userId': '" + member.botId()
                                            + "', 'displayHistory': true}")
                            .getInt("errorCode"));
            assertEquals(
                    303,
                    m.call(
                                    "addChatParticipant",
                                    "{'chatId': '" + group + "', 'userId': '" + stranger.botId()
                                            + "', 'displayHistory': true}")
                            .getInt("errorCode"));

            JsonArray participants = o.call(
                            "getChatParticipants", "{'chatId': '" + group + "', 'pageSize': 10, 'pageNumber': 1}")
                    .getJsonArray("participants");
            assertEquals(
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("userId", owner.botId())
                                    .add("role", "owner")
                                    .add("type", 1))
                            .add(Json.createObjectBuilder()
                                    .add("userId", member.botId())
                                    .add("role", "user")
                                    .add("type", 1))
                            .build(),
                    participants);
            assertEquals(
                    "user",
                    o.call("getChatParticipant", "{'chatId': '" + group + "', 'userId': '" + member.botId() + "'}")
                            .getString("role"));
            assertEquals(
                    305,
                    o.call("getChatParticipant", "{'chatId': '" + group + "', 'userId': '" + stranger.botId() + "'}")
                            .getInt("errorCode"));
            assertTrue(o.call("hasChatParticipant", "{'chatId': '" + group + "', 'userId': '" + member.botId() + "'}")
                    .getBoolean("result"));
            assertFalse(
                    o.call("hasChatParticipant", "{'chatId': '" + group + "', 'userId': '" + stranger.botId() + "'}")
                            .getBoolean("result"));

            assertEquals(
                    312,
                    o.call(
                                    "changeParticipantRole",
                                    "{'chatId': '" + group + "', 'userId': '" + member.botId() + "', 'role': 'king'}")
                            .getInt("errorCode"));
            assertEquals(
                    312,
                    o.call(
                                    "changeParticipantRole",
                                    "{'chatId': '" + group + "', 'userId': '" + member.botId() + "', 'role': 'owner'}")
                            .getInt("errorCode"));
            o.call(
                    "changeParticipantRole",
                    "{'chatId': '" + group + "', 'userId': '" + member.botId() + "', 'role': 'admin'}");
            JsonObject role = m.next("changeParticipantRole").getJsonObject("payload");
            assertEquals("admin", role.getString("role"));
            assertEquals(member.botId(), role.getString("userId"));
            // An admin may rename; only the owner changes roles.
            JsonObject renamed = m.call("editChatTitle", "{'chatId': '" + group + "', 'title': 'Day shift'}");
            assertEquals(group, renamed.getString("chatId"));
            assertTrue(renamed.containsKey("timestamp"));
            assertEquals(
                    "Day shift",
                    o.next("editChatTitle").getJsonObject("payload").getString("title"));
            assertEquals(
                    303,
                    m.call(
                                    "changeParticipantRole",
                                    "{'chatId': '" + group + "', 'userId': '" + owner.botId() + "', 'role': 'user'}")
                            .getInt("errorCode"));

            // A channel: subscribers read, writers write.
            String channel = o.call("createChannel", "{'title': 'Alerts'}").getString("chatId");
            assertEquals(
                    6, o.call("getChatByID", "{'chatId': '" + channel + "'}").getInt("chatType"));
            o.call(
                    "addChatParticipant",
                    "{'chatId': '" + channel + "', 'userId': '" + member.botId() + "', 'displayHistory': false}");
            assertEquals(
                    303,
                    m.call(
                                    "sendMessage",
                                    "{'chatId': '" + channel + "', 'replyMessageId': null,"
                                            + " 'content': {'text': 'may I?', 'parseMode': 'text'}}")
                            .getInt("errorCode"));
            o.call(
                    "changeParticipantRole",
                    "{'chatId': '" + channel + "', 'userId': '" + member.botId() + "', 'role': 'writer'}");
            assertTrue(m.call(
                            "sendMessage",
                            "{'chatId': '" + channel + "', 'replyMessageId': null,"
                                    + " 'content': {'text': 'now I may', 'parseMode': 'text'}}")
                    .containsKey("messageId"));

            // Forwarding into the group keeps the original inside.
            JsonObject original = o.call(
                    "sendMessage",
                    "{'chatId': '" + channel + "', 'replyMessageId': null,"
                            + " 'content': {'text': 'pump 4 is down', 'parseMode': 'markdown'}}");
            JsonObject forwarded = o.call(
                    "forwardMessage",
                    "{'messageId': '" + original.getString("messageId") + "', 'chatId': '" + group + "'}");
            assertEquals(group, forwarded.getString("chatId"));
            JsonObject forward = m.next("sendMessage").getJsonObject("payload");
            while (!forward.getString("messageId").equals(forwarded.getString("messageId"))) {
                forward = m.next("sendMessage").getJsonObject("payload");
            }
            assertEquals(201, forward.getInt("type"));
            JsonObject inner = forward.getJsonObject("content");
            assertEquals(original.getString("messageId"), inner.getString("messageId"));
            assertEquals(200, inner.getInt("type"));
            assertEquals("pump 4 is down", inner.getJsonObject("content").getString("text"));
            assertEquals(owner.botId(), inner.getJsonObject("author").getString("id"));
            // Someone outside the channel cannot see the original, so cannot forward it.
            assertEquals(
                    306,
                    s.call(
                                    "forwardMessage",
                                    "{'messageId': '" + original.getString("messageId") + "', 'chatId': '" + group
                                            + "'}")
                            .getInt("errorCode"));

            // History cleared for everyone, then the participant leaves, then the chat goes.
            o.call("clearHistory", "{'chatId': '" + group + "', 'forAll': true}");
            JsonObject cleared = m.next("clearHistory").getJsonObject("payload");
            assertEquals(group, cleared.getString("chatId"));
            assertTrue(cleared.getBoolean("forAll"));
            assertEquals(
                    0,
                    m.call("getChatHistory", "{'chatId': '" + group + "', 'count': 50, 'fromMessageId': null}")
                            .getInt("count"));
            o.call(
                    "removeChatParticipant",
                    "{'chatId': '" + group + "', 'userId': '" + member.botId() + "', 'clearHistory': true}");
            JsonObject left = m.next("removeChatParticipant").getJsonObject("payload");
            assertEquals(member.botId(), left.getString("userId"));
            assertEquals(owner.botId(), left.getJsonObject("removedBy").getString("id"));
            assertEquals(
                    305, m.call("getChatByID", "{'chatId': '" + group + "'}").getInt("errorCode"));
            assertEquals(
                    303, m.call("removeChat", "{'chatId': '" + channel + "'}").getInt("errorCode"));
            o.call("removeChat", "{'chatId': '" + channel + "'}");
            assertEquals(channel, m.next("removeChat").getJsonObject("payload").getString("chatId"));
            assertEquals(
                    304, m.call("getChatByID", "{'chatId': '" + channel + "'}").getInt("errorCode"));
        }
    }

    @Test
    void acknowledgedMessagesAreReadAndTheUnreadBacklogComesOldestFirstAtMost1000() throws Exception {
        Server server = new Server(deployment);
        Account sender = Bots.user(server, "sender");
        Account reader = Bots.user(server, "reader");
        String readerToken = Bots.token(server, reader.username());
        List<String> sent = new ArrayList<>();
        String chatId;
        try (BotClient s = Bots.bot(server, sender)) {
            chatId = s.call("createP2PChat", "{'userId': '" + reader.botId() + "'}")
                    .getString("chatId");
            for (int i = 0; i < 1003; i++) {
                sent.add(s.call(
                                "sendMessage",
                                "{'chatId': '" + chatId + "', 'replyMessageId': null," + " 'content': {'text': 'n" + i
                                        + "', 'parseMode': 'text'}}")
                        .getString("messageId"));
            }
        }
        try (BotClient r = BotClient.authenticated(server, readerToken, false)) {
            assertEquals(
                    1003, r.call("getChatByID", "{'chatId': '" + chatId + "'}").getInt("unreadMessages"));
            // A backlog would follow the auth answer on a timer, which no request can sync with.
            assertTrue(
                    r.quietFor(QUIET).stream()
                            .noneMatch(e -> e.getString("method").equals("sendMessage")),
                    "without receiveUnread nothing old arrives");
        }
        List<String> first = new ArrayList<>();
        try (BotClient r = BotClient.authenticated(server, readerToken, true)) {
            for (int i = 0; i < 1000; i++) {
                first.add(r.next("sendMessage").getJsonObject("payload").getString("messageId"));
            }
            // The backlog goes out in one go: the sync's answer is queued behind a 1001st, if any.
            assertTrue(r.sync().stream().noneMatch(e -> e.getString("method").equals("sendMessage")), "at most 1000");
        }
        assertEquals(sent.subList(0, 1000), first, "oldest first");
        // Every one of those was acknowledged: once the server has taken in the acknowledgements (they
        // are processed in order, after the events), only the three newest are unread.
        awaitUnread(server, readerToken, chatId, 3);
        try (BotClient r = BotClient.authenticated(server, readerToken, true)) {
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rest.add(r.next("sendMessage").getJsonObject("payload").getString("messageId"));
            }
            assertEquals(sent.subList(1000, 1003), rest);
            assertTrue(r.sync().isEmpty(), "nothing twice");
            assertEquals(
                    0, r.call("getChatByID", "{'chatId': '" + chatId + "'}").getInt("unreadMessages"));
        }
        // An event not acknowledged leaves its message unread: it comes again next time.
        try (BotClient s = Bots.bot(server, sender);
                BotClient r = BotClient.authenticated(server, readerToken, false)) {
            r.autoAck(false);
            String late = s.call(
                            "sendMessage",
                            "{'chatId': '" + chatId + "', 'replyMessageId': null,"
                                    + " 'content': {'text': 'unacknowledged', 'parseMode': 'text'}}")
                    .getString("messageId");
            assertEquals(late, r.next("sendMessage").getJsonObject("payload").getString("messageId"));
        }
        try (BotClient r = BotClient.authenticated(server, readerToken, true)) {
            assertEquals(
                    "unacknowledged",
                    r.next("sendMessage")
                            .getJsonObject("payload")
                            .getJsonObject("content")
                            .getString("text"));
        }
    }

    @Test
    void aConnectionThatAcknowledgesNothingIsClosedAndOneThatDoesStays() throws Exception {
        Server server = new Server(deployment);
        Account sender = Bots.user(server, "pinger");
        Account silent = Bots.user(server, "silent");
        Account polite = Bots.user(server, "polite");
        try (BotClient s = Bots.bot(server, sender);
                BotClient quiet = Bots.bot(server, silent);
                BotClient acking = Bots.bot(server, polite)) {
            quiet.autoAck(false);
            String one = s.call("createP2PChat", "{'userId': '" + silent.botId() + "'}")
                    .getString("chatId");
            String two = s.call("createP2PChat", "{'userId': '" + polite.botId() + "'}")
                    .getString("chatId");
            s.call(
                    "sendMessage",
                    "{'chatId': '" + one
                            + "', 'replyMessageId': null, 'content': {'text': 'ping', 'parseMode': 'text'}}");
            s.call(
                    "sendMessage",
                    "{'chatId': '" + two
                            + "', 'replyMessageId': null, 'content': {'text': 'ping', 'parseMode': 'text'}}");
            quiet.next("sendMessage");
            acking.next("sendMessage");
            // The ITs run with a 4 s acknowledgement timeout (300 s by default).
            assertEquals(1001, quiet.closeCode());
            assertTrue(acking.open(), "a connection that acknowledged is kept");
            assertTrue(acking.list("getChats", "{'count': 5, 'page': 1}").size() >= 1);
        }
    }

    @Test
    void filesAreUploadedSentDescribedAndDownloadedWithinTheLimits() throws Exception {
        Server server = new Server(deployment);
        Account alice = Bots.user(server, "filer");
        Account bob = Bots.user(server, "getter");
        Account eve = Bots.user(server, "eve");
        byte[] bytes = "pump 4 log\n".getBytes(StandardCharsets.UTF_8);
        try (BotClient a = Bots.bot(server, alice);
                BotClient b = Bots.bot(server, bob);
                BotClient e = Bots.bot(server, eve)) {
            JsonObject limits = a.call("getFileUploadLimits", "{}");
            assertEquals(100000, limits.getInt("maxSize"));
            assertEquals("block", limits.getJsonObject("extensions").getString("mode"));
            assertEquals(
                    List.of("exe", "bat"),
                    limits.getJsonObject("extensions")
                            .getJsonArray("list")
                            .getValuesAs(jakarta.json.JsonString::getString));
            assertEquals(
                    310,
                    a.call("uploadFile", "{'fileSize': 200000, 'fileName': 'big.txt'}")
                            .getInt("errorCode"));
            assertEquals(
                    310,
                    a.call("uploadFile", "{'fileSize': 10, 'fileName': 'setup.EXE'}")
                            .getInt("errorCode"));
            assertEquals(
                    310,
                    a.call("uploadFile", "{'fileSize': 10, 'fileName': '../etc/passwd'}")
                            .getInt("errorCode"));

            String task = a.call("uploadFile", "{'fileSize': " + bytes.length + ", 'fileName': 'pump.log'}")
                    .getString("uploadTaskId");
            HttpResponse<String> wrongSize = upload(server, task, "x".getBytes(StandardCharsets.UTF_8));
            assertEquals(400, wrongSize.statusCode(), wrongSize.body());
            assertEquals(
                    310,
                    Server.json(wrongSize.body().replace('"', '\''))
                            .asJsonObject()
                            .getInt("errorCode"));
            HttpResponse<String> unknown = upload(server, UUID.randomUUID().toString(), bytes);
            assertEquals(404, unknown.statusCode(), unknown.body());
            HttpResponse<String> uploaded = upload(server, task, bytes);
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            assertTrue(uploaded.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            String temporal = Server.json(uploaded.body().replace('"', '\''))
                    .asJsonObject()
                    .getString("temporalFileId");
            assertEquals(409, upload(server, task, bytes).statusCode(), "an upload arrives once");

            String chatId =
                    a.call("createP2PChat", "{'userId': '" + bob.botId() + "'}").getString("chatId");
            JsonObject sent = a.call(
                    "sendFile",
                    "{'chatId': '" + chatId + "', 'content': {'temporalFileId': '" + temporal
                            + "', 'caption': {'text': 'the log', 'parseMode': 'text'}}}");
            assertEquals(List.of("chatId", "messageId", "timestamp", "fileId"), List.copyOf(sent.keySet()));
            JsonObject message = b.next("sendMessage").getJsonObject("payload");
            assertEquals(202, message.getInt("type"));
            JsonObject content = message.getJsonObject("content");
            assertEquals("pump.log", content.getString("name"));
            assertEquals(bytes.length, content.getInt("size"));
            assertEquals(sent.getString("fileId"), content.getString("fileId"));
            assertEquals(2, content.getInt("readyState"));

            JsonObject info = b.call("getFileInfo", "{'fileId': '" + sent.getString("fileId") + "'}");
            assertEquals("pump.log", info.getString("name"));
            assertEquals(bytes.length, info.getInt("size"));
            assertEquals(2, info.getInt("readyState"));
            assertNotNull(info.getString("mimeType"));
            URI download = URI.create(info.getString("downloadUrl"));
            assertEquals(
                    server.uri("http", "").getRawAuthority(), download.getRawAuthority(), "the address connected to");
            HttpResponse<byte[]> got =
                    HTTP.send(HttpRequest.newBuilder(download).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, got.statusCode());
            assertArrayEquals(bytes, got.body());
            HttpResponse<byte[]> guessed = HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(info.getString("downloadUrl").replaceAll("/[^/]+$", "/wrong-secret")))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(404, guessed.statusCode());
            assertEquals(
                    "http://bots.example.test:8443" + download.getRawPath(),
                    downloadUrlSeenAt(server, bob, sent.getString("fileId"), "bots.example.test:8443"),
                    "a download URL names the host the bot connected to");
            assertEquals(
                    308,
                    e.call("getFileInfo", "{'fileId': '" + sent.getString("fileId") + "'}")
                            .getInt("errorCode"));

            assertTrue(b.call("subscribeFileProgress", "{'fileId': '" + sent.getString("fileId") + "'}")
                    .getBoolean("result"));
            JsonObject progress = b.next("uploadFileProgress").getJsonObject("payload");
            assertEquals(sent.getString("fileId"), progress.getString("fileId"));
            assertEquals(bytes.length, progress.getInt("progress"));
            assertTrue(b.call("unsubscribeFileProgress", "{'fileId': '" + sent.getString("fileId") + "'}")
                    .getBoolean("result"));

            // A group's picture is an uploaded image.
            String group =
                    a.call("createGroupChat", "{'title': 'With a picture'}").getString("chatId");
            a.call(
                    "addChatParticipant",
                    "{'chatId': '" + group + "', 'userId': '" + bob.botId() + "', 'displayHistory': true}");
            String imageTask = a.call("uploadFile", "{'fileSize': 4, 'fileName': 'logo.png'}")
                    .getString("uploadTaskId");
            String image = Server.json(upload(server, imageTask, new byte[] {1, 2, 3, 4})
                            .body()
                            .replace('"', '\''))
                    .asJsonObject()
                    .getString("temporalFileId");
            String avatarUrl = a.call(
                            "editChatAvatar", "{'chatId': '" + group + "', 'temporalFileId': '" + image + "'}")
                    .getString("avatarUrl");
            assertEquals(
                    avatarUrl, b.next("editChatAvatar").getJsonObject("payload").getString("avatarUrl"));
            assertEquals(
                    avatarUrl,
                    b.call("getChatByID", "{'chatId': '" + group + "'}").getString("avatarUrl"));
            assertEquals(
                    200,
                    HTTP.send(
                                    HttpRequest.newBuilder(URI.create(avatarUrl))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray())
                            .statusCode());
            assertEquals(
                    308,
                    b.call(
                                    "sendFile",
                                    "{'chatId': '" + chatId + "', 'content': {'temporalFileId': '" + temporal + "'}}")
                            .getInt("errorCode"),
                    "a temporal file belongs to its uploader");
        }
    }

    /**
     * Waits for the server to take in acknowledgements: 1000 of them are 1000 transactions, which a
     * busy machine may need a minute for. A generous bound makes a slow run slower, never red.
     */
    private static void awaitUnread(Server server, String token, String chatId, int expected) {
        try (BotClient r = BotClient.authenticated(server, token, false)) {
            Eventually.until(
                    expected + " unread messages after the acknowledgements",
                    ACKNOWLEDGEMENTS_TAKEN_IN,
                    () -> r.call("getChatByID", "{'chatId': '" + chatId + "'}").getInt("unreadMessages"),
                    unread -> unread == expected);
        }
    }

    private static HttpResponse<String> upload(Server server, String task, byte[] bytes) throws Exception {
        String boundary = "----anteroom" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.bin\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(server.uri("http", "bridge/api/client/v1/files"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Upload-Task-Id", task)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonArray messages) {
        return messages.getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("messageId"))
                .toList();
    }

    /** {@code getFileInfo}'s download URL for a bot that reached the server under this {@code Host} name. */
    private static String downloadUrlSeenAt(Server server, Account account, String fileId, String host) {
        try (RawWebSocket raw = RawWebSocket.open(server.uri("ws", "websocket/chat_bot"), "json.v1", host)) {
            JsonObject auth = answer(
                    raw,
                    1,
                    "auth",
                    Json.createObjectBuilder()
                            .add("token", Bots.token(server, account.username()))
                            .add("tokenType", "JWT")
                            .build());
            assertFalse(auth.containsKey("errorCode"), auth.toString());
            return answer(
                            raw,
                            2,
                            "getFileInfo",
                            Json.createObjectBuilder().add("fileId", fileId).build())
                    .getString("downloadUrl");
        }
    }

    private static JsonObject answer(RawWebSocket raw, int id, String method, JsonObject payload) {
        raw.sendText(Json.createObjectBuilder()
                .add("type", 1)
                .add("id", id)
                .add("method", method)
                .add("payload", payload)
                .build()
                .toString());
        while (true) {
            String text = raw.readText();
            assertNotNull(text, "the socket closed before the answer to " + method);
            JsonObject frame = Server.json(text).asJsonObject();
            if (frame.getInt("type", 0) == 2 && frame.getInt("id", -1) == id) {
                return frame.getJsonObject("payload");
            }
        }
    }
}
