package org.anteroom.presence;

import static org.anteroom.presence.Presence.P;
import static org.anteroom.presence.Presence.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.anteroom.it.WebSocketClient;
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
 * docs/hub-events.md, "Resuming": every frame of a room or user stream is numbered; a socket that comes back
 * within the window naming the last numbers it saw gets exactly what it missed, in order, before live frames;
 * past the window it is told to resync.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HubResumeIT {

    private static final AuthService AUTH = new AuthService();
    private static final Duration QUIET = Duration.ofMillis(700);

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeAll
    static void trust() throws Exception {
        Presence.trust(AUTH);
    }

    @Test
    void everyFrameOfARoomOrUserStreamIsNumberedInItsStream() {
        Server server = new Server(deployment);
        Session expert = expert(server);
        Session guest = guest(server);
        JsonObject room = createRoom(server, expert);
        String roomStream = "room:" + room.getString("uuid");
        try (HubClient expertHub = HubClient.open(server, expert);
                HubClient guestHub = HubClient.open(server, guest)) {
            join(server, guest, room);
            JsonObject requested = expertHub.next("join-requested");
            JsonObject waiting = guestHub.next("waiting");
            assertEquals(roomStream, requested.getString("stream"));
            assertEquals("user", waiting.getString("stream"));
            approve(server, expert, guest);
            JsonObject approved = guestHub.next("approved");
            JsonObject joined = guestHub.next("member-joined");
            assertEquals("user", approved.getString("stream"));
            assertEquals(seq(waiting) + 1, seq(approved), "the user stream counts on");
            assertEquals(roomStream, joined.getString("stream"));
            assertEquals(seq(requested) + 1, seq(joined), "the room stream counts on, the same on every socket");
            assertEquals(seq(joined), seq(expertHub.next("member-joined")));
            post(server, expert, room, "numbered");
            assertEquals(seq(joined) + 1, seq(guestHub.next("chat-message")));
        }
    }

    @Test
    void aSocketThatComesBackWithinTheGraceGetsExactlyWhatItMissedAndNobodySeesItLeave() {
        Server server = new Server(deployment);
        Session expert = expert(server);
        Session guest = guest(server);
        JsonObject room = createRoom(server, expert);
        try (HubClient expertHub = HubClient.open(server, expert)) {
            join(server, guest, room);
            approve(server, expert, guest);
            expertHub.next("member-joined");
            String resume;
            try (HubClient guestHub = HubClient.open(server, guest)) {
                post(server, expert, room, "before");
                resume = HubClient.position(guestHub.next("chat-message"));
            }
            List<String> missed = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                missed.add("missed " + i);
                post(server, expert, room, "missed " + i);
            }
            try (HubClient back = HubClient.resume(server, guest, resume)) {
                List<String> replayed = new ArrayList<>();
                for (int i = 0; i < missed.size(); i++) {
                    replayed.add(
                            back.next("chat-message").getJsonObject("message").getString("text"));
                }
                assertEquals(missed, replayed, "exactly the five, in order");
                post(server, expert, room, "live");
                List<JsonObject> after = back.sync();
                assertEquals(
                        List.of("chat-message"),
                        after.stream().map(f -> f.getString("type")).toList(),
                        "then live frames only, none twice: " + after);
                assertEquals("live", after.get(0).getJsonObject("message").getString("text"));
            }
            assertTrue(
                    expertHub.sync().stream().noneMatch(f -> f.getString("type").startsWith("member-")),
                    "within the grace nobody saw the guest leave or come back");
        }
    }

    @Test
    void pastTheWindowTheSocketIsToldToResyncAndThenGetsLiveFrames() {
        Server server = new Server(deployment);
        Session expert = expert(server);
        Session guest = guest(server);
        JsonObject room = createRoom(server, expert);
        try (HubClient expertHub = HubClient.open(server, expert);
                HubClient otherTab = open(server, guest, room, expert, expertHub)) {
            String resume;
            try (HubClient guestHub = HubClient.open(server, guest)) {
                post(server, expert, room, "seen");
                resume = HubClient.position(guestHub.next("chat-message"));
            }
            post(server, expert, room, "too old");
            // The other tab keeps the guest in the room while the clock passes the two-minute window.
            assertEquals(
                    200, server.request("POST", "ops/clock/advance?seconds=180").status());
            try (HubClient back = HubClient.resume(server, guest, resume)) {
                JsonObject resync = back.next("resync");
                assertEquals("room:" + room.getString("uuid"), resync.getString("stream"));
                post(server, expert, room, "live again");
                List<JsonObject> after = back.sync();
                assertEquals(
                        List.of("chat-message"),
                        after.stream().map(f -> f.getString("type")).toList());
                assertEquals("live again", after.get(0).getJsonObject("message").getString("text"));
            }
            otherTab.sync();
        }
    }

    @Test
    void aRoomTheSocketIsNotInIsNotReplayedButResynced() {
        Server server = new Server(deployment);
        Session expert = expert(server);
        Session stranger = guest(server);
        JsonObject room = createRoom(server, expert);
        try (HubClient hub = HubClient.resume(server, stranger, "room:" + room.getString("uuid") + ":0")) {
            assertEquals("room:" + room.getString("uuid"), hub.next("resync").getString("stream"));
        }
    }

    @Test
    void aMalformedResumeIsRefusedSayingHow() {
        Server server = new Server(deployment);
        Session guest = guest(server);
        Reply negotiated = server.get(P + "negotiate?uuid=" + guest.uuid(), guest.headers());
        try (HubClient refused = HubClient.connect(server, negotiated.object().getString("token"), "user:first")) {
            WebSocketClient.Close close = refused.awaitClose();
            assertEquals(1008, close.code());
            assertTrue(close.reason().startsWith("resume must be"), close.reason());
        }
    }

    // --- helpers ---

    /** The guest approved into the room with a socket of its own, seen joining by the expert. */
    private static HubClient open(Server server, Session guest, JsonObject room, Session expert, HubClient expertHub) {
        join(server, guest, room);
        approve(server, expert, guest);
        expertHub.next("member-joined");
        return HubClient.open(server, guest);
    }

    private static long seq(JsonObject frame) {
        return frame.getJsonNumber("seq").longValue();
    }

    private static Session expert(Server server) {
        return Presence.session(server, AUTH.token(email("army.mil"), "Resume Expert", "cac"));
    }

    private static Session guest(Server server) {
        return Presence.session(server, AUTH.token(email("example.com"), "Resume Guest", "google"));
    }

    private static JsonObject createRoom(Server server, Session session) {
        Reply reply = server.send("POST", P + "rooms", "{\"name\":\"Resume Room\"}", session.headers());
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }

    private static void join(Server server, Session guest, JsonObject room) {
        Reply reply = server.request("POST", P + "rooms/" + room.getString("shortname") + "/join", guest.headers());
        assertEquals(200, reply.status(), reply.body());
    }

    private static void approve(Server server, Session expert, Session guest) {
        Reply reply = server.request("POST", P + "rooms/approve/" + guest.uuid(), expert.headers());
        assertEquals(200, reply.status(), reply.body());
    }

    private static void post(Server server, Session author, JsonObject room, String text) {
        Reply reply = server.send(
                "POST",
                P + "rooms/" + room.getString("shortname") + "/messages",
                "{\"text\":\"" + text + "\"}",
                author.headers());
        assertEquals(201, reply.status(), reply.body());
    }
}
