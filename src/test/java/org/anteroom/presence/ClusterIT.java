package org.anteroom.presence;

import static org.anteroom.it.Server.form;
import static org.anteroom.presence.Presence.P;
import static org.anteroom.presence.Presence.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.json.JsonObject;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import org.anteroom.bridge.BotClient;
import org.anteroom.bridge.Bots;
import org.anteroom.bridge.Bots.Account;
import org.anteroom.it.Eventually;
import org.anteroom.it.Node;
import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.anteroom.it.ServerLog;
import org.anteroom.it.WebSocketClient;
import org.anteroom.presence.Presence.AuthService;
import org.anteroom.presence.Presence.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in cluster mode ({@code anteroom.cluster=postgres}) on one PostgreSQL database, a schema of their own in
 * the database of the PostgreSQL run: node A with the demo data, node B without. What one node commits reaches the
 * other's sockets, caches and throttle within moments (docs/cluster.md). Runs in the PostgreSQL execution only (the
 * pom); each test makes its own users and rooms on the shared pair.
 */
class ClusterIT {

    /** "Within a few seconds": the notification itself takes milliseconds. */
    private static final Duration SOON = Duration.ofSeconds(5);

    private static final AuthService AUTH = new AuthService();
    private static final String PASSWORD = Bots.PASSWORD;
    private static final ConcurrentLinkedQueue<String> LATENCIES = new ConcurrentLinkedQueue<>();

    private static String schema;
    private static Map<String, String> common;
    private static String nodeUrl;
    private static Node a;
    private static Node b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String url = System.getProperty("anteroom.it.db");
        assertTrue(url.startsWith("jdbc:postgresql:"), "the PostgreSQL run only, not " + url.split(":")[1]);
        schema = "cluster_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = connect(url);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        Path jwks =
                Files.createTempFile(Path.of(System.getProperty("anteroom.war")).getParent(), "cluster-jwks", ".json");
        Files.writeString(jwks, AUTH.jwks(), StandardCharsets.UTF_8);
        nodeUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        common = Node.properties(
                "anteroom.db.url",
                nodeUrl,
                "anteroom.db.user",
                System.getProperty("anteroom.it.db.user"),
                "anteroom.db.password",
                System.getProperty("anteroom.it.db.password"),
                "anteroom.cluster",
                "postgres",
                "anteroom.auth.trusted-jwks",
                jwks.toString(),
                "anteroom.auth.trusted-issuers",
                Presence.TEST_ISSUER,
                "anteroom.throttle.account-failures-per-hour",
                "5");
        Map<String, String> withDemo = new java.util.LinkedHashMap<>(common);
        withDemo.put("anteroom.demo", "true");
        Map<String, String> withoutDemo = new java.util.LinkedHashMap<>(common);
        withoutDemo.put("anteroom.demo", "false");
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Node> first =
                    CompletableFuture.supplyAsync(() -> Node.start("cluster-a", withDemo), starts);
            CompletableFuture<Node> second =
                    CompletableFuture.supplyAsync(() -> Node.start("cluster-b", withoutDemo), starts);
            a = first.handle((node, failure) -> node).join();
            b = second.handle((node, failure) -> node).join();
            first.join();
            second.join();
        } finally {
            starts.shutdown();
        }
    }

    @AfterAll
    static void stopBoth() throws SQLException {
        try {
            for (Node node : new Node[] {a, b}) {
                if (node != null) {
                    ServerLog.assertClean(node.settledLog(), System.getProperty("anteroom.it.db.password"), PASSWORD);
                }
            }
        } finally {
            for (Node node : new Node[] {a, b}) {
                if (node != null) {
                    node.close();
                }
            }
            try (Connection admin = connect(System.getProperty("anteroom.it.db"));
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
            System.out.println("Cross-node latencies (commit answered on one node to the frame on the other): "
                    + String.join(", ", LATENCIES));
        }
    }

    @Test
    void bothNodesAreReadyAsOneClusterAndPublishOneKeySet() {
        for (Node node : List.of(a, b)) {
            JsonObject cluster = check(node.server().get("ops/health/ready").object(), "cluster");
            assertEquals("UP", cluster.getString("status"), cluster.toString());
            assertEquals("anteroom_" + schema, cluster.getJsonObject("data").getString("channel"));
        }
        assertNotEquals(
                check(a.server().get("ops/health/ready").object(), "cluster")
                        .getJsonObject("data")
                        .getString("node"),
                check(b.server().get("ops/health/ready").object(), "cluster")
                        .getJsonObject("data")
                        .getString("node"));
        JsonObject keys = a.server().get(".well-known/jwks.json").object();
        assertEquals(1, keys.getJsonArray("keys").size(), keys.toString());
        assertEquals(keys, b.server().get(".well-known/jwks.json").object());
    }

    @Test
    void aSigningKeyAnAdministratorAddsOrRetiresInTheDatabaseIsUsedByBothNodes() throws Exception {
        ECKey added = new ECKeyGenerator(Curve.P_384)
                .keyID("it-" + UUID.randomUUID())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES384)
                .generate();
        try (Connection db = connect(nodeUrl);
                PreparedStatement insert =
                        db.prepareStatement("INSERT INTO signing_key (kid, private_jwk, created) VALUES (?, ?, ?)")) {
            insert.setString(1, added.getKeyID());
            insert.setString(2, added.toJSONString());
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        }
        try {
            for (Node node : List.of(a, b)) {
                Eventually.until(
                        "the added key published by " + node.port(), SOON, () -> published(node, added.getKeyID()));
                Session session =
                        Presence.session(node.server(), AUTH.token(email("example.com"), "Key User", "google"));
                Reply negotiated = node.server().get(P + "negotiate?uuid=" + session.uuid(), session.headers());
                assertEquals(
                        added.getKeyID(),
                        SignedJWT.parse(negotiated.object().getString("token"))
                                .getHeader()
                                .getKeyID(),
                        "signs with the newest key");
            }
        } finally {
            try (Connection db = connect(nodeUrl);
                    PreparedStatement retire =
                            db.prepareStatement("UPDATE signing_key SET retired = ? WHERE kid = ?")) {
                retire.setLong(1, System.currentTimeMillis());
                retire.setString(2, added.getKeyID());
                retire.executeUpdate();
            }
        }
        for (Node node : List.of(a, b)) {
            Eventually.until(
                    "the retired key withdrawn by " + node.port(), SOON, () -> !published(node, added.getKeyID()));
        }
    }

    @Test
    void roomChangesThroughBReachTheSocketsOnAAndMoveTheApprovedUserIntoTheRoom() {
        Server serverA = a.server();
        Server serverB = b.server();
        Session expert = Presence.session(serverB, AUTH.token(email("army.mil"), "Cluster Expert", "cac"));
        Session guest = Presence.session(serverA, AUTH.token(email("example.com"), "Cluster Guest", "google"));
        Reply created = serverB.send("POST", P + "rooms", "{\"name\":\"Cluster Room\"}", expert.headers());
        assertEquals(200, created.status(), created.body());
        String roomId = created.object().getString("uuid");
        String shortname = created.object().getString("shortname");

        try (HubClient expertHub = HubClient.open(serverA, expert);
                HubClient guestHub = HubClient.open(serverA, guest)) {
            assertEquals(roomId, expertHub.hello.getString("room"), "the room made through B, seen by A");

            Reply waiting = serverB.request("POST", P + "rooms/" + shortname + "/join", guest.headers());
            assertEquals("waiting", waiting.object().getString("status"), waiting.body());
            long asked = System.nanoTime();
            assertEquals(
                    guest.uuid(),
                    soon(expertHub, "join-requested", asked)
                            .getJsonObject("user")
                            .getString("uuid"));
            assertEquals(
                    roomId,
                    soon(guestHub, "waiting", asked).getJsonObject("room").getString("uuid"));

            Reply approved = serverB.request("POST", P + "rooms/approve/" + guest.uuid(), expert.headers());
            assertEquals(200, approved.status(), approved.body());
            long approvedAt = System.nanoTime();
            assertEquals(
                    expert.uuid(),
                    soon(guestHub, "approved", approvedAt)
                            .getJsonObject("approvedBy")
                            .getString("uuid"));
            assertEquals(
                    guest.uuid(),
                    soon(guestHub, "member-joined", approvedAt)
                            .getJsonObject("user")
                            .getString("uuid"));
            assertEquals(
                    guest.uuid(),
                    soon(expertHub, "member-joined", approvedAt)
                            .getJsonObject("user")
                            .getString("uuid"));

            // A knows the approved guest is in the room: its rooms list, and a post through A.
            Reply listed = serverA.get(P + "rooms", guest.headers());
            assertEquals(200, listed.status(), listed.body());
            assertTrue(listed.body().contains(roomId), listed.body());
            Reply posted = serverA.send(
                    "POST", P + "rooms/" + shortname + "/messages", "{\"text\":\"across\"}", guest.headers());
            assertEquals(201, posted.status(), posted.body());

            // The guest's socket on A was moved into the room's traffic: a message through A reaches it.
            Reply fromExpert = serverA.send(
                    "POST", P + "rooms/" + shortname + "/messages", "{\"text\":\"welcome\"}", expert.headers());
            assertEquals(201, fromExpert.status(), fromExpert.body());
            assertEquals(
                    "across",
                    nextMessage(guestHub, "across", System.nanoTime())
                            .getJsonObject("message")
                            .getString("text"),
                    "the guest's own post reaches the guest's socket: it is in the room's traffic on A");
            assertEquals(
                    "welcome",
                    nextMessage(guestHub, "welcome", System.nanoTime())
                            .getJsonObject("message")
                            .getString("text"));

            // And a message through B reaches both sockets on A.
            Reply fromB = serverB.send(
                    "POST", P + "rooms/" + shortname + "/messages", "{\"text\":\"from b\"}", expert.headers());
            assertEquals(201, fromB.status(), fromB.body());
            long sentB = System.nanoTime();
            assertEquals(
                    "from b",
                    nextMessage(guestHub, "from b", sentB)
                            .getJsonObject("message")
                            .getString("text"));
            assertEquals(
                    "from b",
                    nextMessage(expertHub, "from b", sentB)
                            .getJsonObject("message")
                            .getString("text"));
        }
    }

    @Test
    void aHubSocketThatDropsOnAAndResumesOnBGetsExactlyTheFiveFramesItMissed() {
        Server serverA = a.server();
        Server serverB = b.server();
        Session expert = Presence.session(serverA, AUTH.token(email("army.mil"), "Resume Expert", "cac"));
        Session guest = Presence.session(serverA, AUTH.token(email("example.com"), "Resume Guest", "google"));
        Reply created = serverA.send("POST", P + "rooms", "{\"name\":\"Resume Room\"}", expert.headers());
        String shortname = created.object().getString("shortname");
        assertEquals(
                200,
                serverA.request("POST", P + "rooms/" + shortname + "/join", guest.headers())
                        .status());
        assertEquals(
                200,
                serverA.request("POST", P + "rooms/approve/" + guest.uuid(), expert.headers())
                        .status());
        String resume;
        try (HubClient onA = HubClient.open(serverA, guest)) {
            post(serverA, expert, shortname, "seen on A");
            resume = HubClient.position(nextMessage(onA, "seen on A", System.nanoTime()));
        }
        List<String> missed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            missed.add("missed " + i);
            post(i % 2 == 0 ? serverA : serverB, expert, shortname, "missed " + i);
        }
        try (HubClient onB = HubClient.resume(serverB, guest, resume)) {
            List<String> replayed = new ArrayList<>();
            for (int i = 0; i < missed.size(); i++) {
                replayed.add(onB.next("chat-message").getJsonObject("message").getString("text"));
            }
            assertEquals(missed, replayed, "the five, in order, on the other node");
            post(serverA, expert, shortname, "live");
            assertEquals(
                    List.of("live"),
                    onB.sync().stream()
                            .filter(f -> f.getString("type").equals("chat-message"))
                            .map(f -> f.getJsonObject("message").getString("text"))
                            .toList(),
                    "then live frames from A, none twice");
        }
    }

    @Test
    void whenANodeIsKilledItsClientsResumeOnAnotherAndNothingAcknowledgedIsLost() {
        Map<String, String> third = new java.util.LinkedHashMap<>(common);
        third.put("anteroom.demo", "false");
        Node c = Node.start("cluster-c", third);
        try {
            Server serverC = c.server();
            Session expert = Presence.session(a.server(), AUTH.token(email("army.mil"), "Failover Expert", "cac"));
            Session guest = Presence.session(serverC, AUTH.token(email("example.com"), "Failover Guest", "google"));
            Reply created = a.server().send("POST", P + "rooms", "{\"name\":\"Failover Room\"}", expert.headers());
            String shortname = created.object().getString("shortname");
            assertEquals(
                    200,
                    serverC.request("POST", P + "rooms/" + shortname + "/join", guest.headers())
                            .status());
            assertEquals(
                    200,
                    a.server()
                            .request("POST", P + "rooms/approve/" + guest.uuid(), expert.headers())
                            .status());
            Account reader = Bots.user(a.server(), "cfreader");
            Account sender = Bots.user(a.server(), "cfsender");
            String readerToken = Bots.token(serverC, reader.username());
            String resume;
            String chatId;
            try (BotClient senderOnA = Bots.bot(a.server(), sender)) {
                chatId = senderOnA
                        .call("createP2PChat", "{'userId': '" + reader.botId() + "'}")
                        .getString("chatId");
                HubClient guestOnC = HubClient.open(serverC, guest);
                BotClient readerOnC = BotClient.authenticated(serverC, readerToken, false);
                post(a.server(), expert, shortname, "before the crash");
                resume = HubClient.position(nextMessage(guestOnC, "before the crash", System.nanoTime()));
                String acknowledged = send(senderOnA, chatId, "acknowledged on C");
                assertEquals(
                        acknowledged,
                        readerOnC.next("sendMessage").getJsonObject("payload").getString("messageId"));
                Eventually.until(
                        "the acknowledgement on C, seen through A",
                        SOON,
                        () -> unread(a.server(), readerToken, chatId) == 0);

                c.kill();
                guestOnC.deafen();
                readerOnC.deafen();
                guestOnC.close();
                readerOnC.close();

                for (int i = 1; i <= 3; i++) {
                    post(i % 2 == 0 ? a.server() : b.server(), expert, shortname, "while away " + i);
                }
                send(senderOnA, chatId, "unread 1");
                send(senderOnA, chatId, "unread 2");
            }
            try (HubClient guestOnA = HubClient.resume(a.server(), guest, resume);
                    BotClient readerOnB = BotClient.authenticated(b.server(), readerToken, true)) {
                List<String> replayed = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    replayed.add(guestOnA.next("chat-message")
                            .getJsonObject("message")
                            .getString("text"));
                }
                assertEquals(List.of("while away 1", "while away 2", "while away 3"), replayed);
                List<String> backlog = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    backlog.add(readerOnB
                            .next("sendMessage")
                            .getJsonObject("payload")
                            .getJsonObject("content")
                            .getString("text"));
                }
                assertEquals(List.of("unread 1", "unread 2"), backlog);
                assertTrue(
                        readerOnB.sync().stream()
                                .noneMatch(e -> e.getString("method").equals("sendMessage")),
                        "what the bot acknowledged on the killed node does not come again");
            }
        } finally {
            c.close();
        }
    }

    @Test
    void aBotOnAGetsWhatIsPostedThroughB() {
        Account alice = Bots.user(a.server(), "calice");
        Account bob = Bots.user(a.server(), "cbob");
        try (BotClient onA = Bots.bot(a.server(), alice);
                BotClient onB = Bots.bot(b.server(), bob)) {
            String chatId = onB.call("createP2PChat", "{'userId': '" + alice.botId() + "'}")
                    .getString("chatId");
            long createdAt = System.nanoTime();
            assertEquals(chatId, soonBot(onA, "createP2PChat", createdAt).getString("chatId"));

            JsonObject sent = onB.call(
                    "sendMessage",
                    "{'chatId': '" + chatId + "', 'replyMessageId': null, 'content': {'text': 'hi from B',"
                            + " 'parseMode': 'text'}}");
            long sentAt = System.nanoTime();
            JsonObject received = soonBot(onA, "sendMessage", sentAt);
            assertEquals(sent.getString("messageId"), received.getString("messageId"));
            assertEquals("hi from B", received.getJsonObject("content").getString("text"));
            assertEquals(bob.botId(), received.getJsonObject("author").getString("id"));
        }
    }

    @Test
    void aBotThatReconnectsToTheOtherNodeGetsExactlyWhatItHadNotAcknowledged() {
        Account reader = Bots.user(a.server(), "creader");
        Account sender = Bots.user(a.server(), "csender");
        String readerToken = Bots.token(a.server(), reader.username());
        String chatId;
        try (BotClient onB = Bots.bot(b.server(), sender);
                BotClient onA = BotClient.authenticated(a.server(), readerToken, false)) {
            chatId = onB.call("createP2PChat", "{'userId': '" + reader.botId() + "'}")
                    .getString("chatId");
            String read = send(onB, chatId, "read on A");
            assertEquals(read, onA.next("sendMessage").getJsonObject("payload").getString("messageId"));
            onA.sync(); // answered after the acknowledgement before it was taken in
        }
        // Acknowledged on A (the client acknowledges every event): B counts it read.
        Eventually.until(
                "the acknowledgement on A, seen through B", SOON, () -> unread(b.server(), readerToken, chatId) == 0);
        List<String> missed = new ArrayList<>();
        try (BotClient onB = Bots.bot(b.server(), sender)) {
            for (int i = 0; i < 3; i++) {
                missed.add(send(onB, chatId, "missed " + i));
            }
        }
        try (BotClient back = BotClient.authenticated(b.server(), readerToken, true)) {
            List<String> backlog = new ArrayList<>();
            for (int i = 0; i < missed.size(); i++) {
                backlog.add(back.next("sendMessage").getJsonObject("payload").getString("messageId"));
            }
            assertEquals(missed, backlog, "the unread backlog on B, oldest first");
            assertTrue(
                    back.sync().stream().noneMatch(e -> e.getString("method").equals("sendMessage")),
                    "nothing acknowledged on A comes again");
        }
    }

    @Test
    void aSuspensionThroughBEndsEverythingOnA() {
        Server serverA = a.server();
        Account account = Bots.user(serverA, "csusp");
        String address = account.username() + "@bots.example";
        String legacyToken = legacyLogin(serverA, account.username(), PASSWORD)
                .object()
                .getJsonObject("validateAccountFact")
                .getJsonObject("accountFact")
                .getString("token");
        assertEquals(200, serverA.get(statuses(account, legacyToken)).status());
        Session session = Presence.session(serverA, AUTH.token(address, "Soon Suspended", "google"));
        try (HubClient hub = HubClient.open(serverA, session);
                BotClient bot = Bots.bot(serverA, account)) {
            Bots.suspend(b.server(), account);
            long suspended = System.nanoTime();

            assertEquals(4001, hub.awaitClose(SOON).code(), "the hub socket on A closes");
            LATENCIES.add("hub close " + millisSince(suspended) + " ms");
            WebSocketClient.Close botClosed = bot.awaitClose(SOON);
            assertEquals("account disabled", botClosed.reason(), "the bot socket on A closes");
            assertEquals(401, serverA.get(statuses(account, legacyToken)).status(), "the old legacy token");
            assertEquals(401, serverA.get(P + "user", session.headers()).status(), "the presence session");
            Reply again = legacyLogin(serverA, account.username(), PASSWORD);
            assertFalse(
                    again.object()
                            .getJsonObject("validateAccountFact")
                            .getJsonObject("statusFact")
                            .getBoolean("success"),
                    again.body());
            Reply grant = Bots.grant(
                    serverA,
                    "{\"client_id\":\"chat_bot\",\"grant_type\":\"password\",\"username\":\"" + account.username()
                            + "\",\"password\":\"" + PASSWORD + "\"}");
            assertNotEquals(201, grant.status(), grant.body());
            assertEquals(
                    403,
                    Presence.login(serverA, AUTH.token(address, "Soon Suspended", "google"))
                            .status(),
                    "a new presence login");
        }
    }

    @Test
    void aRenameThroughBIsSeenOnAAndAnUpdateThroughAThenSucceeds() {
        Account account = Bots.user(a.server(), "crename");
        String admin = adminToken(a.server());
        assertEquals("Bot", user(a.server(), account, admin).getString("firstName"));

        assertEquals(200, rename(b.server(), account, "Renamed").status());
        assertEquals("Renamed", user(a.server(), account, admin).getString("firstName"), "no stale cache on A");

        Reply throughA = rename(a.server(), account, "Again");
        assertEquals(200, throughA.status(), throughA.body());
        assertEquals("Again", throughA.object().getJsonObject("data").getString("firstName"), throughA.body());
        assertEquals("Again", user(b.server(), account, adminToken(b.server())).getString("firstName"));
    }

    @Test
    void failuresThroughBothNodesCountTogether() {
        Account account = Bots.user(a.server(), "cthrottle");
        for (Server server : List.of(a.server(), b.server(), a.server(), b.server(), a.server())) {
            assertEquals(
                    "Invalid credentials",
                    legacyLogin(server, account.username(), "wrong-pass")
                            .object()
                            .getJsonObject("validateAccountFact")
                            .getJsonObject("statusFact")
                            .getString("failMessage"));
        }
        assertEquals(429, legacyLogin(a.server(), account.username(), PASSWORD).status(), "A: 3 here, 2 on B");
        assertEquals(429, legacyLogin(b.server(), account.username(), PASSWORD).status(), "B: 2 here, 3 on A");
    }

    // --- helpers ---

    private static void post(Server server, Session author, String shortname, String text) {
        Reply reply = server.send(
                "POST", P + "rooms/" + shortname + "/messages", "{\"text\":\"" + text + "\"}", author.headers());
        assertEquals(201, reply.status(), reply.body());
    }

    private static String send(BotClient bot, String chatId, String text) {
        return bot.call(
                        "sendMessage",
                        "{'chatId': '" + chatId + "', 'replyMessageId': null, 'content': {'text': '" + text
                                + "', 'parseMode': 'text'}}")
                .getString("messageId");
    }

    private static int unread(Server server, String token, String chatId) {
        try (BotClient bot = BotClient.authenticated(server, token, false)) {
            return bot.call("getChatByID", "{'chatId': '" + chatId + "'}").getInt("unreadMessages");
        }
    }

    private static JsonObject soon(HubClient hub, String type, long since) {
        JsonObject message = hub.next(type);
        LATENCIES.add(type + " " + millisSince(since) + " ms");
        assertTrue(millisSince(since) < SOON.toMillis(), type + " took " + millisSince(since) + " ms");
        return message;
    }

    private static JsonObject nextMessage(HubClient hub, String text, long since) {
        JsonObject message = hub.next(
                "chat-message '" + text + "'",
                m -> "chat-message".equals(m.getString("type", null))
                        && text.equals(m.getJsonObject("message").getString("text", null)));
        LATENCIES.add("chat-message " + millisSince(since) + " ms");
        assertTrue(millisSince(since) < SOON.toMillis(), "took " + millisSince(since) + " ms");
        return message;
    }

    private static JsonObject soonBot(BotClient bot, String method, long since) {
        JsonObject event = bot.next(method).getJsonObject("payload");
        LATENCIES.add("bot " + method + " " + millisSince(since) + " ms");
        assertTrue(millisSince(since) < SOON.toMillis(), method + " took " + millisSince(since) + " ms");
        return event;
    }

    private static boolean published(Node node, String kid) {
        return node.server().get(".well-known/jwks.json").body().contains("\"" + kid + "\"");
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> name.equals(check.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + health));
    }

    private static Reply legacyLogin(Server server, String username, String password) {
        return server.postForm(
                "PresentationServices/validateAccount",
                form(
                        "username",
                        username,
                        "password",
                        password,
                        "deviceId",
                        UUID.randomUUID().toString()));
    }

    /** The account reading itself, which every account may. */
    private static String statuses(Account account, String token) {
        return "PresentationServices/users/" + account.id() + "?userId=" + account.id() + "&token=" + token;
    }

    private static String adminToken(Server server) {
        return legacyLogin(server, "sigal", "anteroom-demo")
                .object()
                .getJsonObject("validateAccountFact")
                .getJsonObject("accountFact")
                .getString("token");
    }

    private static JsonObject user(Server server, Account account, String admin) {
        Reply reply = server.get("PresentationServices/users/" + account.id() + "?userId=sigal&token=" + admin);
        assertEquals(200, reply.status(), reply.body());
        return reply.object().getJsonObject("data");
    }

    private static Reply rename(Server server, Account account, String firstName) {
        return server.postForm(
                "PresentationServices/users/" + account.id(),
                form(
                        "firstName", firstName,
                        "lastName", "Cluster",
                        "email", account.username() + "@bots.example",
                        "password", "",
                        "passwordConfirm", "",
                        "organization", "UNC",
                        "facility", "UNC",
                        "role", "2",
                        "status", "ACTIVE",
                        "userId", "sigal",
                        "token", adminToken(server)));
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(
                url, System.getProperty("anteroom.it.db.user"), System.getProperty("anteroom.it.db.password"));
    }
}
