package org.anteroom.presence;

import static org.anteroom.it.Server.form;
import static org.anteroom.presence.Presence.P;
import static org.anteroom.presence.Presence.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.anteroom.bridge.Bots;
import org.anteroom.it.Eventually;
import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.anteroom.it.ServerLog;
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
 * One account, one lifecycle, tried as an attacker would: a self-registered stranger who is still
 * PENDING, someone who registers another person's address, and a user suspended while signed in.
 * Each story is played to the end and must fail where the attacker wanted it to work, while the
 * legitimate path next to it keeps working.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountLifecycleIT {

    private static final String PS = "PresentationServices/";
    private static final String PASSWORD = "s3cret-squatter";
    private static final Pattern CONFIRM_LINK =
            Pattern.compile("(\\S*/PresentationServices/confirmEmail\\?code=)([A-Za-z0-9_-]+)");
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

    // --- 1. status gates every right ---

    @Test
    void aPendingStrangerWhoSignsInToPresenceIsAPlainPresenceUser() {
        Server server = new Server(deployment);
        String address = email("stranger.example");
        String registered = selfRegister(server, "stranger", address, "UNC", "1");
        confirm(server, address);

        // The address is proven, so the sign-in finds the registration; it is still PENDING.
        Session stranger = Presence.session(server, otpToken(server, address, "Stranger"));
        assertEquals(registered, stranger.uuid());
        JsonObject record = server.get(P + "user", stranger.headers()).object();
        assertEquals(List.of(), Presence.strings(record.getJsonArray("permissions")));

        String facilityRoom = facilityRoom("podc");
        assertFalse(roomIds(server, stranger).contains(facilityRoom), "a PENDING account is no facility staff");
        Reply joined = server.request("POST", P + "rooms/" + facilityRoom + "/join", stranger.headers());
        assertEquals("waiting", joined.object().getString("status"), joined.body());
        assertEquals(409, server.get(P + "jwt", stranger.headers()).status());

        // Once an administrator activates it, the directory's rights apply.
        assertEquals(
                200,
                server.postForm(PS + "users/" + registered, adminForm(server, address, "UNC", "1", "ACTIVE"))
                        .status());
        assertTrue(roomIds(server, stranger).contains(facilityRoom));
        assertEquals(
                List.of("room_kick"),
                Presence.strings(
                        server.get(P + "user", stranger.headers()).object().getJsonArray("permissions")));
        server.request("POST", P + "rooms/" + facilityRoom + "/leave", stranger.headers());
    }

    @Test
    void aPendingStrangerCannotKickAnyone() {
        Server server = new Server(deployment);
        String address = email("stranger.example");
        String registered = selfRegister(server, "kicker", address, "UNC", "1");
        confirm(server, address);
        Session stranger = Presence.session(server, otpToken(server, address, "Kicker"));
        assertEquals(registered, stranger.uuid());

        // An ACTIVE facility administrator opens a room and lets the stranger in.
        Session admin = Presence.session(server, AUTH.token("chargenurse@unc.example", "Charge Nurse", "google"));
        String room = facilityRoom("podd");
        assertEquals(
                "joined",
                server.request("POST", P + "rooms/" + room + "/join", admin.headers())
                        .object()
                        .getString("status"));
        assertEquals(
                "waiting",
                server.request("POST", P + "rooms/" + room + "/join", stranger.headers())
                        .object()
                        .getString("status"));
        assertEquals(
                200,
                server.request("POST", P + "rooms/approve/" + stranger.uuid(), admin.headers())
                        .status());

        Reply kick = server.request("POST", P + "rooms/" + room + "/kick/" + admin.uuid(), stranger.headers());
        assertEquals(403, kick.status(), kick.body());
        // The administrator's kick of the stranger works, and it sticks: no facility approval lets it back.
        assertEquals(
                200,
                server.request("POST", P + "rooms/" + room + "/kick/" + stranger.uuid(), admin.headers())
                        .status());
        assertEquals(
                "waiting",
                server.request("POST", P + "rooms/" + room + "/join", stranger.headers())
                        .object()
                        .getString("status"));
        server.request("POST", P + "disconnect", admin.headers());
        server.request("POST", P + "disconnect", stranger.headers());
    }

    // --- 2. an address links identities only once it is proven ---

    @Test
    void squattingSomeoneElsesAddressFailsAtEveryStep() {
        ServerLog.Mark mark = ServerLog.mark();
        Server server = new Server(deployment);
        String owner = email("owner.example");
        String squatterName = "squat" + UUID.randomUUID().toString().substring(0, 8);
        String squatted = selfRegister(server, squatterName, owner, "UNC", "1");

        // The proof mail goes to the owner, who ignores it; opening the link alone proves nothing.
        String link = confirmLink(owner);
        Reply page = server.get(link.substring(link.indexOf(PS)));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("method=\"post\""), page.body());
        assertFalse(emailProven(squatted));
        assertFalse(confirmed(server.postForm(PS + "confirmEmail", form("code", "not-the-code"))));

        // The owner signs in to presence: a record of their own, none of the squatter's placement or password.
        Session first = Presence.session(server, AUTH.token(owner, "Real Owner", "google"));
        assertNotEquals(squatted, first.uuid());
        assertEquals(
                List.of(),
                Presence.strings(
                        server.get(P + "user", first.headers()).object().getJsonArray("permissions")));
        assertFalse(roomIds(server, first).contains(facilityRoom("pode")));
        Session again = Presence.session(server, otpToken(server, owner, "Real Owner"));
        assertEquals(first.uuid(), again.uuid(), "the owner keeps one record");

        // The squatter's claim was released: the late click on the proof link proves nothing any more.
        assertFalse(confirmed(server.postForm(PS + "confirmEmail", form("code", code(link)))));
        JsonObject claim = legacyUser(server, squatted);
        assertTrue(!claim.containsKey("email") || claim.isNull("email"), claim.toString());

        // An administrator activates the squatter's record: still nothing of the owner's.
        assertEquals(
                200,
                server.postForm(PS + "users/" + squatted, adminForm(server, "", "UNC", "1", "ACTIVE"))
                        .status());
        assertEquals(
                "Invalid credentials",
                legacyFail(server.postForm(
                        PS + "validateAccount",
                        form("email", owner, "password", PASSWORD, "deviceId", "squatter-phone"))));
        Reply byAddress = Bots.grant(
                server,
                "{\"client_id\":\"chat_bot\",\"grant_type\":\"password\",\"username\":\"" + owner + "\",\"password\":\""
                        + PASSWORD + "\"}");
        assertEquals(400, byAddress.status(), byAddress.body());
        // The squatter's own name still logs in, as the squatter: not the owner's presence identity.
        Reply own = Bots.grant(
                server,
                "{\"client_id\":\"chat_bot\",\"grant_type\":\"password\",\"username\":\"" + squatterName
                        + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, own.status(), own.body());
        assertEquals(
                first.uuid(),
                Presence.session(server, AUTH.token(owner, "Real Owner", "google"))
                        .uuid());

        ServerLog.assertClean(
                ServerLog.since(mark),
                PASSWORD,
                code(link),
                cookieValue(first),
                cookieValue(again),
                own.object().getString("access_token"));
    }

    @Test
    void anAddressTheOwnerHoldsCannotBeRegisteredAgain() {
        Server server = new Server(deployment);
        String owner = email("owner.example");
        Presence.session(server, AUTH.token(owner, "Owner First", "google"));
        Reply reply = server.postForm(
                PS + "users",
                registration("late" + UUID.randomUUID().toString().substring(0, 8), owner, "UNC", "1")
                        + "&temporalSession=true&token=" + temporalToken(server));
        assertTrue(reply.body().contains("is already taken"), reply.body());
    }

    @Test
    void aRegistrantWhoConfirmsTheirAddressKeepsOneAccount() {
        Server server = new Server(deployment);
        String address = email("honest.example");
        String registered = selfRegister(server, "honest", address, "UNC", "2");
        assertFalse(emailProven(registered));
        Reply confirmed = server.postForm(PS + "confirmEmail", form("code", code(confirmLink(address))));
        assertTrue(confirmed(confirmed), confirmed.body());
        assertEquals(registered, confirmed.object().getJsonObject("data").getString("userId"));
        assertTrue(emailProven(registered));
        assertEquals(
                registered,
                Presence.session(server, AUTH.token(address, "Honest User", "google"))
                        .uuid());
    }

    @Test
    void anAddressAnAdministratorEnteredIsVouchedFor() {
        Server server = new Server(deployment);
        String address = email("staff.example");
        Reply created = server.postForm(
                PS + "users",
                registration("staff" + UUID.randomUUID().toString().substring(0, 8), address, "UNC", "2")
                        + "&status=ACTIVE&userId=sigal&token=" + adminToken(server));
        String id = created.object().getJsonObject("data").getString("id");
        assertTrue(emailProven(id));
        Session staff = Presence.session(server, AUTH.token(address, "Staff Member", "google"));
        assertEquals(id, staff.uuid());
        assertTrue(roomIds(server, staff).contains(facilityRoom("podf")), "ACTIVE staff see their facility's rooms");
    }

    // --- 3. suspension reaches live presence sessions ---

    @Test
    void suspensionEndsPresenceSessionsAtOnce() {
        ServerLog.Mark mark = ServerLog.mark();
        Server server = new Server(deployment);
        String address = email("suspended.example");
        String username = "susp" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = server.postForm(
                PS + "users",
                registration(username, address, "UNC", "2") + "&status=ACTIVE&userId=sigal&token="
                        + adminToken(server));
        String id = created.object().getJsonObject("data").getString("id");
        Session session = Presence.session(server, AUTH.token(address, "Soon Suspended", "google"));
        assertEquals(200, server.get(P + "user", session.headers()).status());

        assertEquals(
                200,
                server.postForm(PS + "users/" + id, adminForm(server, address, "UNC", "2", "SUSPENDED"))
                        .status());
        assertEquals(401, server.get(P + "user", session.headers()).status());
        assertEquals(
                401,
                server.get(P + "negotiate?uuid=" + session.uuid(), session.headers())
                        .status());
        assertEquals(
                403,
                Presence.login(server, AUTH.token(address, "Soon Suspended", "google"))
                        .status());

        // Active again: a new sign-in works; deactivation (legacy DELETE) ends it the same way.
        assertEquals(
                200,
                server.postForm(PS + "users/" + id, adminForm(server, address, "UNC", "2", "ACTIVE"))
                        .status());
        Session back = Presence.session(server, AUTH.token(address, "Back Again", "google"));
        assertEquals(
                200,
                server.request("DELETE", PS + "users/" + id + "?userId=sigal&token=" + adminToken(server))
                        .status());
        assertEquals(401, server.get(P + "user", back.headers()).status());
        ServerLog.assertClean(ServerLog.since(mark), PASSWORD, cookieValue(session), cookieValue(back));
    }

    // --- helpers ---

    private static String registration(String username, String address, String facility, String role) {
        return form(
                "firstName",
                "New",
                "lastName",
                "Person",
                "username",
                username,
                "email",
                address,
                "password",
                PASSWORD,
                "passwordConfirm",
                PASSWORD,
                "organization",
                "UNC",
                "facility",
                facility,
                "role",
                role);
    }

    /** A self-registration with a temporal token; returns the new user's id (also its presence uuid). */
    private static String selfRegister(Server server, String prefix, String address, String facility, String role) {
        String username = prefix.length() > 12
                ? prefix
                : prefix + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = server.postForm(
                PS + "users",
                registration(username, address, facility, role) + "&temporalSession=true&token="
                        + temporalToken(server));
        assertTrue(confirmed(reply), reply.body());
        JsonObject user = reply.object().getJsonObject("data");
        assertEquals("PENDING", user.getString("status"));
        return user.getString("id");
    }

    private static String adminForm(Server server, String address, String facility, String role, String status) {
        return form(
                "firstName",
                "New",
                "lastName",
                "Person",
                "email",
                address,
                "organization",
                "UNC",
                "facility",
                facility,
                "role",
                role,
                "status",
                status,
                "userId",
                "sigal",
                "token",
                adminToken(server));
    }

    private static String adminToken(Server server) {
        return server.postForm(
                        PS + "validateAccount",
                        form("username", "sigal", "password", "anteroom-demo", "deviceId", "lifecycle-it"))
                .object()
                .getJsonObject("validateAccountFact")
                .getJsonObject("accountFact")
                .getString("token");
    }

    private static String temporalToken(Server server) {
        return server.get(PS + "validateAccount?temporal=true")
                .object()
                .getJsonObject("validateAccountFact")
                .getJsonObject("accountFact")
                .getString("token");
    }

    private static JsonObject legacyUser(Server server, String id) {
        return server.get(PS + "users/" + id + "?userId=sigal&token=" + adminToken(server))
                .object()
                .getJsonObject("data");
    }

    private static boolean confirmed(Reply reply) {
        return reply.object().getJsonObject("statusFact").getBoolean("success");
    }

    private static String legacyFail(Reply reply) {
        return reply.object()
                .getJsonObject("validateAccountFact")
                .getJsonObject("statusFact")
                .getString("failMessage");
    }

    private static void confirm(Server server, String address) {
        Reply reply = server.postForm(PS + "confirmEmail", form("code", code(confirmLink(address))));
        assertTrue(confirmed(reply), reply.body());
    }

    /** A login token through the email-code flow, for an address whose first mail was the proof mail. */
    private static String otpToken(Server server, String address, String name) {
        assertEquals(200, Presence.sendCode(server, address, name).status());
        Reply validated = Presence.validate(server, Presence.code(mail, address, 2), address, name);
        assertEquals(200, validated.status(), validated.body());
        return validated.object().getJsonObject("token").getString("token");
    }

    private static String cookieValue(Session session) {
        return session.cookie().substring(session.cookie().indexOf('=') + 1);
    }

    private static String code(String link) {
        return link.substring(link.indexOf("code=") + 5);
    }

    /** The confirmation link of the proof mail this address received. */
    private static String confirmLink(String address) {
        return Eventually.value("a confirmation mail for " + address, Eventually.PATIENCE, () -> {
            for (MimeMessage message : mail.getReceivedMessagesForDomain(address)) {
                Matcher matcher =
                        CONFIRM_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
                if (matcher.find()) {
                    return matcher.group(1) + matcher.group(2);
                }
            }
            return null;
        });
    }

    private static List<String> roomIds(Server server, Session session) {
        JsonArray rooms = server.get(P + "rooms", session.headers()).parse().asJsonArray();
        return rooms.getValuesAs(JsonObject.class).stream()
                .map(room -> room.getString("uuid"))
                .toList();
    }

    private static String facilityRoom(String code) {
        return single("select id from room where facility_id = 'UNC' and code = ?", code);
    }

    private static boolean emailProven(String userId) {
        try (Connection db = Server.database();
                PreparedStatement query = db.prepareStatement("select email_proven from app_user where id = ?")) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                return rows.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String single(String sql, String parameter) {
        try (Connection db = Server.database();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), sql);
                return rows.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
