package org.anteroom.presence;

import static org.anteroom.presence.Presence.P;
import static org.anteroom.presence.Presence.code;
import static org.anteroom.presence.Presence.email;
import static org.anteroom.presence.Presence.login;
import static org.anteroom.presence.Presence.otpToken;
import static org.anteroom.presence.Presence.sendCode;
import static org.anteroom.presence.Presence.session;
import static org.anteroom.presence.Presence.strings;
import static org.anteroom.presence.Presence.validate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import com.icegreen.greenmail.util.GreenMail;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.anteroom.presence.Presence.AuthService;
import org.anteroom.presence.Presence.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The identity half of the presence API, black-box: one-time codes through a real SMTP server
 * (GreenMail), login tokens of a test auth service trusted through a JWKS file, sessions, the user
 * record and its rules.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PresenceIdentityIT {

    private static final AuthService AUTH = new AuthService();
    private static GreenMail mail;

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeAll
    static void fixtures() throws Exception {
        mail = Presence.startMail();
        Presence.trust(AUTH);
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    // --- the one-time-code flow ---

    @Test
    void theWholeOneTimeCodeFlowEndsInASessionWithMethodEmail() {
        Server server = new Server(deployment);
        String email = email("example.com");

        Reply sent = sendCode(server, email, "Test User");
        assertEquals(200, sent.status(), sent.body());
        assertEquals("true", sent.body());

        Reply validated = validate(server, code(mail, email, 1), email, "Test User");
        assertEquals(200, validated.status(), validated.body());
        JsonObject body = validated.object();
        assertEquals(List.of("email", "name", "token"), List.copyOf(body.keySet()));
        assertEquals(email, body.getString("email"));
        assertEquals("Test User", body.getString("name"));
        JsonObject token = body.getJsonObject("token");
        assertEquals(List.of("token", "user_info", "token_info"), List.copyOf(token.keySet()));
        JsonObject info = token.getJsonObject("user_info");
        assertEquals(Set.of("auth_source", "subject", "uid", "name", "uuid"), info.keySet());
        assertEquals(email, info.getString("uid"));
        assertEquals("Test User", info.getString("name"));
        assertEquals(Set.of("name", "code"), info.getJsonObject("auth_source").keySet());
        assertEquals(info.getJsonObject("auth_source"), token.getJsonObject("token_info"));
        JsonObject header = decode(token.getString("token").split("\\.")[0]);
        assertEquals("ES384", header.getString("alg"));
        assertTrue(
                server.get(".well-known/jwks.json").object().getJsonArray("keys").stream()
                        .anyMatch(key -> key.asJsonObject().getString("kid").equals(header.getString("kid"))),
                "signed with a published key");

        Reply loggedIn = login(server, token.getString("token"));
        assertEquals(200, loggedIn.status(), loggedIn.body());
        JsonObject session = loggedIn.object().getJsonObject("session");
        assertEquals(
                List.of("auth_source", "subject", "uid", "name", "uuid"),
                List.copyOf(session.keySet()),
                "the spec's order");
        assertEquals(info.getString("uuid"), session.getString("uuid"));
        assertEquals(email, session.getString("uid"));
        String cookie = loggedIn.header("Set-Cookie");
        String cookiePair = cookie.substring(0, cookie.indexOf(';'));

        Reply user = server.get(P + "user", "Cookie", cookiePair);
        assertEquals(200, user.status(), user.body());
        JsonObject record = user.object();
        assertEquals(
                List.of("uuid", "name", "device", "type", "created", "modified", "method", "room", "permissions"),
                List.copyOf(record.keySet()));
        assertEquals(session.getString("uuid"), record.getString("uuid"));
        assertEquals("Test User", record.getString("name"));
        assertEquals("email", record.getString("method"));
        assertTrue(record.isNull("room"));
        assertTrue(record.getJsonNumber("created").longValue() > 1_600_000_000_000L);
        assertEquals(List.of(), strings(record.getJsonArray("permissions")), "email logins never create rooms");

        Reply logout = server.get(P + "logout", "Cookie", cookiePair);
        assertEquals(200, logout.status(), logout.body());
        assertTrue(logout.header("Set-Cookie").contains("Max-Age=0"), logout.header("Set-Cookie"));
        Reply after = server.get(P + "user", "Cookie", cookiePair);
        assertEquals(401, after.status());
        assertFalse(after.error().isBlank());
        Reply again = server.get(P + "logout", "Cookie", cookiePair);
        assertEquals(401, again.status());
        assertEquals("Unable to logout of user session", again.error());
    }

    @Test
    void aCodeWorksOnceAndEveryFailureLooksTheSame() {
        Server server = new Server(deployment);
        String email = email("example.com");
        assertEquals(200, sendCode(server, email, "Once Only").status());
        String code = code(mail, email, 1);
        String wrong = code.equals("00000000") ? "00000001" : "00000000";

        Reply wrongCode = validate(server, wrong, email, "Once Only");
        assertEquals(401, wrongCode.status());
        Reply unknownAddress = validate(server, code, email("example.com"), "Once Only");
        assertEquals(401, unknownAddress.status());
        assertEquals(wrongCode.body(), unknownAddress.body(), "an unknown address is not told apart");

        assertEquals(200, validate(server, code, email, "Once Only").status());
        Reply reused = validate(server, code, email, "Once Only");
        assertEquals(401, reused.status());
        assertEquals(wrongCode.body(), reused.body());
    }

    @Test
    void fiveWrongGuessesVoidTheCode() {
        Server server = new Server(deployment);
        String email = email("example.com");
        assertEquals(200, sendCode(server, email, "Guesser").status());
        String code = code(mail, email, 1);
        for (int i = 0; i < 5; i++) {
            String guess = String.format("%08d", (Integer.parseInt(code) + 1 + i) % 100_000_000);
            assertEquals(401, validate(server, guess, email, "Guesser").status());
        }
        assertEquals(401, validate(server, code, email, "Guesser").status(), "void after five wrong guesses");
    }

    @Test
    void aCodeExpiresAfterFifteenMinutes() {
        Server server = new Server(deployment);
        String email = email("example.com");
        assertEquals(200, sendCode(server, email, "Late Comer").status());
        String code = code(mail, email, 1);
        assertEquals(
                200,
                server.request("POST", "ops/clock/advance?seconds=" + (15 * 60 + 1))
                        .status());
        assertEquals(401, validate(server, code, email, "Late Comer").status());
    }

    @Test
    void aNewCodeReplacesThePreviousOneAndTheFourthSendIsRefused() {
        Server server = new Server(deployment);
        String email = email("example.com");
        assertEquals(200, sendCode(server, email, "Many Codes").status());
        assertEquals(200, sendCode(server, email, "Many Codes").status());
        String first = code(mail, email, 1);
        String second = code(mail, email, 2);
        assertEquals(200, sendCode(server, email, "Many Codes").status());
        String third = code(mail, email, 3);

        Reply fourth = sendCode(server, email, "Many Codes");
        assertEquals(429, fourth.status(), fourth.body());
        assertFalse(fourth.error().isBlank());
        if (!first.equals(third)) {
            assertEquals(401, validate(server, first, email, "Many Codes").status());
        }
        if (!second.equals(third)) {
            assertEquals(401, validate(server, second, email, "Many Codes").status());
        }
        assertEquals(200, validate(server, third, email, "Many Codes").status());
    }

    @Test
    void parallelValidationsOfOneCodeLetExactlyOneThrough() throws Exception {
        Server server = new Server(deployment);
        String email = email("example.com");
        assertEquals(200, sendCode(server, email, "Racer").status());
        String code = code(mail, email, 1);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> validate(server, code, email, "Racer").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sendAndValidateRejectBadInputWith400() {
        Server server = new Server(deployment);
        assertEquals(
                400,
                server.send("POST", P + "otp/send", "{\"emailAddress\": \"not-an-email\", \"displayName\": \"Ok\"}")
                        .status());
        assertEquals(
                400,
                server.send("POST", P + "otp/send", "{\"emailAddress\": \"a@example.com\", \"displayName\": \"x\"}")
                        .status());
        assertEquals(
                400,
                server.send("POST", P + "otp/send", "{\"displayName\": \"No Email\"}")
                        .status());
        assertEquals(
                400,
                server.send("POST", P + "otp/send", "{\"emailAddress\": 5, \"displayName\": \"Ok\"}")
                        .status());
        assertEquals(400, server.send("POST", P + "otp/send", "{not json").status());
        assertEquals(400, server.send("POST", P + "otp/send", "[1, 2]").status());
        assertEquals(400, server.send("POST", P + "otp/send", "").status());
        assertEquals(
                413,
                server.send("POST", P + "otp/send", "{\"displayName\": \"" + "x".repeat(70_000) + "\"}")
                        .status());
        Reply shortCode = validate(server, "1234567", email("example.com"), "Some One");
        assertEquals(400, shortCode.status());
        assertTrue(shortCode.error().contains("8 digits"), shortCode.error());
        assertEquals(
                400,
                validate(server, "1234567a", email("example.com"), "Some One").status());
        assertEquals(
                400,
                server.send("POST", P + "otp/validate", "{\"p\": 12345678, \"e\": \"a@example.com\", \"n\": \"Ab\"}")
                        .status());
    }

    @Test
    void aMailThatCannotBeSentIsAClearErrorAndLeavesNoCode() throws Exception {
        Server server = new Server(deployment);
        String email = email("example.com");
        mail.stop();
        try {
            Reply refused = sendCode(server, email, "No Mail");
            assertEquals(503, refused.status(), refused.body());
            assertFalse(refused.error().isBlank());
        } finally {
            mail = Presence.startMail();
        }
        try (Connection db = Server.database();
                PreparedStatement select = db.prepareStatement(
                        "select count(*) from otp_challenge where email_key = ? and consumed = false")) {
            select.setString(1, email);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                assertEquals(0, rows.getInt(1), "no redeemable challenge without a mail");
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(200, sendCode(server, email, "No Mail").status(), "the failed send did not count");
        }
    }

    // --- login tokens ---

    @Test
    void aTokenOfTheTrustedAuthServiceOpensASessionAndLaterLoginsUpdateTheName() throws Exception {
        Server server = new Server(deployment);
        String email = email("army.mil");
        String proposedUuid = UUID.randomUUID().toString();
        String token = AUTH.sign(AUTH.claims(email, "Major Tom", "cac")
                .claim("uuid", proposedUuid)
                .claim("auth_source", java.util.Map.of("name", "smeconnect.dev", "code", "adapt-authn.azure"))
                .build());

        Reply reply = login(
                server,
                token,
                "x-adapt-host",
                "collab.example.org",
                "x-adapt-handler",
                "presence",
                "x-adapt-url",
                "https://collab.example.org/presence/login");
        assertEquals(200, reply.status(), reply.body());
        JsonObject session = reply.object().getJsonObject("session");
        assertEquals(proposedUuid, session.getString("uuid"));
        assertEquals(email, session.getString("uid"));
        assertEquals("Major Tom", session.getString("name"));
        assertEquals("smeconnect.dev", session.getJsonObject("auth_source").getString("name"));
        assertEquals("adapt-authn.azure", session.getJsonObject("auth_source").getString("code"));
        assertTrue(session.getString("subject").startsWith("sub-"));

        String setCookie = reply.header("Set-Cookie");
        assertTrue(setCookie.matches("sess[0-9a-f]{8}=[A-Za-z0-9_-]{43}; .*"), setCookie);
        List<String> attributes = List.of(setCookie.split("; "));
        assertTrue(attributes.containsAll(List.of("Path=/", "Max-Age=7200", "HttpOnly", "SameSite=Lax")), setCookie);
        assertFalse(attributes.contains("Secure"), "plain HTTP: " + setCookie);
        assertEquals("no-store", reply.header("Cache-Control"));
        try (Connection db = Server.database()) {
            assertEquals(
                    "collab.example.org|presence|https://collab.example.org/presence/login|CAC",
                    single(
                            db,
                            "select s.adapt_host || '|' || s.adapt_handler || '|' || s.adapt_url || '|' || s.login_method"
                                    + " from presence_session s join app_user u on u.id = s.user_id where u.uuid = ?",
                            proposedUuid),
                    "the gateway's headers are recorded with the session");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }

        Session later = session(server, AUTH.token(email, "Colonel Tom", "cac"));
        assertEquals(
                setCookie.substring(0, 12), later.setCookie().substring(0, 12), "one cookie name per installation");
        assertNotEquals(setCookie.substring(0, setCookie.indexOf(';')), later.cookie());
        JsonObject record = server.get(P + "user", later.headers()).object();
        assertEquals(proposedUuid, record.getString("uuid"));
        assertEquals("Colonel Tom", record.getString("name"));
        assertEquals("cac", record.getString("method"));
        assertEquals(List.of("rooms_create", "room_kick"), strings(record.getJsonArray("permissions")));
    }

    @Test
    void theCookieIsSecureBehindAnHttpsProxy() {
        Server server = new Server(deployment);
        Reply reply =
                login(server, AUTH.token(email("example.com"), "Behind Proxy", "google"), "X-Forwarded-Proto", "https");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(List.of(reply.header("Set-Cookie").split("; ")).contains("Secure"), reply.header("Set-Cookie"));
    }

    @Test
    void tokensThatMustBeRefused() throws Exception {
        Server server = new Server(deployment);
        String email = email("army.mil");
        JWTClaimsSet good = AUTH.claims(email, "Refused", "cac").build();
        List<String> refused = new ArrayList<>();

        ECKey stranger =
                new ECKeyGenerator(Curve.P_256).keyID(AUTH.key.getKeyID()).generate();
        refused.add(AuthService.sign(stranger, good));

        String[] parts = AUTH.sign(good).split("\\.");
        refused.add(base64("{\"alg\":\"none\"}") + "." + parts[1] + ".");
        refused.add(
                base64("{\"alg\":\"none\",\"kid\":\"" + AUTH.key.getKeyID() + "\"}") + "." + parts[1] + "." + parts[2]);

        SignedJWT hs256 = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(AUTH.key.getKeyID())
                        .build(),
                good);
        hs256.sign(new MACSigner(new byte[32]));
        refused.add(hs256.serialize());

        refused.add(AUTH.sign(AUTH.claims(email, "Refused", "cac")
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                .build()));
        refused.add(AUTH.sign(
                AUTH.claims(email, "Refused", "cac").expirationTime(null).build()));
        refused.add(AUTH.sign(AUTH.claims(email, "Refused", "cac")
                .issuer("https://evil.example")
                .build()));
        refused.add(AUTH.sign(AUTH.claims(email, "Refused", "cac")
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofDays(3))))
                .build()));
        refused.add(AUTH.sign(AUTH.claims(null, "Refused", "cac").build()));
        refused.add(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20));
        refused.add("not-a-jwt");

        for (String token : refused) {
            Reply reply = login(server, token);
            assertEquals(401, reply.status(), token + " -> " + reply.body());
            assertFalse(reply.error().isBlank());
            assertEquals(null, reply.header("Set-Cookie"));
        }
        Reply none = server.get(P + "login");
        assertEquals(401, none.status());
        assertEquals(
                401,
                server.get(P + "login", "Authorization", "Basic dXNlcjpwYXNz").status());
        assertEquals(200, login(server, AUTH.sign(good)).status(), "the same claims, properly signed, are accepted");
    }

    // --- the user record ---

    @Test
    void permissionsFollowTheAuthenticatedMethodAndAddressNeverAWrittenField() {
        Server server = new Server(deployment);
        assertEquals(
                List.of(), permissions(server, session(server, AUTH.token(email("example.com"), "Cac Civ", "cac"))));
        assertEquals(
                List.of(), permissions(server, session(server, AUTH.token(email("army.mil"), "Goog Mil", "google"))));
        assertEquals(
                List.of(),
                permissions(server, session(server, AUTH.token(email("mil.example.com"), "Fake Mil", "cac"))));
        assertEquals(
                List.of("rooms_create", "room_kick"),
                permissions(server, session(server, AUTH.token(email("us.af.mil"), "Air Force", "cac"))));
        assertEquals(
                List.of(),
                permissions(server, session(server, AUTH.token(email("mail.mil"), "No Method", null))),
                "no method claim: a federated login");
        assertEquals(
                List.of("rooms_create", "room_kick"),
                permissions(
                        server,
                        session(
                                server,
                                AUTH.sign(AUTH.claims(email("mail.mil"), "Smart Card", null)
                                        .claim("amr", List.of("sc", "pin"))
                                        .build()))),
                "a smart card in amr is a CAC login");

        Session google = session(server, AUTH.token(email("army.mil"), "Self Promoted", "google"));
        Reply promoted = server.send("PUT", P + "user", "{\"method\": \"cac\"}", google.headers());
        assertEquals(200, promoted.status(), promoted.body());
        assertEquals("cac", promoted.object().getString("method"), "the label is stored");
        assertEquals(List.of(), strings(promoted.object().getJsonArray("permissions")), "but grants nothing");
        assertEquals(List.of(), permissions(server, google));

        // The demo administrator's legacy role holds both permissions; an email login still cannot create rooms.
        assertEquals(
                List.of("rooms_create", "room_kick"),
                permissions(server, session(server, AUTH.token("superadmin@unc.example", "Super Admin", "google"))));
        assertEquals(
                List.of("room_kick"),
                permissions(server, session(server, AUTH.token("superadmin@unc.example", "Super Admin", "email"))));
    }

    @Test
    void aUserEditsItsOwnRecordWithValidatedFields() {
        Server server = new Server(deployment);
        String email = email("example.com");
        Session session = session(server, AUTH.token(email, "Field Worker", "google"));

        Reply created = server.send(
                "POST",
                P + "user",
                "{\"uuid\": \"" + session.uuid() + "\", \"uid\": \"" + email
                        + "\", \"name\": \"Field Worker 2\", \"device\": \"iPad\", \"type\": \"OnSiteUser\", \"method\": \"google\"}",
                session.headers());
        assertEquals(200, created.status(), created.body());
        JsonObject record = created.object();
        assertEquals("Field Worker 2", record.getString("name"));
        assertEquals("iPad", record.getString("device"));
        assertEquals("OnSiteUser", record.getString("type"));
        long modified = record.getJsonNumber("modified").longValue();

        Reply updated = server.send("PUT", P + "user", "{\"device\": \"DMM-v1\"}", session.headers());
        assertEquals(200, updated.status(), updated.body());
        assertEquals("DMM-v1", updated.object().getString("device"));
        assertEquals("OnSiteUser", updated.object().getString("type"), "absent fields stay");
        assertTrue(updated.object().getJsonNumber("modified").longValue() >= modified);

        Reply badEnums = server.send(
                "PUT",
                P + "user",
                "{\"device\": \"Toaster\", \"type\": \"Boss\", \"method\": \"sms\"}",
                session.headers());
        assertEquals(400, badEnums.status());
        assertTrue(badEnums.error().contains("device must be one of WebUI"), badEnums.error());
        assertTrue(badEnums.error().contains("type must be one of"), badEnums.error());
        assertTrue(badEnums.error().contains("method must be one of"), badEnums.error());

        assertEquals(
                403,
                server.send(
                                "PUT",
                                P + "user",
                                "{\"uuid\": \"" + UUID.randomUUID() + "\", \"name\": \"Other\"}",
                                session.headers())
                        .status());
        assertEquals(
                403,
                server.send("PUT", P + "user", "{\"uid\": \"someone-else@example.com\"}", session.headers())
                        .status());
        assertEquals(
                400,
                server.send("PUT", P + "user", "{\"name\": 42}", session.headers())
                        .status());
        assertEquals(
                400,
                server.send("PUT", P + "user", "{\"name\": \"\"}", session.headers())
                        .status());
        assertEquals(
                400,
                server.send("POST", P + "user", "{\"device\": ", session.headers())
                        .status());
        assertEquals(
                400,
                server.send("POST", P + "user", "\"just a string\"", session.headers())
                        .status());
        assertEquals(
                401,
                server.send("PUT", P + "user", "{\"name\": \"No Session\"}").status());

        JsonObject unchanged = server.get(P + "user", session.headers()).object();
        assertEquals("DMM-v1", unchanged.getString("device"), "nothing half-written by the refused requests");
        assertEquals("Field Worker 2", unchanged.getString("name"));
    }

    @Test
    void onlyAToolReadsAnotherUsersRecord() {
        Server server = new Server(deployment);
        Session gateway = session(server, AUTH.token(email("example.com"), "Tools Gateway", "google"));
        assertEquals(
                200,
                server.send(
                                "PUT",
                                P + "user",
                                "{\"type\": \"EmbeddedNode\", \"device\": \"EmbeddedNode\"}",
                                gateway.headers())
                        .status());
        Session expert = session(server, AUTH.token(email("example.com"), "Expert", "google"));
        Session tool = session(server, AUTH.token(email("example.com"), "Micrometer", "google"));
        assertEquals(
                200,
                server.send(
                                "PUT",
                                P + "user",
                                "{\"type\": \"Tool\", \"device\": \"OpticalMicrometer-v1\"}",
                                tool.headers())
                        .status());

        JsonObject seenByExpert =
                server.get(P + "user/" + gateway.uuid(), expert.headers()).object();
        assertEquals(expert.uuid(), seenByExpert.getString("uuid"), "anyone but a Tool gets its own record");

        Reply seenByTool = server.get(P + "user/" + gateway.uuid(), tool.headers());
        assertEquals(200, seenByTool.status(), seenByTool.body());
        assertEquals(gateway.uuid(), seenByTool.object().getString("uuid"));
        assertEquals("EmbeddedNode", seenByTool.object().getString("type"));
        assertEquals("Tools Gateway", seenByTool.object().getString("name"));

        assertEquals(
                404, server.get(P + "user/" + UUID.randomUUID(), tool.headers()).status());
        assertEquals(400, server.get(P + "user/not-a-uuid", tool.headers()).status());
        assertEquals(401, server.get(P + "user/" + gateway.uuid()).status());
    }

    @Test
    void deletingTheUserForgetsItsRoomApprovals() throws Exception {
        Server server = new Server(deployment);
        String email = email("example.com");
        Session session = session(server, AUTH.token(email, "Approved Once", "google"));
        try (Connection db = Server.database()) {
            String userId = single(db, "select id from app_user where uuid = ?", session.uuid());
            String room = single(db, "select id from room where code = ?", "poda");
            insertApproval(db, room, userId, null);
            insertApproval(db, room, null, email);
            assertEquals("2", count(db, userId, email));

            Reply deleted = server.request("DELETE", P + "user", session.headers());
            assertEquals(200, deleted.status(), deleted.body());
            assertEquals("true", deleted.body());
            assertEquals("0", count(db, userId, email));
        }
        assertEquals(200, server.get(P + "user", session.headers()).status(), "the user itself stays");
    }

    @Test
    void everythingButLoginLogoutAndCodesNeedsASession() {
        Server server = new Server(deployment);
        for (String path : List.of("user", "user/" + UUID.randomUUID())) {
            Reply reply = server.get(P + path);
            assertEquals(401, reply.status(), path);
            assertFalse(reply.error().isBlank());
            assertEquals(
                    401, server.get(P + path, "Cookie", "sess00000000=forged").status());
        }
        assertEquals(401, server.request("DELETE", P + "user").status());
        Reply unknown = server.get(P + "no-such-endpoint");
        assertEquals(404, unknown.status());
        assertFalse(unknown.error().isBlank());
        assertEquals(405, server.request("DELETE", P + "login").status());
    }

    @Test
    void aSessionEndsAfterTwoHours() {
        Server server = new Server(deployment);
        Session session = session(server, AUTH.token(email("example.com"), "Short Lived", "google"));
        assertEquals(200, server.get(P + "user", session.headers()).status());
        assertEquals(
                200,
                server.request("POST", "ops/clock/advance?seconds=" + (2 * 3600 + 1))
                        .status());
        assertEquals(401, server.get(P + "user", session.headers()).status());
    }

    @Test
    void anOtpTokenAndAnExternalTokenForTheSameAddressAreTheSameUser() {
        Server server = new Server(deployment);
        String email = email("example.com");
        Session byCode = session(server, otpToken(server, mail, email, "Two Ways"));
        Session byToken = session(server, AUTH.token(email, "Two Ways", "apple"));
        assertEquals(byCode.uuid(), byToken.uuid());
        assertEquals("apple", server.get(P + "user", byToken.headers()).object().getString("method"));
    }

    private static List<String> permissions(Server server, Session session) {
        Reply reply = server.get(P + "user", session.headers());
        assertEquals(200, reply.status(), reply.body());
        return strings(reply.object().getJsonArray("permissions"));
    }

    private static JsonObject decode(String part) {
        return Server.json(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8).replace('"', '\''))
                .asJsonObject();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String single(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), sql);
                return rows.getString(1);
            }
        }
    }

    private static void insertApproval(Connection db, String room, String userId, String email) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("insert into room_approval"
                + " (id, room_id, user_id, invitee_email, approved_by, approved_at) values (?, ?, ?, ?, null, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, room);
            insert.setString(3, userId);
            insert.setString(4, email);
            insert.setLong(5, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }

    private static String count(Connection db, String userId, String email) throws Exception {
        try (PreparedStatement select =
                db.prepareStatement("select count(*) from room_approval where user_id = ? or invitee_email = ?")) {
            select.setString(1, userId);
            select.setString(2, email);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
