package org.anteroom.presence;

import static org.anteroom.presence.Presence.P;
import static org.anteroom.presence.Presence.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.anteroom.bridge.BotClient;
import org.anteroom.bridge.Bots;
import org.anteroom.bridge.Bots.Account;
import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.anteroom.presence.Presence.AuthService;
import org.anteroom.presence.Presence.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A room's group chat, where people (presence API and hub) and a chat bot (bridge) talk: the bot is
 * brought in by someone in the room, sees people join, leave and be kicked as participant events, reads
 * what they post, and its replies reach them live.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomChatIT {

    private static final AuthService AUTH = new AuthService();

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeAll
    static void fixtures() throws Exception {
        Presence.trust(AUTH);
    }

    @Test
    void aPersonAndABotTalkInTheRoomsChatAndTheBotSeesWhoComesAndGoes() {
        Server server = new Server(deployment);
        Session expert = Presence.session(server, AUTH.token(email("army.mil"), "Expert Chat", "cac"));
        Session guest = Presence.session(server, AUTH.token(email("army.mil"), "Guest Chat", "cac"));
        Account account = Bots.user(server, "roombot");
        Reply created = server.send("POST", P + "rooms", "{\"name\":\"Control Room\"}", expert.headers());
        assertEquals(200, created.status(), created.body());
        String roomId = created.object().getString("uuid");
        String shortname = created.object().getString("shortname");

        try (BotClient bot = Bots.bot(server, account);
                HubClient expertHub = HubClient.open(server, expert)) {
            // Someone in the room brings the bot in; the bot now sees the room's chat.
            Reply added = server.send(
                    "POST",
                    P + "rooms/" + shortname + "/bots",
                    "{\"bot\":\"" + account.username() + "\"}",
                    expert.headers());
            assertEquals(200, added.status(), added.body());
            JsonObject joined = bot.next("addChatParticipant").getJsonObject("payload");
            assertEquals(roomId, joined.getString("chatId"));
            assertEquals(account.botId(), joined.getString("userId"));
            assertEquals(
                    expert.uuid() + "@" + Bots.DOMAIN,
                    joined.getJsonObject("addedBy").getString("id"));
            assertEquals(
                    409,
                    server.send(
                                    "POST",
                                    P + "rooms/" + shortname + "/bots",
                                    "{\"bot\":\"" + account.username() + "\"}",
                                    expert.headers())
                            .status());
            JsonObject chat = bot.call("getChatByID", "{'chatId': '" + roomId + "'}");
            assertEquals(2, chat.getInt("chatType"));
            assertEquals("Control Room", chat.getString("title"));
            assertEquals(List.of(expert.uuid() + "@" + Bots.DOMAIN, account.botId()), participants(bot, roomId));

            // The person posts; the bot reads it; the bot answers; the person sees the answer live.
            Reply posted = server.send(
                    "POST", P + "rooms/" + roomId + "/messages", "{\"text\":\"Is pump 4 running?\"}", expert.headers());
            assertEquals(201, posted.status(), posted.body());
            assertEquals("Is pump 4 running?", posted.object().getString("text"));
            assertEquals(expert.uuid(), posted.object().getJsonObject("author").getString("uuid"));
            JsonObject heard = bot.next("sendMessage").getJsonObject("payload");
            assertEquals(roomId, heard.getString("chatId"));
            assertEquals("Is pump 4 running?", heard.getJsonObject("content").getString("text"));
            assertEquals(
                    expert.uuid() + "@" + Bots.DOMAIN,
                    heard.getJsonObject("author").getString("id"));
            assertEquals(
                    "Is pump 4 running?",
                    expertHub.next("chat-message").getJsonObject("message").getString("text"));

            bot.call(
                    "sendMessage",
                    "{'chatId': '" + roomId + "', 'replyMessageId': '" + heard.getString("messageId")
                            + "', 'content': {'text': 'Pump 4: **running**', 'parseMode': 'markdown'}}");
            JsonObject answer = expertHub.next("chat-message");
            assertEquals(roomId, answer.getJsonObject("room").getString("uuid"));
            JsonObject message = answer.getJsonObject("message");
            assertEquals("Pump 4: **running**", message.getString("text"));
            assertEquals("markdown", message.getString("parseMode"));
            assertEquals(account.username(), message.getJsonObject("author").getString("login"));
            assertEquals(heard.getString("messageId"), message.getString("replyTo"));

            Reply history = server.get(P + "rooms/" + shortname + "/messages", expert.headers());
            assertEquals(200, history.status(), history.body());
            JsonArray messages = history.parse().asJsonArray();
            assertEquals(
                    List.of("Is pump 4 running?", "Pump 4: **running**"),
                    messages.getValuesAs(JsonObject.class).stream()
                            .map(m -> m.getString("text"))
                            .toList());
            assertEquals(
                    List.of("id", "author", "kind", "text", "parseMode", "timestamp", "edited", "replyTo", "file"),
                    List.copyOf(messages.getJsonObject(0).keySet()));
            assertEquals(
                    1,
                    server.get(P + "rooms/" + shortname + "/messages?count=1", expert.headers())
                            .parse()
                            .asJsonArray()
                            .size());

            // Someone outside the room can neither read nor post.
            assertEquals(
                    403,
                    server.get(P + "rooms/" + shortname + "/messages", guest.headers())
                            .status());
            assertEquals(
                    403,
                    server.send("POST", P + "rooms/" + shortname + "/messages", "{\"text\":\"hi\"}", guest.headers())
                            .status());

            // People coming and going are participant events for the bot.
            Reply waiting = server.request("POST", P + "rooms/" + shortname + "/join", guest.headers());
            assertEquals("waiting", waiting.object().getString("status"));
            assertEquals(
                    200,
                    server.request("POST", P + "rooms/approve/" + guest.uuid(), expert.headers())
                            .status());
            JsonObject guestIn = bot.next("addChatParticipant").getJsonObject("payload");
            assertEquals(guest.uuid() + "@" + Bots.DOMAIN, guestIn.getString("userId"));
            assertEquals(
                    200,
                    server.request("POST", P + "rooms/" + shortname + "/leave", guest.headers())
                            .status());
            JsonObject guestOut = bot.next("removeChatParticipant").getJsonObject("payload");
            assertEquals(guest.uuid() + "@" + Bots.DOMAIN, guestOut.getString("userId"));
            assertEquals(
                    guest.uuid() + "@" + Bots.DOMAIN,
                    guestOut.getJsonObject("removedBy").getString("id"));
            assertEquals(
                    200,
                    server.request("POST", P + "rooms/" + shortname + "/join", guest.headers())
                            .status());
            bot.next("addChatParticipant");
            assertEquals(
                    200,
                    server.request("POST", P + "rooms/" + shortname + "/kick/" + guest.uuid(), expert.headers())
                            .status());
            JsonObject kicked = bot.next("removeChatParticipant").getJsonObject("payload");
            assertEquals(guest.uuid() + "@" + Bots.DOMAIN, kicked.getString("userId"));
            assertEquals(
                    expert.uuid() + "@" + Bots.DOMAIN,
                    kicked.getJsonObject("removedBy").getString("id"));
            assertTrue(
                    bot.sync().stream().noneMatch(e -> e.getString("method").endsWith("ChatParticipant")),
                    "one event per change");

            // The room runs its chat: a bot cannot rename it or add people; it can leave.
            assertEquals(
                    303,
                    bot.call("editChatTitle", "{'chatId': '" + roomId + "', 'title': 'Mine'}")
                            .getInt("errorCode"));
            assertEquals(
                    303,
                    bot.call(
                                    "addChatParticipant",
                                    "{'chatId': '" + roomId + "', 'userId': '" + guest.uuid() + "@" + Bots.DOMAIN
                                            + "', 'displayHistory': true}")
                            .getInt("errorCode"));
            bot.call(
                    "removeChatParticipant",
                    "{'chatId': '" + roomId + "', 'userId': '" + account.botId() + "', 'clearHistory': false}");
            assertEquals(
                    305, bot.call("getChatByID", "{'chatId': '" + roomId + "'}").getInt("errorCode"));
        }
    }

    @Test
    void badRoomChatRequestsAreRefusedCleanly() {
        Server server = new Server(deployment);
        Session expert = Presence.session(server, AUTH.token(email("army.mil"), "Expert Bad", "cac"));
        Reply created = server.send("POST", P + "rooms", "{\"name\":\"Quiet Room\"}", expert.headers());
        String shortname = created.object().getString("shortname");
        for (String body : List.of(
                "{}",
                "{\"text\":\"  \"}",
                "{\"text\":7}",
                "[]",
                "not json",
                "{\"text\":\"" + "x".repeat(16385) + "\"}",
                "{\"text\":\"hi\",\"parseMode\":\"rtf\"}")) {
            Reply reply = server.send("POST", P + "rooms/" + shortname + "/messages", body, expert.headers());
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertTrue(reply.object().containsKey("error"));
        }
        for (String count : List.of("0", "1001", "ten", "-1")) {
            assertEquals(
                    400,
                    server.get(P + "rooms/" + shortname + "/messages?count=" + count, expert.headers())
                            .status());
        }
        assertEquals(
                404,
                server.get(P + "rooms/no-such-room-here/messages", expert.headers())
                        .status());
        assertEquals(401, server.get(P + "rooms/" + shortname + "/messages").status());
        assertEquals(
                404,
                server.send("POST", P + "rooms/" + shortname + "/bots", "{\"bot\":\"nobody-at-all\"}", expert.headers())
                        .status());
        assertEquals(
                400,
                server.send("POST", P + "rooms/" + shortname + "/bots", "{\"bot\":5}", expert.headers())
                        .status());
        assertEquals(
                404,
                server.request("DELETE", P + "rooms/" + shortname + "/bots/nobody-at-all", expert.headers())
                        .status());
        assertEquals(
                0,
                server.get(P + "rooms/" + shortname + "/messages", expert.headers())
                        .parse()
                        .asJsonArray()
                        .size(),
                "nothing half-written");
    }

    @Test
    void racingToBringOneBotInMakesOneParticipant() throws Exception {
        Server server = new Server(deployment);
        Session expert = Presence.session(server, AUTH.token(email("army.mil"), "Expert Race", "cac"));
        Account account = Bots.user(server, "racebot");
        String shortname = server.send("POST", P + "rooms", "{\"name\":\"Race Room\"}", expert.headers())
                .object()
                .getString("shortname");
        List<java.util.concurrent.Callable<Integer>> calls = java.util.Collections.nCopies(
                8,
                () -> server.send(
                                "POST",
                                P + "rooms/" + shortname + "/bots",
                                "{\"bot\":\"" + account.username() + "\"}",
                                expert.headers())
                        .status());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            java.util.Collections.sort(statuses);
            assertEquals(List.of(200, 409, 409, 409, 409, 409, 409, 409), statuses);
        } finally {
            pool.shutdown();
        }
        try (BotClient bot = Bots.bot(server, account)) {
            String roomId = bot.list("getChats", "{'count': 10, 'page': 1}")
                    .getJsonObject(0)
                    .getString("chatId");
            assertEquals(List.of(expert.uuid() + "@" + Bots.DOMAIN, account.botId()), participants(bot, roomId));
        }
    }

    @Test
    void aKickedMembersBotsLeaveTheRoomsChatWithItAndCanNoLongerReadOrPostThere() {
        Server server = new Server(deployment);
        Session expert = Presence.session(server, AUTH.token(email("army.mil"), "Expert Kicker", "cac"));
        Session member = Presence.session(server, AUTH.token(email("army.mil"), "Member Kicked", "cac"));
        Account planted = Bots.user(server, "planted");
        Account kept = Bots.user(server, "kept");
        Reply created = server.send("POST", P + "rooms", "{\"name\":\"Kick Room\"}", expert.headers());
        assertEquals(200, created.status(), created.body());
        String roomId = created.object().getString("uuid");
        String shortname = created.object().getString("shortname");
        assertEquals(
                "waiting",
                server.request("POST", P + "rooms/" + shortname + "/join", member.headers())
                        .object()
                        .getString("status"));
        assertEquals(
                200,
                server.request("POST", P + "rooms/approve/" + member.uuid(), expert.headers())
                        .status());

        try (BotClient plantedBot = Bots.bot(server, planted);
                BotClient keptBot = Bots.bot(server, kept)) {
            // The member plants a bot; the expert brings one of its own.
            assertEquals(
                    200,
                    server.send(
                                    "POST",
                                    P + "rooms/" + shortname + "/bots",
                                    "{\"bot\":\"" + planted.username() + "\"}",
                                    member.headers())
                            .status());
            assertEquals(
                    planted.botId(),
                    plantedBot
                            .next("addChatParticipant")
                            .getJsonObject("payload")
                            .getString("userId"));
            assertEquals(
                    200,
                    server.send(
                                    "POST",
                                    P + "rooms/" + shortname + "/bots",
                                    "{\"bot\":\"" + kept.username() + "\"}",
                                    expert.headers())
                            .status());
            assertEquals(
                    kept.botId(),
                    keptBot.next("addChatParticipant").getJsonObject("payload").getString("userId"));
            assertEquals(
                    kept.botId(),
                    plantedBot
                            .next("addChatParticipant")
                            .getJsonObject("payload")
                            .getString("userId"));
            assertEquals(
                    List.of(
                            expert.uuid() + "@" + Bots.DOMAIN,
                            member.uuid() + "@" + Bots.DOMAIN,
                            planted.botId(),
                            kept.botId()),
                    participants(keptBot, roomId));

            assertEquals(
                    200,
                    server.request("POST", P + "rooms/" + shortname + "/kick/" + member.uuid(), expert.headers())
                            .status());

            // Everyone still in the chat, and the planted bot itself, sees the member and its bot go.
            String kicker = expert.uuid() + "@" + Bots.DOMAIN;
            for (BotClient bot : List.of(keptBot, plantedBot)) {
                JsonObject memberOut = bot.next("removeChatParticipant").getJsonObject("payload");
                assertEquals(member.uuid() + "@" + Bots.DOMAIN, memberOut.getString("userId"));
                JsonObject botOut = bot.next("removeChatParticipant").getJsonObject("payload");
                assertEquals(roomId, botOut.getString("chatId"));
                assertEquals(planted.botId(), botOut.getString("userId"));
                assertEquals(kicker, botOut.getJsonObject("removedBy").getString("id"));
            }
            assertEquals(List.of(expert.uuid() + "@" + Bots.DOMAIN, kept.botId()), participants(keptBot, roomId));

            // The planted bot can neither post nor read there any more; the expert's bot can.
            assertEquals(
                    305,
                    plantedBot
                            .call(
                                    "sendMessage",
                                    "{'chatId': '" + roomId + "', 'replyMessageId': null,"
                                            + " 'content': {'text': 'still here', 'parseMode': 'text'}}")
                            .getInt("errorCode"));
            assertEquals(
                    305,
                    plantedBot
                            .call(
                                    "getChatHistory",
                                    "{'chatId': '" + roomId + "', 'count': 10," + " 'fromMessageId': null}")
                            .getInt("errorCode"));
            assertEquals(
                    305,
                    plantedBot
                            .call("getChatByID", "{'chatId': '" + roomId + "'}")
                            .getInt("errorCode"));
            assertTrue(keptBot.call(
                            "sendMessage",
                            "{'chatId': '" + roomId + "', 'replyMessageId': null,"
                                    + " 'content': {'text': 'still here', 'parseMode': 'text'}}")
                    .containsKey("messageId"));
        }
    }

    @Test
    void aPersonsOwnBotConnectionsAreToldOfTheRoomChatThePersonEnters() {
        Server server = new Server(deployment);
        Session expert = Presence.session(server, AUTH.token(email("army.mil"), "Expert Host", "cac"));
        Account person = Bots.user(server, "ownbots");
        Reply created = server.send("POST", P + "rooms", "{\"name\":\"Own Bots Room\"}", expert.headers());
        assertEquals(200, created.status(), created.body());
        String roomId = created.object().getString("uuid");
        String shortname = created.object().getString("shortname");

        try (BotClient own = Bots.bot(server, person);
                BotClient second = Bots.bot(server, person)) {
            // The same account signs in to presence and enters the room.
            Session session =
                    Presence.session(server, AUTH.token(person.username() + "@bots.example", "Own Bots", "cac"));
            assertEquals(
                    "waiting",
                    server.request("POST", P + "rooms/" + shortname + "/join", session.headers())
                            .object()
                            .getString("status"));
            assertEquals(
                    200,
                    server.request("POST", P + "rooms/approve/" + session.uuid(), expert.headers())
                            .status());

            for (BotClient bot : List.of(own, second)) {
                JsonObject added = bot.next("addChatParticipant").getJsonObject("payload");
                assertEquals(roomId, added.getString("chatId"));
                assertEquals(person.botId(), added.getString("userId"), "its own id: the bot is in the chat now");
                assertEquals(person.botId(), added.getJsonObject("addedBy").getString("id"));
                assertTrue(added.containsKey("timestamp"));
            }
            JsonObject chat = own.call("getChatByID", "{'chatId': '" + roomId + "'}");
            assertEquals("Own Bots Room", chat.getString("title"));
            assertEquals(List.of(expert.uuid() + "@" + Bots.DOMAIN, person.botId()), participants(own, roomId));
            assertTrue(
                    own.sync().stream().noneMatch(e -> e.getString("method").endsWith("ChatParticipant")),
                    "one event per change");

            // What the expert posts reaches the person's bots as room traffic.
            assertEquals(
                    201,
                    server.send("POST", P + "rooms/" + roomId + "/messages", "{\"text\":\"hello\"}", expert.headers())
                            .status());
            assertEquals(
                    roomId, second.next("sendMessage").getJsonObject("payload").getString("chatId"));
        }
    }

    private static List<String> participants(BotClient bot, String chatId) {
        return bot
                .call("getChatParticipants", "{'chatId': '" + chatId + "', 'pageSize': 50, 'pageNumber': 1}")
                .getJsonArray("participants")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(p -> p.getString("userId"))
                .toList();
    }
}
