package org.anteroom.admin;

import static org.anteroom.it.Server.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.anteroom.directory.Permissions;
import org.anteroom.it.Eventually;
import org.anteroom.it.Node;
import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.anteroom.it.ServerLog;
import org.junit.jupiter.api.Test;

/**
 * docs/admin.md, "First administrator": a production installation starts from an empty database, so
 * these tests start their own nodes ({@link Node}) on their own empty H2 databases, without the demo
 * data and without SMTP (the mail lands in the file outbox, as on a host without a mail server).
 */
class FirstAdministratorIT {

    private static final String PS = "PresentationServices/";
    private static final Pattern CODE = Pattern.compile("Your setup code is: (\\S+)");

    /** One installation: its database and outbox, kept across the restarts of its node. */
    private record Installation(Path folder) {

        static Installation fresh(String name) {
            Path folder = Path.of("target/it/installations", name + "-" + UUID.randomUUID())
                    .toAbsolutePath();
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Installation(folder);
        }

        String databaseUrl() {
            return "jdbc:h2:file:" + folder.resolve("anteroom") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        }

        Path outbox() {
            return folder.resolve("outbox");
        }

        Map<String, String> properties(String... more) {
            Map<String, String> properties = Node.properties(
                    "anteroom.db.url", databaseUrl(),
                    "anteroom.db.user", "sa",
                    "anteroom.db.password", "sa",
                    "anteroom.demo", "false",
                    "anteroom.mail.outbox", outbox().toString());
            properties.putAll(Node.properties(more));
            return properties;
        }

        /**
         * The same database and outbox through {@code anteroom.data-dir} alone: the embedded default's database file
         * and outbox are {@code anteroom} and {@code outbox} in that folder.
         */
        Map<String, String> dataDirProperties(String... more) {
            Map<String, String> properties = Node.properties(
                    "anteroom.data-dir", folder.toString(),
                    "anteroom.db.user", "sa",
                    "anteroom.db.password", "sa",
                    "anteroom.demo", "false");
            properties.putAll(Node.properties(more));
            return properties;
        }

        /** The mails in the outbox, oldest first. */
        List<MimeMessage> mails() {
            if (!Files.isDirectory(outbox())) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(outbox())) {
                List<MimeMessage> mails = new ArrayList<>();
                for (Path file : files.filter(f -> f.toString().endsWith(".eml"))
                        .sorted()
                        .toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        mails.add(new MimeMessage(Session.getInstance(new Properties()), in));
                    }
                }
                return mails;
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        Connection database() throws SQLException {
            return DriverManager.getConnection(databaseUrl(), "sa", "sa");
        }
    }

    private static Map<String, String> bootstrap(String organization, String email) {
        return Node.properties(
                "anteroom.bootstrap.organization", organization,
                "anteroom.bootstrap.admin.email", email);
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code(MimeMessage mail) {
        try {
            String text = mail.getContent().toString();
            Matcher matcher = CODE.matcher(text);
            assertTrue(matcher.find(), "No setup code in the mail: " + text);
            return matcher.group(1);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply redeem(Server server, String code, String password) {
        return server.send("POST", "admin/setup", "{\"code\": \"" + code + "\", \"password\": \"" + password + "\"}");
    }

    private static Reply login(Server server, String username, String password) {
        return server.postForm(
                PS + "validateAccount",
                form(
                        "username",
                        username,
                        "password",
                        password,
                        "deviceId",
                        UUID.randomUUID().toString()));
    }

    private static JsonObject loginFact(Reply reply) {
        return reply.object().getJsonObject("validateAccountFact");
    }

    private static List<JsonValue> organizations(Server server) {
        String token = loginFact(server.get(PS + "validateAccount?temporal=true"))
                .getJsonObject("accountFact")
                .getString("token");
        return server.get(PS + "organizations?token=" + token + "&temporalSession=true")
                .object()
                .getJsonArray("data");
    }

    /**
     * One installation from its first start to a working login, over three starts (a Payara Micro boot is
     * slow): the first creates and mails, the second (after the code expired) mails a new code, the third
     * (after the set-up) does nothing.
     */
    @Test
    void anEmptyDatabaseGetsItsFirstAdministratorThroughAMailedSetupCode() throws Exception {
        Installation installation = Installation.fresh("first-admin");
        Map<String, String> properties =
                installation.properties("anteroom.test.clock-control", "true", "anteroom.bootstrap.code-hours", "2");
        properties.putAll(bootstrap("Acme Health, East", "ops-lead@acme.example"));
        Node node = Node.start("first-admin", properties);
        try {
            Server server = node.server();
            List<MimeMessage> mails =
                    Eventually.until("the setup mail", Eventually.PATIENCE, installation::mails, m -> !m.isEmpty());
            assertEquals(1, mails.size());
            assertEquals("ops-lead@acme.example", recipient(mails.get(0)));
            String first = code(mails.get(0));
            assertTrue(
                    node.log()
                            .contains("First administrator: created organization 'Acme Health, East' (id"
                                    + " acme-health-east), role 'administrator' with every permission and the"
                                    + " PENDING account 'ops-lead'; a one-time setup code was mailed to"
                                    + " ops-lead@acme.example, valid until "),
                    node.log());

            // PENDING until the code is redeemed: the account exists, but cannot sign in.
            assertFalse(loginFact(login(server, "ops-lead", "whatever1"))
                    .getJsonObject("statusFact")
                    .getBoolean("success"));
            // A password the directory refuses, or a wrong code, is a plain 400.
            Reply tooShort = redeem(server, first, "short");
            assertEquals(400, tooShort.status());
            assertEquals(
                    "Password must be longer than 5 and shorter than 20 characters",
                    tooShort.object().getString("message"));
            Reply wrong = redeem(server, "not-the-code-" + UUID.randomUUID(), "Sunrise-2026");
            assertEquals(400, wrong.status());
            assertEquals(
                    "Invalid, expired or already used setup code",
                    wrong.object().getString("message"));
            // Two hours later the code no longer works.
            assertEquals(
                    200,
                    server.request("POST", "ops/clock/advance?seconds=7201").status());
            Reply expired = redeem(server, first, "Sunrise-2026");
            assertEquals(400, expired.status());
            assertEquals(
                    "Invalid, expired or already used setup code",
                    expired.object().getString("message"));
            ServerLog.assertClean(node.settledLog(), first, "Sunrise-2026");
            node.stop();

            // The next start (two hours later: the test clock is gone with the node, so the stored expiry moves
            // back instead) mails a new code and creates nothing else.
            try (Connection db = installation.database()) {
                assertEquals(
                        1, db.createStatement().executeUpdate("UPDATE setup_code SET expires = expires - 7200001"));
            }
            node = node.restart();
            server = node.server();
            assertTrue(
                    node.log()
                            .contains("First administrator: 'ops-lead' is still PENDING and its setup code expired;"
                                    + " a one-time setup code was mailed to ops-lead@acme.example"),
                    node.log());
            mails = installation.mails();
            assertEquals(2, mails.size());
            String second = code(mails.get(1));
            assertEquals(400, redeem(server, first, "Sunrise-2026").status());

            // Two redeems of one code at once: one sets its password, the other is refused.
            List<String> passwords = List.of("Sunrise-2026", "Moonrise-2026");
            List<Reply> replies = race(server, second, passwords);
            assertEquals(
                    List.of(200, 400),
                    replies.stream().map(Reply::status).sorted().toList(),
                    replies.toString());
            int winner = replies.get(0).status() == 200 ? 0 : 1;
            JsonObject setUp = replies.get(winner).object();
            assertEquals("ops-lead", setUp.getString("username"));
            assertEquals("acme-health-east", setUp.getString("organizationId"));
            assertEquals(
                    "Invalid, expired or already used setup code",
                    replies.get(1 - winner).object().getString("message"));

            // The legacy login works with the password set, as an administrator of every permission.
            JsonObject account =
                    loginFact(login(server, "ops-lead", passwords.get(winner))).getJsonObject("accountFact");
            assertEquals("acme-health-east", account.getString("organizationId"));
            JsonObject role = account.getJsonObject("role");
            assertEquals("administrator", role.getString("name"));
            assertEquals(
                    new HashSet<>(Permissions.CATALOGUE),
                    new HashSet<>(role.getJsonArray("permissions").stream()
                            .map(p -> p.asJsonObject().getString("name"))
                            .toList()));
            assertFalse(loginFact(login(server, "ops-lead", passwords.get(1 - winner)))
                    .getJsonObject("statusFact")
                    .getBoolean("success"));
            // A used code stays used.
            assertEquals(400, redeem(server, second, "Another-2026").status());
            ServerLog.assertClean(node.settledLog(), first, second, "Sunrise-2026", "Moonrise-2026", "Another-2026");

            // A start after the set-up, with the keys still set, creates nothing and mails nothing.
            node = node.restart();
            server = node.server();
            assertTrue(
                    node.log()
                            .contains("First administrator: nothing to do: the directory has organizations and no"
                                    + " pending first administrator at ops-lead@acme.example"),
                    node.log());
            assertEquals(2, installation.mails().size());
            List<JsonValue> organizations = organizations(server);
            assertEquals(1, organizations.size(), organizations.toString());
            assertEquals("acme-health-east", organizations.get(0).asJsonObject().getString("id"));
            assertTrue(loginFact(login(server, "ops-lead", passwords.get(winner)))
                    .getJsonObject("statusFact")
                    .getBoolean("success"));
            ServerLog.assertClean(node.settledLog(), first, second, "Sunrise-2026", "Moonrise-2026");
        } finally {
            node.stop();
        }
    }

    /** A code whose mail failed never works, and the next start, with mail working, mails a new one. */
    @Test
    void aSetupMailThatFailedIsSentAgainByTheNextStart() throws Exception {
        Installation installation = Installation.fresh("mail-down");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> mailDown = installation.properties(
                "anteroom.mail.smtp.host", "127.0.0.1", "anteroom.mail.smtp.port", Integer.toString(closedPort));
        mailDown.putAll(bootstrap("Mail Down Clinic", "lead@mail-down.example"));
        try (Node node = Node.start("mail-down", mailDown)) {
            assertTrue(
                    node.settledLog()
                            .contains("First administrator: created organization 'Mail Down Clinic' (id"
                                    + " mail-down-clinic), role 'administrator' with every permission and the"
                                    + " PENDING account 'lead'; the setup code could not be mailed to"
                                    + " lead@mail-down.example"),
                    node.log());
        }
        try (Connection db = installation.database()) {
            ResultSet codes =
                    db.createStatement().executeQuery("SELECT COUNT(*) FROM setup_code WHERE expires > created");
            codes.next();
            assertEquals(0, codes.getInt(1), "the unmailed code no longer works");
        }

        // The second start finds the same database and outbox through the data directory alone.
        Map<String, String> mailUp = installation.dataDirProperties();
        mailUp.putAll(bootstrap("Mail Down Clinic", "lead@mail-down.example"));
        try (Node node = Node.start("mail-up", mailUp)) {
            Server server = node.server();
            List<MimeMessage> mails =
                    Eventually.until("the setup mail", Eventually.PATIENCE, installation::mails, m -> !m.isEmpty());
            assertEquals(1, mails.size());
            assertTrue(
                    node.log()
                            .contains("First administrator: 'lead' is still PENDING and its setup code expired; a"
                                    + " one-time setup code was mailed to lead@mail-down.example"),
                    node.log());
            assertEquals(200, redeem(server, code(mails.get(0)), "Sunrise-2026").status());
            assertTrue(loginFact(login(server, "lead", "Sunrise-2026"))
                    .getJsonObject("statusFact")
                    .getBoolean("success"));
            ServerLog.assertClean(node.settledLog(), code(mails.get(0)), "Sunrise-2026");
        }
    }

    @Test
    void withoutTheKeysNothingIsCreatedAndGuessingIsThrottled() {
        Installation installation = Installation.fresh("no-keys");
        try (Node node =
                Node.start("no-keys", installation.properties("anteroom.throttle.address-failures-per-hour", "3"))) {
            Server server = node.server();
            assertTrue(
                    node.log()
                            .contains(
                                    "First administrator: the directory has no organization and"
                                            + " anteroom.bootstrap.organization and anteroom.bootstrap.admin.email are not set"),
                    node.log());
            assertEquals(List.of(), organizations(server));
            assertEquals(List.of(), installation.mails());

            // Bodies the surface cannot read are plain 400s.
            assertEquals(400, server.send("POST", "admin/setup", "{").status());
            assertEquals(400, server.send("POST", "admin/setup", "[]").status());
            assertEquals(
                    400, server.send("POST", "admin/setup", "{\"code\": 7}").status());
            assertEquals(
                    "code is mandatory",
                    server.send("POST", "admin/setup", "{\"password\": \"Sunrise-2026\"}")
                            .object()
                            .getString("message"));
            assertEquals(405, server.request("GET", "admin/setup").status());

            // Every guess counts against the client's address: the fourth is refused before it is looked up.
            for (int guess = 0; guess < 3; guess++) {
                assertEquals(
                        400, redeem(server, "guess-" + guess, "Sunrise-2026").status());
            }
            Reply throttled = redeem(server, "guess-3", "Sunrise-2026");
            assertEquals(429, throttled.status());
            assertEquals(
                    "Too many failed login attempts; try again later",
                    throttled.object().getString("message"));
            ServerLog.assertClean(node.settledLog(), "Sunrise-2026");
        }
    }

    private static List<Reply> race(Server server, String code, List<String> passwords) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(passwords.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> answers = new ArrayList<>();
            for (String password : passwords) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return redeem(server, code, password);
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> answer : answers) {
                replies.add(answer.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
