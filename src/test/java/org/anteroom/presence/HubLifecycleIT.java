package org.anteroom.presence;

import static org.anteroom.it.Server.form;
import static org.anteroom.presence.Presence.P;
import static org.anteroom.presence.Presence.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.anteroom.it.Eventually;
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
 * The life of hub sockets and of presence, black-box: sockets end with their session (logout 4003,
 * expiry 4004, suspension 4001), hub tokens open one socket once and only while their session lives,
 * a user holds at most 3 sockets here (arquillian.xml), dead clients are closed, and a person is in a
 * room only while a live session keeps them there, with a reconnect grace of 30 s that the test clock
 * runs out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HubLifecycleIT {

    private static final AuthService AUTH = new AuthService();
    private static final String PS = "PresentationServices/";
    /** The configured reconnect grace (the default) and a margin past it. */
    private static final long PAST_GRACE_SECONDS = 31;
    /**
     * Long enough for the server's one-second sweeps to have run: a sweep that finds nothing to do says
     * so nowhere, so showing that one does NOT end a presence takes letting time pass.
     */
    private static final Duration SWEPT = Duration.ofMillis(2500);
    /** Long enough for a close that the server would send (from a worker thread, unordered) to arrive. */
    private static final Duration QUIET = Duration.ofMillis(1200);

    /**
     * "At once": the close follows the request that ended access, not a later sweep or timer. Generous,
     * so a loaded machine makes the run slower, never red; a socket that waited for its token or a
     * ping to fail would take minutes.
     */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

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

    // --- sockets end with their session ---

    @Test
    void logoutClosesTheHubSocketsOfThatSessionOnly() {
        Server server = new Server(deployment);
        String address = email("example.com");
        Session first = Presence.session(server, AUTH.token(address, "Two Tabs", "google"));
        Session second = Presence.session(server, AUTH.token(address, "Two Tabs", "google"));
        assertEquals(first.uuid(), second.uuid());

        try (HubClient a1 = HubClient.open(server, first);
                HubClient a2 = HubClient.open(server, first);
                HubClient b = HubClient.open(server, second)) {
            long start = System.nanoTime();
            assertEquals(200, server.get(P + "logout", first.headers()).status());
            assertEquals(4003, a1.closeCode());
            assertEquals("session ended", a1.closeReason());
            assertEquals(4003, a2.closeCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(AT_ONCE) < 0, "closed at once");
            b.send("{\"type\":\"ping\"}");
            b.next("pong");
            // The closes run on a worker thread, in no order the client could sync with.
            b.quietFor(QUIET);
            assertTrue(b.open(), "the other session's socket stays open");
        }
        assertEquals(
                401,
                server.get(P + "negotiate?uuid=" + first.uuid(), first.headers())
                        .status());
    }

    @Test
    void expiryClosesTheSocketsWith4004AndTheMemberLeavesAtOnce() {
        Server server = new Server(deployment);
        Session member = guest(server, "Expiring Member");
        // The member's session is nearly two hours old when the owner's begins.
        advance(server, 2 * 3600 - 120);
        Session owner = expert(server, "Lasting Owner");
        String roomId = roomWith(server, owner, member, "Expiry Room");

        try (HubClient ownerHub = HubClient.open(server, owner);
                HubClient memberHub = HubClient.open(server, member)) {
            advance(server, 121);
            assertEquals(4004, memberHub.closeCode());
            assertEquals("session expired", memberHub.closeReason());
            JsonObject left = ownerHub.next("member-left");
            assertEquals(member.uuid(), left.getJsonObject("user").getString("uuid"));
            assertEquals("offline", left.getString("reason"));
            assertEquals(List.of(owner.uuid()), members(server, owner, roomId));
            assertTrue(ownerHub.open());
        }
    }

    @Test
    void aSuspendedUsersHubSocketClosesWith4001AndTheUserLeavesTheRoom() {
        Server server = new Server(deployment);
        String admin = legacyToken(server);
        String address = email("example.com");
        String username = "hub" + Long.toHexString(System.nanoTime());
        Reply created = server.postForm(
                PS + "users",
                form(
                        "firstName",
                        "Soon",
                        "lastName",
                        "Suspended",
                        "username",
                        username,
                        "email",
                        address,
                        "password",
                        "n3w-password",
                        "passwordConfirm",
                        "n3w-password",
                        "organization",
                        "UNC",
                        "facility",
                        "UNC",
                        "role",
                        "2",
                        "status",
                        "ACTIVE",
                        "userId",
                        "superadmin",
                        "token",
                        admin));
        assertTrue(created.object().getJsonObject("statusFact").getBoolean("success"), created.body());
        String userId = created.object().getJsonObject("data").getString("id");
        Session suspended = Presence.session(server, AUTH.token(address, "Soon Suspended", "google"));
        Session owner = expert(server, "Watching Owner");
        String roomId = roomWith(server, owner, suspended, "Suspension Room");

        try (HubClient ownerHub = HubClient.open(server, owner);
                HubClient hub = HubClient.open(server, suspended)) {
            long start = System.nanoTime();
            Reply update = server.postForm(
                    PS + "users/" + userId,
                    form(
                            "firstName",
                            "Soon",
                            "lastName",
                            "Suspended",
                            "email",
                            address,
                            "organization",
                            "UNC",
                            "facility",
                            "UNC",
                            "role",
                            "2",
                            "status",
                            "SUSPENDED",
                            "userId",
                            "superadmin",
                            "token",
                            admin));
            assertEquals("SUSPENDED", update.object().getJsonObject("data").getString("status"), update.body());
            assertEquals(4001, hub.closeCode());
            assertEquals("account disabled", hub.closeReason());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(AT_ONCE) < 0, "closed at once");
            JsonObject left = ownerHub.next("member-left");
            assertEquals(suspended.uuid(), left.getJsonObject("user").getString("uuid"));
            assertEquals("offline", left.getString("reason"));
        }
        assertEquals(401, server.get(P + "user", suspended.headers()).status());
    }

    // --- tokens ---

    @Test
    void aNegotiateTokenOpensOneSocketOnceEvenWhenRacing() throws Exception {
        Server server = new Server(deployment);
        Session session = guest(server, "Single Use");
        String token = negotiate(server, session);
        try (HubClient first = HubClient.connect(server, token)) {
            assertEquals(session.uuid(), first.next("connected").getString("user"));
            try (HubClient again = HubClient.connect(server, token)) {
                assertEquals(1008, again.closeCode());
            }
        }

        String raced = negotiate(server, session);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<HubClient>> attempts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                attempts.add(pool.submit(() -> HubClient.connect(server, raced)));
            }
            List<HubClient> clients = new ArrayList<>();
            for (Future<HubClient> attempt : attempts) {
                clients.add(attempt.get());
            }
            int refused = 0;
            for (HubClient client : clients) {
                if (!client.admitted()) {
                    assertEquals(1008, client.closeCode());
                    refused++;
                }
                client.close();
            }
            assertEquals(2, refused, "one socket per token");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTokenOfAnEndedSessionIsRefused() {
        Server server = new Server(deployment);
        Session session = guest(server, "Ended Session");
        String token = negotiate(server, session);
        assertEquals(200, server.get(P + "logout", session.headers()).status());
        try (HubClient late = HubClient.connect(server, token)) {
            assertEquals(1008, late.closeCode());
        }
    }

    // --- limits ---

    @Test
    void theSocketOverTheCapClosesWith4008() {
        Server server = new Server(deployment);
        String address = email("example.com");
        Session one = Presence.session(server, AUTH.token(address, "Many Tabs", "google"));
        Session other = Presence.session(server, AUTH.token(address, "Many Tabs", "google"));
        HubClient first = HubClient.open(server, one);
        try (HubClient b = HubClient.open(server, one);
                HubClient c = HubClient.open(server, other)) {
            // The cap counts the user's sockets across sessions.
            try (HubClient over = HubClient.connect(server, negotiate(server, other))) {
                assertEquals(4008, over.closeCode());
                assertEquals("too many connections", over.closeReason());
            }
            first.close();
            Eventually.until("a closed socket freeing its place", Eventually.PATIENCE, () -> opens(server, one));
            for (HubClient open : List.of(b, c)) {
                open.send("{\"type\":\"ping\"}");
                open.next("pong");
            }
        }
    }

    @Test
    void aClientThatAnswersNoPingIsClosedAndStopsHoldingPresence() {
        Server server = new Server(deployment);
        Session owner = expert(server, "Ping Owner");
        Session member = guest(server, "Vanishing Member");
        String roomId = roomWith(server, owner, member, "Ping Room");
        try (HubClient ownerHub = HubClient.open(server, owner);
                HubClient dead = HubClient.open(server, member)) {
            dead.deafen();
            // Pings go out every 5 s here: the second unanswered one closes the socket, and the grace
            // then runs out on the test clock (the dead client cannot read its close; the room tells).
            // Each round moves the clock past the grace and gives the next sweeps a moment.
            JsonObject left =
                    Eventually.value("the member of the dead socket leaving the room", Duration.ofSeconds(90), () -> {
                        advance(server, PAST_GRACE_SECONDS);
                        return ownerHub.poll(m -> m.getString("type").equals("member-left"), Duration.ofSeconds(2))
                                .orElse(null);
                    });
            assertEquals(member.uuid(), left.getJsonObject("user").getString("uuid"));
            assertEquals("offline", left.getString("reason"));
            assertEquals(List.of(owner.uuid()), members(server, owner, roomId));
        }
    }

    // --- presence tells the truth ---

    @Test
    void aReconnectWithinTheGraceIsSeamless() {
        Server server = new Server(deployment);
        Session owner = expert(server, "Grace Owner");
        Session member = guest(server, "Flaky Member");
        String roomId = roomWith(server, owner, member, "Grace Room");
        try (HubClient ownerHub = HubClient.open(server, owner)) {
            HubClient memberHub = HubClient.open(server, member);
            ownerHub.sync();
            // Once the hub answered the close, it has counted the socket as gone: the grace runs.
            memberHub.close();
            try (HubClient back = HubClient.open(server, member)) {
                assertEquals(roomId, back.hello.getString("room"));
                advance(server, PAST_GRACE_SECONDS + 10);
                List<String> seen = types(ownerHub.quietFor(SWEPT));
                assertFalse(seen.contains("member-left") || seen.contains("member-joined"), seen.toString());
                assertEquals(List.of(owner.uuid(), member.uuid()), members(server, owner, roomId));
            }
        }
    }

    @Test
    void withoutAReconnectTheMemberLeavesAfterTheGrace() {
        Server server = new Server(deployment);
        Session owner = expert(server, "Patient Owner");
        Session member = guest(server, "Gone Member");
        String roomId = roomWith(server, owner, member, "Lapse Room");
        try (HubClient ownerHub = HubClient.open(server, owner)) {
            HubClient.open(server, member).close();
            List<String> seen = types(ownerHub.quietFor(SWEPT));
            assertFalse(seen.contains("member-left"), "still within the grace: " + seen);
            assertEquals(List.of(owner.uuid(), member.uuid()), members(server, owner, roomId));

            advance(server, PAST_GRACE_SECONDS);
            JsonObject left = ownerHub.next("member-left");
            assertEquals(member.uuid(), left.getJsonObject("user").getString("uuid"));
            assertEquals("offline", left.getString("reason"));
            assertEquals(List.of(owner.uuid()), members(server, owner, roomId));
            // The session lives on: the member may come back, approved as before.
            assertEquals("joined", join(server, member, roomId).object().getString("status"));
            assertEquals(
                    member.uuid(),
                    ownerHub.next("member-joined").getJsonObject("user").getString("uuid"));
        }
    }

    @Test
    void aRestOnlySessionStaysWhileItLivesAndLeavesAtLogout() {
        Server server = new Server(deployment);
        Session owner = expert(server, "Rest Owner");
        Session member = guest(server, "Rest Only");
        String roomId = roomWith(server, owner, member, "Rest Room");
        try (HubClient ownerHub = HubClient.open(server, owner)) {
            advance(server, PAST_GRACE_SECONDS + 60);
            List<String> seen = types(ownerHub.quietFor(SWEPT));
            assertFalse(seen.contains("member-left"), seen.toString());
            assertEquals(List.of(owner.uuid(), member.uuid()), members(server, owner, roomId));

            assertEquals(200, server.get(P + "logout", member.headers()).status());
            JsonObject left = ownerHub.next("member-left");
            assertEquals(member.uuid(), left.getJsonObject("user").getString("uuid"));
            assertEquals("offline", left.getString("reason"));
            assertEquals(List.of(owner.uuid()), members(server, owner, roomId));
        }
    }

    @Test
    void aMemberWithAnotherLiveSessionStaysAfterALogout() {
        Server server = new Server(deployment);
        Session owner = expert(server, "Second Owner");
        String address = email("example.com");
        Session phone = Presence.session(server, AUTH.token(address, "Two Devices", "google"));
        String roomId = roomWith(server, owner, phone, "Two Device Room");
        Session laptop = Presence.session(server, AUTH.token(address, "Two Devices", "google"));
        try (HubClient ownerHub = HubClient.open(server, owner);
                HubClient laptopHub = HubClient.open(server, laptop)) {
            ownerHub.sync();
            assertEquals(200, server.get(P + "logout", phone.headers()).status());
            // A departure at logout is sent in the logout's request: the sync shows it did not come.
            assertFalse(types(ownerHub.sync()).contains("member-left"), "the laptop's socket keeps them in");
            assertEquals(List.of(owner.uuid(), phone.uuid()), members(server, owner, roomId));

            assertEquals(200, server.get(P + "logout", laptop.headers()).status());
            assertEquals(4003, laptopHub.closeCode());
            assertEquals("offline", ownerHub.next("member-left").getString("reason"));
            assertEquals(List.of(owner.uuid()), members(server, owner, roomId));
        }
    }

    @Test
    void aNewLoginWithTheSessionsCookieReplacesItWithoutLeavingTheRoom() {
        Server server = new Server(deployment);
        Session owner = expert(server, "Relogin Owner");
        String address = email("example.com");
        Session old = Presence.session(server, AUTH.token(address, "Relogin Member", "google"));
        String roomId = roomWith(server, owner, old, "Relogin Room");
        try (HubClient ownerHub = HubClient.open(server, owner);
                HubClient oldHub = HubClient.open(server, old)) {
            ownerHub.sync();
            Session renewed = Presence.session(server, AUTH.token(address, "Relogin Member", "google"), old.headers());
            assertEquals(4003, oldHub.closeCode(), "the replaced session ended");
            assertEquals(401, server.get(P + "user", old.headers()).status());
            assertFalse(types(ownerHub.sync()).contains("member-left"), "the new session keeps them in");
            assertEquals(List.of(owner.uuid(), renewed.uuid()), members(server, owner, roomId));
        }
    }

    // --- helpers ---

    private static Session expert(Server server, String name) {
        return Presence.session(server, AUTH.token(email("army.mil"), name, "cac"));
    }

    private static Session guest(Server server, String name) {
        return Presence.session(server, AUTH.token(email("example.com"), name, "google"));
    }

    private static String negotiate(Server server, Session session) {
        Reply reply = server.get(P + "negotiate?uuid=" + session.uuid(), session.headers());
        assertEquals(200, reply.status(), reply.body());
        return reply.object().getString("token");
    }

    private static String createRoom(Server server, Session owner, String name) {
        Reply reply = server.send("POST", P + "rooms", "{\"name\":\"" + name + "\"}", owner.headers());
        assertEquals(200, reply.status(), reply.body());
        return reply.object().getString("uuid");
    }

    private static Reply join(Server server, Session session, String roomId) {
        Reply reply = server.request("POST", P + "rooms/" + roomId + "/join", session.headers());
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }

    /** The owner's new room, which the member entered with the owner's approval. */
    private static String roomWith(Server server, Session owner, Session member, String name) {
        String roomId = createRoom(server, owner, name);
        enter(server, owner, member, roomId);
        return roomId;
    }

    /** The member asks to join and the owner, inside, approves. */
    private static void enter(Server server, Session owner, Session member, String roomId) {
        assertEquals("waiting", join(server, member, roomId).object().getString("status"));
        Reply approved = server.request("POST", P + "rooms/approve/" + member.uuid(), owner.headers());
        assertEquals(200, approved.status(), approved.body());
    }

    /** The room's members as {@code GET /presence/rooms} lists them to this session. */
    private static List<String> members(Server server, Session viewer, String roomId) {
        Reply reply = server.get(P + "rooms", viewer.headers());
        assertEquals(200, reply.status(), reply.body());
        return reply.parse().asJsonArray().stream()
                .map(JsonObject.class::cast)
                .filter(room -> room.getString("uuid").equals(roomId))
                .findFirst()
                .orElseThrow()
                .getJsonArray("members")
                .stream()
                .map(m -> m.asJsonObject().getString("uuid"))
                .toList();
    }

    private static List<String> types(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getString("type")).toList();
    }

    private static void advance(Server server, long seconds) {
        Reply reply = server.request("POST", "ops/clock/advance?seconds=" + seconds);
        assertEquals(200, reply.status(), reply.body());
    }

    private static String legacyToken(Server server) {
        Reply reply = server.postForm(
                PS + "validateAccount",
                form("username", "superadmin", "password", "anteroom-demo", "deviceId", "hub-lifecycle-it"));
        return reply.object()
                .getJsonObject("validateAccountFact")
                .getJsonObject("accountFact")
                .getString("token");
    }

    /** Whether a new socket of the session is let in (the hub says "connected", not closing); it is closed again. */
    private static boolean opens(Server server, Session session) {
        try (HubClient next = HubClient.connect(server, negotiate(server, session))) {
            return next.admitted();
        }
    }
}
