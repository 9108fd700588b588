package org.anteroom.legacy;

import static org.anteroom.it.Server.form;
import static org.anteroom.it.Server.json;
import static org.anteroom.legacy.Legacy.PASSWORD;
import static org.anteroom.legacy.Legacy.PS;
import static org.anteroom.legacy.Legacy.device;
import static org.anteroom.legacy.Legacy.failMessage;
import static org.anteroom.legacy.Legacy.login;
import static org.anteroom.legacy.Legacy.temporalToken;
import static org.anteroom.legacy.Legacy.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PresentationServices contract, black-box against the built WAR on Payara Micro: the spec's
 * own sample requests (same parameters, {@code _} included, form encoding, {@code Origin: file://})
 * with their full response shapes, then the bad inputs a client can send.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LegacyApiIT {

    private static final String MOBILE = "Mozilla/5.0 (Linux; Android 4.4.2; Nexus 5 Build/KOT49H)";

    @ArquillianResource
    URL deployment;

    Server server;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeEach
    void connect() {
        server = new Server(deployment);
    }

    // ---- samples of the spec ---------------------------------------------------------------

    @Test
    void temporalTokenAsTheSpecShowsIt() {
        Reply reply = server.get(
                PS + "validateAccount?temporal=true&_=1400053144477",
                "Origin",
                "http://localhost",
                "Accept",
                "application/json, text/javascript, */*; q=0.01");

        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/json"));
        assertEquals("http://localhost", reply.header("Access-Control-Allow-Origin"));
        JsonObject fact = reply.object().getJsonObject("validateAccountFact");
        String token = fact.getJsonObject("accountFact").getString("token");
        assertTrue(token.length() >= 22, "at least 128 bits: " + token);
        assertEquals(
                json("{'statusFact': {'success': true}, 'accountFact': {'token': '" + token
                        + "', 'role': null, 'userId': null, 'activeDevices': []}}"),
                fact);
    }

    @Test
    void tagLoginAsTheSpecShowsIt() {
        Reply reply = server.get(
                PS + "validateAccount?tagId=poda&deviceId=" + device() + "&_=1395133673252", "User-Agent", MOBILE);

        JsonObject account = reply.object().getJsonObject("validateAccountFact").getJsonObject("accountFact");
        assertEquals(
                json("{'validateAccountFact': {'accountFact': {'activeDevices': [], 'facilityId': 'UNC',"
                        + " 'organizationId': 'UNC', 'role': {'description': '', 'id': 2, 'name': 'pod', 'organizationId': 'UNC',"
                        + " 'permissions': [{'id': 54, 'name': 'read_user', 'organizationId': 'UNC'},"
                        + " {'id': 58, 'name': 'list_patients_from_current_facility'}]},"
                        + " 'token': '" + account.getString("token") + "', 'userId': 'poda', 'username': '3'},"
                        + " 'statusFact': {'success': true}}}"),
                reply.object());
    }

    @Test
    void usernameLoginByFormFromACordovaApp() {
        Reply reply = server.postForm(
                PS + "validateAccount",
                form("username", "sigal", "password", PASSWORD, "deviceId", device()),
                "Origin",
                "file://");

        assertEquals(200, reply.status());
        assertEquals("file://", reply.header("Access-Control-Allow-Origin"));
        JsonObject account = reply.object().getJsonObject("validateAccountFact").getJsonObject("accountFact");
        assertEquals("sigal", account.getString("userId"));
        assertEquals("admin", account.getJsonObject("role").getString("name"));
        assertTrue(account.getJsonObject("role").getJsonArray("permissions").stream()
                .anyMatch(p -> p.asJsonObject().getString("name").equals("list_users_from_all_organizations")));
    }

    @Test
    void emailLoginIgnoresCaseOfTheEmail() {
        JsonObject account = login(server, "email", "E@E.com", PASSWORD, device());
        assertEquals("354a7aae-ac06-4892-ac61-ce302351eb35", account.getString("userId"));
        assertEquals("username-e", account.getString("username"));
    }

    @Test
    void organizationsWithATemporalToken() {
        Reply reply = server.get(
                PS + "organizations?token=" + temporalToken(server) + "&temporalSession=true&_=1400053839602");

        // The demo organizations come first, in their order; organizations other tests create follow them.
        assertEquals(json("{'success': true}"), reply.object().getJsonObject("statusFact"));
        assertEquals(
                json("[{'id': 'UNC', 'name': 'UNC'}, {'id': 'Another1', 'name': 'Another Organization'}]"),
                Json.createArrayBuilder(reply.object().getJsonArray("data").subList(0, 2))
                        .build());
    }

    @Test
    void facilitiesWithATemporalToken() {
        Reply reply = server.get(PS + "organizations/UNC/facilities?token=" + temporalToken(server)
                + "&temporalSession=true&_=1400055586281");

        assertEquals(
                json("{'data': ["
                        + "{'id': 'NorthEastern', 'nfcEnabled': true, 'nfcSelfModificationEnabled': true, 'name': 'North Eastern',"
                        + " 'barCodeEnabled': true, 'organizationId': 'UNC'},"
                        + "{'id': 'Vidant', 'nfcEnabled': false, 'nfcSelfModificationEnabled': false, 'name': 'Vidant',"
                        + " 'barCodeEnabled': false, 'organizationId': 'UNC'},"
                        + "{'id': 'UNC', 'nfcEnabled': true, 'nfcSelfModificationEnabled': false, 'name': 'UNC',"
                        + " 'barCodeEnabled': true, 'organizationId': 'UNC'}],"
                        + " 'statusFact': {'success': true}}"),
                reply.object());
    }

    @Test
    void rolesWithATemporalToken() {
        Reply reply = server.get(PS + "organizations/UNC/roles?token=" + temporalToken(server)
                + "&temporalSession=true&_=1400055586282");

        assertEquals(
                json("{'data': [{'id': 1, 'description': '', 'name': 'admin', 'organizationId': 'UNC'},"
                        + " {'id': 2, 'description': '', 'name': 'pod', 'organizationId': 'UNC'}],"
                        + " 'statusFact': {'success': true}}"),
                reply.object());
    }

    @Test
    void readingOrganizationsAndFacilities() {
        String auth = "token=" + token(server, "superadmin") + "&userId=superadmin";

        assertEquals(
                json("{'data': {'id': 'UNC', 'name': 'UNC'}, 'statusFact': {'success': true}}"),
                server.get(PS + "organizations/UNC?" + auth).object());
        assertEquals(
                json("{'data': {'id': 'Vidant', 'nfcEnabled': false, 'nfcSelfModificationEnabled': false,"
                        + " 'name': 'Vidant', 'barCodeEnabled': false, 'organizationId': 'UNC'},"
                        + " 'statusFact': {'success': true}}"),
                server.get(PS + "organizations/UNC/facilities/Vidant?" + auth).object());
        JsonValue facilityError = json("{'statusFact': {'failMessage': 'Error reading Facility', 'success': false}}");
        assertEquals(
                facilityError,
                server.get(PS + "organizations/UNC/facilities/FakeFacility?" + auth)
                        .object());
        assertEquals(
                facilityError,
                server.get(PS + "organizations/Another1/facilities/Vidant?" + auth)
                        .object());
        assertEquals(
                json("{'statusFact': {'failMessage': 'Error reading Organization', 'success': false}}"),
                server.get(PS + "organizations/Nowhere?" + auth).object());
        assertEquals(
                json("{'statusFact': {'failMessage': 'Error reading Organization', 'success': false}}"),
                server.get(PS + "organizations/Nowhere/facilities?" + auth).object());
    }

    @Test
    void everyFacilityRoomAlsoHasAPresenceShortname() throws Exception {
        List<String> shortnames = new ArrayList<>();
        try (Connection db = Server.database();
                ResultSet rows =
                        db.createStatement().executeQuery("select shortname from room where facility_id is not null")) {
            while (rows.next()) {
                shortnames.add(rows.getString(1));
            }
        }
        assertFalse(shortnames.isEmpty());
        assertTrue(
                shortnames.stream().allMatch(s -> s != null && s.matches("[a-z]+(-[a-z]+){3}")), shortnames.toString());
        assertEquals(shortnames.size(), shortnames.stream().distinct().count());
    }

    @Test
    void roomsOfAFacility() {
        String auth = "token=" + token(server, "superadmin") + "&userId=superadmin";

        JsonObject list = server.get(PS + "organizations/UNC/facilities/UNC/rooms?" + auth)
                .object();
        StringBuilder expected = new StringBuilder("{'data': [");
        for (char pod = 'a'; pod <= 'g'; pod++) {
            expected.append(pod == 'a' ? "" : ", ")
                    .append("{'facilityId': 'UNC', 'id': 'pod")
                    .append(pod)
                    .append("', 'name': 'Pod ")
                    .append(Character.toUpperCase(pod))
                    .append("'}");
        }
        assertEquals(json(expected.append("], 'statusFact': {'success': true}}").toString()), list);
        assertEquals(
                json("{'data': {'facilityId': 'UNC', 'id': 'poda', 'name': 'Pod A'}, 'statusFact': {'success': true}}"),
                server.get(PS + "organizations/UNC/facilities/UNC/rooms/poda?" + auth)
                        .object());
        assertEquals(
                json("{'statusFact': {'failMessage': 'Error reading Room', 'success': false}}"),
                server.get(PS + "organizations/UNC/facilities/UNC/rooms/podX?" + auth)
                        .object());
        assertEquals(
                json("{'statusFact': {'failMessage': 'Error reading Facility', 'success': false}}"),
                server.get(PS + "organizations/Another1/facilities/UNC/rooms?" + auth)
                        .object());
    }

    @Test
    void userStatusesAsTheSpecShowsThem() {
        Reply reply = server.get(
                PS + "userStatuses?userId=sigal&token=" + token(server, "sigal") + "&_=1400057312395",
                "User-Agent",
                MOBILE);

        assertEquals(
                json("{'data': [{'value': 'ACTIVE'}, {'value': 'PENDING'}, {'value': 'SUSPENDED'},"
                        + " {'value': 'INACTIVE'}], 'statusFact': {'success': true}}"),
                reply.object());
    }

    // ---- login rules -------------------------------------------------------------------------

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        JsonValue refused = json("{'validateAccountFact': {'statusFact': {'failMessage': 'Invalid credentials',"
                + " 'success': false}}}");
        // A failure counts against the account's throttle: a user of its own, not a demo user others log in as.
        String username = ownUser("wrongpass");
        Reply wrongPassword =
                server.get(PS + "validateAccount?username=" + username + "&password=wrong-pass&deviceId=" + device());
        Reply unknownUser = server.get(PS + "validateAccount?username=nobody-" + UUID.randomUUID()
                + "&password=wrong-pass&deviceId=" + device());
        Reply unknownTag = server.get(PS + "validateAccount?tagId=not-a-tag&deviceId=" + device());

        assertEquals(200, wrongPassword.status());
        assertEquals(wrongPassword.status(), unknownUser.status());
        assertEquals(wrongPassword.status(), unknownTag.status());
        assertEquals(refused, wrongPassword.object());
        assertEquals(refused, unknownUser.object());
        assertEquals(refused, unknownTag.object());
    }

    @Test
    void loginNeedsADeviceAndACredential() {
        assertEquals("Device id is mandatory", failMessage(server.get(PS + "validateAccount?tagId=poda")));
        assertEquals(
                "A tagId, username or email is mandatory",
                failMessage(server.get(PS + "validateAccount?deviceId=" + device() + "&_=1")));
        assertEquals(
                "Password is mandatory",
                failMessage(server.get(PS + "validateAccount?username=podb&deviceId=" + device())));
        assertEquals(
                "Device id must be at most 200 characters",
                failMessage(server.get(PS + "validateAccount?tagId=poda&deviceId=" + "d".repeat(201))));
    }

    @Test
    void oneTokenPerDeviceAndOtherDevicesAreListed() {
        String phone = device();
        String tablet = device();
        String first = login(server, "username", "10", PASSWORD, phone).getString("token");
        JsonObject onTablet = login(server, "username", "10", PASSWORD, tablet);
        assertTrue(onTablet.getJsonArray("activeDevices").contains(Json.createValue(phone)));
        assertFalse(onTablet.getJsonArray("activeDevices").contains(Json.createValue(tablet)));

        String second = login(server, "username", "10", PASSWORD, phone).getString("token");

        assertNotEquals(first, second);
        assertEquals(
                401, server.get(PS + "userStatuses?userId=podb&token=" + first).status());
        assertEquals(
                200, server.get(PS + "userStatuses?userId=podb&token=" + second).status());
        assertEquals(
                200,
                server.get(PS + "userStatuses?userId=podb&token=" + onTablet.getString("token"))
                        .status());
    }

    @Test
    void failedLoginsAreThrottledPerAccount() {
        // The IT server allows 5 failures per account and hour (anteroom.throttle.account-failures-per-hour);
        // a user of its own, so that no other test meets the throttle.
        String username = ownUser("throttled");
        String email = username + "@unc.example";
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    "Invalid credentials",
                    failMessage(server.get(PS + "validateAccount?username=" + username
                            + "&password=wrong-pass&deviceId=" + device())));
        }
        Reply throttled = server.get(
                PS + "validateAccount?username=" + username + "&password=" + PASSWORD + "&deviceId=" + device());

        assertEquals(429, throttled.status());
        assertEquals("Too many failed login attempts; try again later", failMessage(throttled));
        assertEquals(
                429,
                server.get(PS + "validateAccount?email=" + email + "&password=" + PASSWORD + "&deviceId=" + device())
                        .status(),
                "the same account by its email is throttled too");
    }

    @Test
    void logoutEndsTheToken() {
        String token = token(server, "sigal");
        assertEquals(
                json("{'statusFact': {'success': true}}"),
                server.postForm(PS + "logout", form("token", token, "userId", "sigal"))
                        .object());
        assertEquals(
                401, server.get(PS + "userStatuses?userId=sigal&token=" + token).status());
        assertEquals(401, server.get(PS + "logout?token=" + token).status());
    }

    // ---- tokens ------------------------------------------------------------------------------

    @Test
    void operationsNeedAValidToken() {
        Reply missing = server.get(PS + "organizations?_=1");
        assertEquals(401, missing.status());
        assertEquals(
                json("{'statusFact': {'failMessage': 'Security token is mandatory', 'success': false}}"),
                missing.object());
        Reply unknown = server.get(PS + "organizations?token=6d033802-9e9d-4fc6-a8fd-2a0c677a43a6");
        assertEquals(401, unknown.status());
        assertEquals("Invalid or expired security token", failMessage(unknown));
        assertEquals(
                "Invalid or expired security token",
                failMessage(server.get(PS + "organizations?token=" + "t".repeat(500))));
    }

    @Test
    void aTemporalTokenOnlyOpensTheSelfRegistrationOperations() {
        String temporal = temporalToken(server);
        for (String path : new String[] {
            "userStatuses",
            "organizations/UNC",
            "organizations/UNC/facilities/UNC",
            "organizations/UNC/facilities/UNC/rooms",
            "organizations/UNC/facilities/UNC/rooms/poda"
        }) {
            Reply reply = server.get(PS + path + "?token=" + temporal + "&temporalSession=true&userId=sigal");
            assertEquals(403, reply.status(), path);
            assertEquals("This operation cannot be used with a temporal token", failMessage(reply));
        }
    }

    @Test
    void temporalSessionMustDescribeTheToken() {
        assertEquals(
                401,
                server.get(PS + "organizations?temporalSession=false&token=" + temporalToken(server))
                        .status());
        assertEquals(
                401,
                server.get(PS + "organizations?temporalSession=true&token=" + token(server, "sigal"))
                        .status());
        assertEquals(
                400,
                server.get(PS + "organizations?temporalSession=maybe&token=" + temporalToken(server))
                        .status());
    }

    @Test
    void userIdMustNameTheTokensUser() {
        String token = token(server, "10");
        Reply someoneElse = server.get(PS + "organizations/UNC?token=" + token + "&userId=superadmin");
        assertEquals(403, someoneElse.status());
        assertEquals("userId does not match the security token", failMessage(someoneElse));
        Reply missing = server.get(PS + "organizations/UNC?token=" + token);
        assertEquals(400, missing.status());
        assertEquals("userId is mandatory", failMessage(missing));
    }

    @Test
    void newerClientsMaySendTheTokenAsBearer() {
        Reply reply =
                server.get(PS + "organizations/UNC?userId=sigal", "Authorization", "Bearer " + token(server, "sigal"));
        assertEquals(200, reply.status());
    }

    /** The clock moves relative to the tokens made here; every other test makes its own tokens when it runs. */
    @Test
    void aTemporalTokenExpiresAfterFiveMinutesAndAUserTokenAfterTwelveHours() {
        String temporal = temporalToken(server);
        String user = token(server, "sigal");
        assertEquals(
                200,
                server.get(PS + "organizations?temporalSession=true&token=" + temporal)
                        .status());

        advanceClock(301);

        Reply expired = server.get(PS + "organizations?temporalSession=true&token=" + temporal);
        assertEquals(401, expired.status());
        assertEquals("Invalid or expired security token", failMessage(expired));
        assertEquals(
                200,
                server.get(PS + "userStatuses?userId=sigal&token=" + user).status(),
                "a user token outlives a temporal one (and records its use)");

        advanceClock(12 * 3600);

        assertEquals(
                401, server.get(PS + "userStatuses?userId=sigal&token=" + user).status());
    }

    @Test
    void racingLoginsFromOneDeviceLeaveExactlyOneLiveToken() throws Exception {
        String device = device();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> logins = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                logins.add(pool.submit(() -> login(server, "username", "superadmin", PASSWORD, device)
                        .getString("token")));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> login : logins) {
                tokens.add(login.get()); // all logins have finished before any token is checked
            }
            int live = 0;
            for (String token : tokens) {
                int status = server.get(PS + "userStatuses?userId=superadmin&token=" + token)
                        .status();
                assertTrue(status == 200 || status == 401, "status " + status);
                live += status == 200 ? 1 : 0;
            }
            assertEquals(1, live);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- bad requests ------------------------------------------------------------------------

    @Test
    void oversizedAndMalformedInputGets400() {
        Reply oversized = server.get(PS + "validateAccount?username=" + "x".repeat(5000) + "&password=p&deviceId=d");
        assertEquals(400, oversized.status());
        assertEquals("Parameter 'username' is too long", failMessage(oversized));

        Reply garbled = server.postForm(PS + "validateAccount", "username=%zz&password=x&deviceId=d");
        assertEquals(400, garbled.status());
        assertFalse(garbled.body().contains("Exception"), garbled.body());

        Reply hugeBody = server.postForm(PS + "validateAccount", "a=" + "b".repeat(70_000));
        assertEquals(413, hugeBody.status());
        assertEquals(
                json("{'validateAccountFact': {'statusFact': {'failMessage': 'Request body is too large',"
                        + " 'success': false}}}"),
                hugeBody.object());
    }

    @Test
    void unknownOperationsAndWrongMethodsGetTheEnvelope() {
        Reply unknown = server.get(PS + "patients?token=x");
        assertEquals(404, unknown.status());
        assertEquals(json("{'statusFact': {'failMessage': 'Unknown operation', 'success': false}}"), unknown.object());

        Reply wrongMethod = server.request("DELETE", PS + "organizations?token=x");
        assertEquals(405, wrongMethod.status());
        assertEquals("Method not allowed for this operation", failMessage(wrongMethod));
    }

    @Test
    void unknownParametersAreIgnored() {
        Reply reply =
                server.get(PS + "organizations?token=" + temporalToken(server) + "&temporalSession=true&foo=bar&_=17");
        assertEquals(200, reply.status());
    }

    @Test
    void corsPreflightForDeleteFromAFileOrigin() {
        Reply preflight = server.request(
                "OPTIONS",
                PS + "users/354a7aae-ac06-4892-ac61-ce302351eb35",
                "Origin",
                "null",
                "Access-Control-Request-Method",
                "DELETE",
                "Access-Control-Request-Headers",
                "content-type");

        assertEquals(204, preflight.status());
        assertEquals("null", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("DELETE"));
        assertEquals("content-type", preflight.header("Access-Control-Allow-Headers"));
    }

    @Test
    void pingIsTrivialJson() {
        Reply ping = server.get("ops/ping");
        assertEquals(200, ping.status());
        assertEquals(json("{'status': 'UP'}"), ping.object());
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** A new active user of UNC, made by the demo administrator; its username (its email is username@unc.example). */
    private String ownUser(String prefix) {
        String username = prefix + device().substring(0, 8);
        Reply created = server.postForm(
                PS + "users",
                form(
                        "firstName",
                        "Own",
                        "lastName",
                        "User",
                        "username",
                        username,
                        "email",
                        username + "@unc.example",
                        "password",
                        PASSWORD,
                        "passwordConfirm",
                        PASSWORD,
                        "organization",
                        "UNC",
                        "facility",
                        "UNC",
                        "role",
                        "2",
                        "status",
                        "ACTIVE",
                        "userId",
                        "sigal",
                        "token",
                        token(server, "sigal")));
        assertTrue(created.object().getJsonObject("statusFact").getBoolean("success"), created.body());
        return username;
    }

    private void advanceClock(long seconds) {
        Reply moved = server.request("POST", "ops/clock/advance?seconds=" + seconds);
        assertEquals(200, moved.status(), moved.body());
    }
}
