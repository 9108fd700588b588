package org.anteroom.legacy;

import static org.anteroom.it.Server.form;
import static org.anteroom.it.Server.json;
import static org.anteroom.legacy.Legacy.PS;
import static org.anteroom.legacy.Legacy.accountFact;
import static org.anteroom.legacy.Legacy.device;
import static org.anteroom.legacy.Legacy.failMessage;
import static org.anteroom.legacy.Legacy.temporalToken;
import static org.anteroom.legacy.Legacy.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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
 * The legacy user operations, black-box: the spec's samples, every validation rule, the permission
 * matrix (admin, pod, temporal token, self), the races, and the import of SHA-1 users. Each test
 * registers the users it changes; the demo users are only read or used as callers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LegacyUsersIT {

    private static final String E_USER = "354a7aae-ac06-4892-ac61-ce302351eb35";
    private static final String UPDATE_DATE = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d";

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

    // ---- registration ------------------------------------------------------------------------

    @Test
    void selfRegistrationAsTheSpecShowsIt() {
        // The spec's sample, with a password its own length rule accepts (its "1234" is too short).
        Reply reply = server.postForm(
                PS + "users",
                "firstName=Esteban&lastName=Aliverti&username=eaa"
                        + "&email=esteban.aliverti%40cogmed.com&password=s3cret-pw&passwordConfirm=s3cret-pw"
                        + "&organization=UNC&facility=Vidant&role=1&tagId=&token=" + temporalToken(server)
                        + "&temporalSession=true",
                "Origin",
                "file://");

        assertEquals(200, reply.status());
        assertEquals("file://", reply.header("Access-Control-Allow-Origin"));
        JsonObject data = reply.object().getJsonObject("data");
        assertTrue(data.getString("id").matches("[0-9a-f-]{36}"), data.getString("id"));
        assertTrue(data.getString("updateDate").matches(UPDATE_DATE), data.getString("updateDate"));
        assertEquals(
                json("{'data': {'email': 'esteban.aliverti@cogmed.com', 'facilityId': 'Vidant',"
                        + " 'facilityName': 'Vidant', 'firstName': 'Esteban', 'id': '" + data.getString("id") + "',"
                        + " 'username': 'eaa', 'lastName': 'Aliverti', 'organizationId': 'UNC', 'organizationName': 'UNC',"
                        + " 'roleId': 1, 'roleName': 'admin', 'status': 'PENDING', 'updateDate': '"
                        + data.getString("updateDate") + "'}, 'statusFact': {'success': true}}"),
                reply.object());
        assertFalse(reply.body().contains("s3cret-pw"));

        assertEquals(
                "User account is pending approval",
                failMessage(server.postForm(
                        PS + "validateAccount",
                        form("username", "eaa", "password", "s3cret-pw", "deviceId", device()))));
    }

    @Test
    void anAdministratorActivatesASelfRegisteredUser() {
        String username = unique("newbie");
        String id = register(validForm(username)).object().getJsonObject("data").getString("id");
        assertEquals(
                "User account is pending approval",
                failMessage(server.postForm(
                        PS + "validateAccount",
                        form("username", username, "password", "n3w-password", "deviceId", device()))));

        Reply activated = server.postForm(
                PS + "users/" + id,
                form(
                        "firstName",
                        "New",
                        "lastName",
                        "User",
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

        assertEquals("ACTIVE", activated.object().getJsonObject("data").getString("status"));
        assertEquals(
                id,
                accountFact(server.postForm(
                                PS + "validateAccount",
                                form("username", username, "password", "n3w-password", "deviceId", device())))
                        .getString("userId"));
    }

    @Test
    void malformedEmailAsTheSpecShowsIt() {
        Reply reply = server.postForm(
                PS + "users",
                "firstName=Esteban&lastName=Aliverti&username=eaa2"
                        + "&email=esteban.aliverti%40cogmed&password=s3cret-pw&passwordConfirm=s3cret-pw&organization=UNC"
                        + "&facility=Vidant&role=1&tagId=&token=" + temporalToken(server) + "&temporalSession=true",
                "Origin",
                "file://");

        assertEquals(200, reply.status());
        assertEquals(
                Json.createObjectBuilder()
                        .add(
                                "data",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("message", "Malformed email: 'esteban.aliverti@cogmed'")))
                        .add(
                                "statusFact",
                                Json.createObjectBuilder()
                                        .add("failMessage", "Validation errors found")
                                        .add("success", false))
                        .build(),
                reply.object());
    }

    @Test
    void missingMandatoryFieldsAsTheSpecShowsThem() {
        Reply reply = server.postForm(
                PS + "users",
                "firstName=&lastName=Aliverti&username=eaa3"
                        + "&email=esteban.aliverti3%40cogmed.com&password=s3cret-pw&passwordConfirm=s3cret-pw&organization=UNC"
                        + "&facility=&role=1&tagId=&token=" + temporalToken(server) + "&temporalSession=true",
                "Origin",
                "file://");

        assertEquals(
                json("{'data': [{'message': 'First name is mandatory'}, {'message': 'Facility is mandatory'}],"
                        + " 'statusFact': {'failMessage': 'Validation errors found', 'success': false}}"),
                reply.object());
    }

    @Test
    void everyRuleIsCheckedAndAllProblemsAreReportedTogether() {
        assertEquals(
                List.of(
                        "Last name is mandatory",
                        "Username is mandatory",
                        "Email is mandatory",
                        "Password is mandatory",
                        "Organization is mandatory",
                        "Role is mandatory"),
                problems(register("firstName", "Only", "facility", "UNC")));

        assertEquals(
                List.of(
                        "First name must be at most 100 characters",
                        "Username 'sigal' is already taken",
                        "Email 'E@E.COM' is already taken",
                        "Password must be longer than 5 and shorter than 20 characters",
                        "Password and password confirmation do not match",
                        "Organization 'Nowhere' does not exist",
                        "Facility 'Atlantis' does not exist",
                        "Role 'admin' does not exist",
                        "Status 'HAPPY' does not exist",
                        "Pin must be longer than 5 and shorter than 20 characters",
                        "Tag id must be longer than 5 and shorter than 20 characters"),
                problems(register(
                        "firstName",
                        "x".repeat(101),
                        "lastName",
                        "L",
                        "username",
                        "sigal",
                        "email",
                        "E@E.COM",
                        "password",
                        "12345",
                        "passwordConfirm",
                        "123456",
                        "organization",
                        "Nowhere",
                        "facility",
                        "Atlantis",
                        "role",
                        "admin",
                        "status",
                        "HAPPY",
                        "pin",
                        "12345",
                        "tagId",
                        "poda")));

        assertEquals(
                List.of(
                        "Password must be longer than 5 and shorter than 20 characters",
                        "Facility 'Vidant' does not belong to organization 'Another1'",
                        "Role '1' does not belong to organization 'Another1'",
                        "Tag id must be longer than 5 and shorter than 20 characters"),
                problems(register(
                        "firstName",
                        "F",
                        "lastName",
                        "L",
                        "username",
                        unique("u"),
                        "email",
                        unique("m") + "@x.org",
                        "password",
                        "12345678901234567890",
                        "organization",
                        "Another1",
                        "facility",
                        "Vidant",
                        "role",
                        "1",
                        "tagId",
                        "abc")));
    }

    @Test
    void aTemporalTokenCannotChooseAStatus() {
        Reply reply = server.postForm(
                PS + "users",
                validForm(unique("u"), "status", "ACTIVE", "token", temporalToken(server), "temporalSession", "true"));
        assertEquals(403, reply.status());
        assertTrue(failMessage(reply).contains("cannot choose a status"));
    }

    @Test
    void anAdministratorRegistersActiveUsersWhoLogInAtOnceEvenByTag() {
        String username = unique("nurse");
        String tag = unique("tag").substring(0, 12);
        JsonObject created = registerBy(
                        token(server, "sigal"), validForm(username, "status", "ACTIVE", "tagId", tag, "pin", "246810"))
                .object()
                .getJsonObject("data");
        assertEquals("ACTIVE", created.getString("status"));

        JsonObject account = accountFact(server.get(PS + "validateAccount?tagId=" + tag + "&deviceId=" + device()));
        assertEquals(created.getString("id"), account.getString("userId"));
        assertEquals(
                username,
                accountFact(server.postForm(
                                PS + "validateAccount",
                                form("username", username, "password", "n3w-password", "deviceId", device())))
                        .getString("username"));

        assertEquals(
                List.of("Pin is already taken", "Tag id is already taken"),
                problems(register(validForm(unique("copy"), "tagId", tag, "pin", "246810"))));
    }

    @Test
    void aPodMayNotRegisterUsers() {
        Reply reply =
                server.postForm(PS + "users", validForm(unique("u"), "token", token(server, "10"), "userId", "podb"));
        assertEquals(403, reply.status());
        assertEquals("Not allowed to create users", failMessage(reply));
    }

    @Test
    void fiftyRacingRegistrationsOfOneUsernameGiveOneUser() throws Exception {
        String username = unique("race");
        String temporal = temporalToken(server);
        List<Reply> replies = race(
                50,
                i -> server.postForm(
                        PS + "users", validForm(username, "email", unique("race" + i) + "@x.org", "token", temporal)));

        assertEquals(Set.of(200), replies.stream().map(Reply::status).collect(Collectors.toSet()));
        assertEquals(
                1,
                replies.stream()
                        .filter(r -> r.object().getJsonObject("statusFact").getBoolean("success"))
                        .count());
        for (Reply reply : replies) {
            if (!reply.object().getJsonObject("statusFact").getBoolean("success")) {
                assertEquals(List.of("Username '" + username + "' is already taken"), problems(reply));
            }
        }
        assertEquals(
                JsonValue.FALSE,
                server.get(PS + "userAttributeAvailable/username?value=" + username + "&token=" + temporal
                                + "&temporalSession=true")
                        .object()
                        .getJsonObject("data")
                        .get("available"));
    }

    @Test
    void fiftyRacingRegistrationsOfOneEmailGiveOneUser() throws Exception {
        String email = unique("same") + "@x.org";
        String temporal = temporalToken(server);
        List<Reply> replies = race(
                50,
                i -> server.postForm(
                        PS + "users",
                        validForm(
                                unique("em" + i),
                                "email",
                                i % 2 == 0 ? email : email.toUpperCase(),
                                "token",
                                temporal)));

        assertEquals(
                1,
                replies.stream()
                        .filter(r -> r.status() == 200
                                && r.object().getJsonObject("statusFact").getBoolean("success"))
                        .count());
        assertTrue(
                replies.stream().allMatch(r -> r.status() == 200),
                () -> "no 500 in a race: "
                        + replies.stream()
                                .filter(r -> r.status() != 200)
                                .map(r -> r.status() + " " + r.body())
                                .toList());
        for (Reply reply : replies) {
            if (!reply.object().getJsonObject("statusFact").getBoolean("success")) {
                assertEquals(1, problems(reply).size());
                assertTrue(problems(reply)
                        .get(0)
                        .matches("(?i)Email '" + email.replace(".", "\\.") + "' is already taken"));
            }
        }
    }

    // ---- listing and reading -----------------------------------------------------------------

    @Test
    void listingAsTheSpecShowsIt() {
        Reply reply = server.get(PS + "users?location=facility&locationId=UNC&status=ACTIVE&userId=sigal&token="
                + token(server, "sigal") + "&_=1400057312400");

        JsonArray data = reply.object().getJsonArray("data");
        List<String> ids =
                data.stream().map(u -> u.asJsonObject().getString("id")).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "ordered by id");
        assertTrue(
                ids.containsAll(List.of(E_USER, "chargenurse", "poda", "podb", "sigal", "superadmin")), ids.toString());
        JsonObject e = data.getJsonObject(ids.indexOf(E_USER));
        assertTrue(e.getString("updateDate").matches(UPDATE_DATE));
        assertEquals(
                json("{'email': 'e@e.com', 'facilityId': 'UNC', 'facilityName': 'UNC', 'firstName': 'e',"
                        + " 'id': '" + E_USER
                        + "', 'lastName': 'e', 'organizationId': 'UNC', 'organizationName': 'UNC',"
                        + " 'roleId': 2, 'roleName': 'pod', 'status': 'ACTIVE', 'username': 'username-e',"
                        + " 'updateDate': '" + e.getString("updateDate") + "'}"),
                e);
        assertTrue(
                data.stream().allMatch(u -> u.asJsonObject().getString("status").equals("ACTIVE")));
    }

    @Test
    void listingFiltersPagesAndChecksPermissions() {
        String admin = "userId=sigal&token=" + token(server, "sigal");
        assertEquals(
                2,
                server.get(PS + "users?limit=2&" + admin)
                        .object()
                        .getJsonArray("data")
                        .size());
        List<String> all = ids(server.get(PS + "users?limit=1000&" + admin));
        assertEquals(all.subList(1, 3), ids(server.get(PS + "users?offset=1&limit=2&" + admin)));
        // Presence users created by other ITs belong to no organization: UNC's users are a subset of all.
        List<String> unc = ids(server.get(PS + "users?location=organization&locationId=UNC&limit=1000&" + admin));
        assertTrue(all.containsAll(unc), unc.toString());
        assertTrue(
                unc.containsAll(List.of(E_USER, "chargenurse", "poda", "podb", "sigal", "superadmin")), unc.toString());
        assertEquals(List.of(), ids(server.get(PS + "users?location=organization&locationId=Another1&" + admin)));
        assertEquals(
                "Error reading Facility",
                failMessage(server.get(PS + "users?location=facility&locationId=Nope&" + admin)));
        assertEquals(
                400,
                server.get(PS + "users?location=planet&locationId=UNC&" + admin).status());
        assertEquals(400, server.get(PS + "users?location=facility&" + admin).status());
        assertEquals(400, server.get(PS + "users?status=HAPPY&" + admin).status());
        assertEquals(400, server.get(PS + "users?limit=5000&" + admin).status());

        String pod = "userId=podb&token=" + token(server, "10");
        assertEquals(403, server.get(PS + "users?" + pod).status());
        assertEquals(
                403,
                server.get(PS + "users?location=facility&locationId=UNC&" + pod).status());
        assertEquals(
                403,
                server.get(PS + "users?token=" + temporalToken(server) + "&temporalSession=true")
                        .status());
    }

    @Test
    void readingAsTheSpecShowsIt() {
        Reply reply = server.get(
                PS + "users/" + E_USER + "?userId=sigal&token=" + token(server, "sigal") + "&_=1400057312409");

        JsonObject data = reply.object().getJsonObject("data");
        assertEquals(
                json("{'data': {'id': '" + E_USER + "', 'lastName': 'e', 'facilityName': 'UNC',"
                        + " 'organizationName': 'UNC', 'status': 'ACTIVE', 'username': 'username-e', 'email': 'e@e.com',"
                        + " 'roleName': 'pod', 'organizationId': 'UNC', 'firstName': 'e', 'facilityId': 'UNC',"
                        + " 'updateDate': '" + data.getString("updateDate")
                        + "', 'roleId': 2}, 'statusFact': {'success': true}}"),
                reply.object());
    }

    @Test
    void readingFollowsThePermissionMatrix() {
        String pod = "userId=podb&token=" + token(server, "10");
        assertEquals(
                "podb",
                server.get(PS + "users/podb?" + pod)
                        .object()
                        .getJsonObject("data")
                        .getString("id"),
                "self");
        assertEquals(200, server.get(PS + "users/sigal?" + pod).status(), "pod holds read_user in UNC");
        assertEquals("Error reading User", failMessage(server.get(PS + "users/nobody?" + pod)));
        assertEquals(
                403,
                server.get(PS + "users/sigal?token=" + temporalToken(server) + "&temporalSession=true")
                        .status());

        String outsider = registerActive(token(server, "sigal"), unique("plain"), "role", "2");
        // A pod without read_user cannot exist in the demo data; a user may always read itself.
        String own = "userId=" + outsider + "&token=" + tokenOf(outsider);
        assertEquals(200, server.get(PS + "users/" + outsider + "?" + own).status());
    }

    // ---- updating and deactivating -----------------------------------------------------------

    @Test
    void updateAsTheSpecShowsItSuspendsAndEndsSessions() {
        String id = registerActive(token(server, "sigal"), unique("e"), "role", "2");
        String usersToken = tokenOf(id);

        Reply reply = server.postForm(
                PS + "users/" + id,
                "firstName=e&lastName=e&email=" + id + "%40e.com&password="
                        + "&organization=UNC&facility=UNC&role=2&status=SUSPENDED&userId=sigal&token="
                        + token(server, "sigal"),
                "Origin",
                "file://");

        JsonObject data = reply.object().getJsonObject("data");
        assertEquals("SUSPENDED", data.getString("status"));
        assertEquals("e", data.getString("firstName"));
        assertEquals(id + "@e.com", data.getString("email"));
        assertEquals(
                401,
                server.get(PS + "userStatuses?userId=" + id + "&token=" + usersToken)
                        .status(),
                "a suspended user's tokens are revoked");
        assertEquals(
                "User account is suspended",
                failMessage(server.postForm(
                        PS + "validateAccount",
                        form("email", id + "@e.com", "password", "n3w-password", "deviceId", device()))));
    }

    @Test
    void updateRules() {
        String id = registerActive(token(server, "sigal"), unique("upd"), "role", "2");
        String admin = token(server, "sigal");
        List<String> problems = problems(server.postForm(
                PS + "users/" + id,
                form(
                        "firstName",
                        "",
                        "lastName",
                        "L",
                        "username",
                        "renamed",
                        "email",
                        "not-an-email",
                        "organization",
                        "UNC",
                        "facility",
                        "Vidant",
                        "role",
                        "9",
                        "status",
                        "",
                        "userId",
                        "sigal",
                        "token",
                        admin)));
        assertEquals(
                List.of(
                        "First name is mandatory",
                        "Username cannot be changed",
                        "Malformed email: 'not-an-email'",
                        "Role '9' does not exist",
                        "Status is mandatory"),
                problems);
        assertEquals(
                "Error reading User",
                failMessage(server.postForm(
                        PS + "users/nobody", form("firstName", "F", "userId", "sigal", "token", admin))));
    }

    @Test
    void usersUpdateThemselvesButProveTheirPasswordAndCannotPromoteThemselves() {
        String id = registerActive(token(server, "sigal"), unique("self"), "role", "2");
        String token = tokenOf(id);
        String[] base = {
            "firstName",
            "Self",
            "lastName",
            "Made",
            "organization",
            "UNC",
            "facility",
            "UNC",
            "role",
            "2",
            "status",
            "ACTIVE",
            "userId",
            id,
            "token",
            token
        };

        assertEquals(
                "Made",
                server.postForm(PS + "users/" + id, form(base))
                        .object()
                        .getJsonObject("data")
                        .getString("lastName"));
        assertEquals(
                List.of("Password validation is mandatory to change email, password, pin or tag id"),
                problems(server.postForm(PS + "users/" + id, form(concat(base, "password", "brand-new-pw")))));
        assertEquals(
                List.of("Password validation failed"),
                problems(server.postForm(
                        PS + "users/" + id,
                        form(concat(base, "password", "brand-new-pw", "passwordValidation", "wrong-password")))));
        assertEquals(
                200,
                server.postForm(
                                PS + "users/" + id,
                                form(concat(base, "password", "brand-new-pw", "passwordValidation", "n3w-password")))
                        .status());
        assertEquals(
                id,
                accountFact(server.postForm(
                                PS + "validateAccount",
                                form("username", usernameOf(id), "password", "brand-new-pw", "deviceId", device())))
                        .getString("userId"));

        Reply promote = server.postForm(PS + "users/" + id, form(concat(base, "role", "1")));
        assertEquals(403, promote.status());
        assertEquals("Only an administrator may change organization, facility, role or status", failMessage(promote));
        assertEquals(
                403,
                server.postForm(PS + "users/sigal", form(concat(base, "role", "1")))
                        .status(),
                "a pod cannot update others");
    }

    @Test
    void racingUpdatesNeverMixTwoRequests() throws Exception {
        String id = registerActive(token(server, "sigal"), unique("racer"), "role", "2");
        String admin = token(server, "sigal");
        List<Reply> replies = race(
                8,
                i -> server.postForm(
                        PS + "users/" + id,
                        form(
                                "firstName",
                                "First" + i,
                                "lastName",
                                "Last" + i,
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
                                admin)));

        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            assertEquals(200, replies.get(i).status());
            JsonObject status = replies.get(i).object().getJsonObject("statusFact");
            if (status.getBoolean("success")) {
                winners.add(i);
            } else {
                assertEquals(
                        "The user was changed by another request at the same time; reload it and try again",
                        status.getString("failMessage"));
            }
        }
        assertFalse(winners.isEmpty());
        JsonObject stored = server.get(PS + "users/" + id + "?userId=sigal&token=" + admin)
                .object()
                .getJsonObject("data");
        int which = Integer.parseInt(stored.getString("firstName").substring("First".length()));
        assertEquals("Last" + which, stored.getString("lastName"), "first and last name come from one request");
        assertTrue(winners.contains(which));
    }

    @Test
    void deleteAsTheSpecShowsIt() {
        String id = registerActive(token(server, "sigal"), unique("gone"), "role", "2");
        String usersToken = tokenOf(id);

        Reply reply = server.request(
                "DELETE",
                PS + "users/" + id + "?userId=sigal&token=" + token(server, "sigal"),
                "Origin",
                "file://",
                "Content-Type",
                "application/x-www-form-urlencoded; charset=UTF-8");

        assertEquals(json("{'statusFact': {'success': true}}"), reply.object());
        assertEquals(
                "INACTIVE",
                server.get(PS + "users/" + id + "?userId=sigal&token=" + token(server, "sigal"))
                        .object()
                        .getJsonObject("data")
                        .getString("status"));
        assertEquals(
                401,
                server.get(PS + "userStatuses?userId=" + id + "&token=" + usersToken)
                        .status());
        assertEquals(
                "User account is inactive",
                failMessage(server.postForm(
                        PS + "validateAccount",
                        form("username", usernameOf(id), "password", "n3w-password", "deviceId", device()))));
        assertEquals(
                403,
                server.request("DELETE", PS + "users/sigal?userId=podb&token=" + token(server, "10"))
                        .status());
        assertEquals(
                "Error reading User",
                failMessage(
                        server.request("DELETE", PS + "users/nobody?userId=sigal&token=" + token(server, "sigal"))));
    }

    // ---- attribute availability ----------------------------------------------------------------

    @Test
    void availabilityAsTheSpecShowsIt() {
        String poda = "&userId=poda&token="
                + server.get(PS + "validateAccount?tagId=poda&deviceId=" + device())
                        .object()
                        .getJsonObject("validateAccountFact")
                        .getJsonObject("accountFact")
                        .getString("token");

        assertEquals(
                json("{'data': {'available': true}, 'statusFact': {'success': true}}"),
                server.get(PS + "userAttributeAvailable/email?value=available-email@unc.org" + poda)
                        .object());
        assertEquals(
                json("{'data': {'available': false, 'takenBy': 'podb'}, 'statusFact': {'success': true}}"),
                server.get(PS + "userAttributeAvailable/username?value=10" + poda)
                        .object());
        assertEquals(
                "354a7aae-ac06-4892-ac61-ce302351eb35",
                server.get(PS + "userAttributeAvailable/email?value=E@E.com" + poda)
                        .object()
                        .getJsonObject("data")
                        .getString("takenBy"),
                "email compared ignoring case");
        assertEquals(
                "poda",
                server.get(PS + "userAttributeAvailable/tagId?value=poda" + poda)
                        .object()
                        .getJsonObject("data")
                        .getString("takenBy"));
    }

    @Test
    void aTemporalTokenLearnsAvailabilityButNotWho() {
        String temporal = "&token=" + temporalToken(server) + "&temporalSession=true";
        assertEquals(
                json("{'data': {'available': false}, 'statusFact': {'success': true}}"),
                server.get(PS + "userAttributeAvailable/username?value=10" + temporal)
                        .object());
        assertEquals(
                json("{'data': {'available': true}, 'statusFact': {'success': true}}"),
                server.get(PS + "userAttributeAvailable/pin?value=135791" + temporal)
                        .object());

        Reply unknown = server.get(PS + "userAttributeAvailable/password?value=x" + temporal);
        assertEquals(400, unknown.status());
        assertEquals("Unknown attribute 'password'; use tagId, email, username or pin", failMessage(unknown));
        assertEquals(
                400, server.get(PS + "userAttributeAvailable/email?" + temporal).status());
        assertEquals(
                400,
                server.get(PS + "userAttributeAvailable/email?value=x&token=" + token(server, "sigal"))
                        .status(),
                "a user token needs userId");
    }

    // ---- import from an old PresentationServices database --------------------------------------

    @Test
    void importedSha1PasswordsWorkOnceAndAreReplacedAtTheFirstLogin() throws Exception {
        String id = UUID.randomUUID().toString();
        String username = unique("old");
        String sha1 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1").digest("old-password".getBytes(StandardCharsets.UTF_8)))
                .toUpperCase();
        String script = Files.readString(Path.of("sql/import/presentation-services-users.sql"));

        try (Connection db = Server.database()) {
            runScript(db, script); // creates the staging table
            try (PreparedStatement stage =
                    db.prepareStatement("INSERT INTO legacy_user_import (id, username, first_name,"
                            + " last_name, email, password_sha1, organization_id, facility_id, role_id, status, modified)"
                            + " VALUES (?, ?, 'Old', 'Timer', ?, ?, 'UNC', 'UNC', 2, 'ACTIVE', 1389035260000)")) {
                stage.setString(1, id);
                stage.setString(2, username);
                stage.setString(3, username + "@old.example");
                stage.setString(4, sha1);
                stage.executeUpdate();
            }
            runScript(db, script); // imports
            runScript(db, script); // and again: nothing is duplicated
            assertEquals("sha1$" + sha1.toLowerCase(), passwordHash(db, id));

            assertEquals(
                    "Invalid credentials",
                    failMessage(server.postForm(
                            PS + "validateAccount",
                            form("username", username, "password", "wrong-password", "deviceId", device()))));
            assertEquals(
                    id,
                    accountFact(server.postForm(
                                    PS + "validateAccount",
                                    form("username", username, "password", "old-password", "deviceId", device())))
                            .getString("userId"));
            assertTrue(
                    passwordHash(db, id).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "re-hashed at the first login");
            assertEquals(
                    id,
                    accountFact(server.postForm(
                                    PS + "validateAccount",
                                    form(
                                            "email",
                                            username + "@OLD.example",
                                            "password",
                                            "old-password",
                                            "deviceId",
                                            device())))
                            .getString("userId"));
        }
        assertEquals(
                "2014-01-06 19:07:40.0",
                server.get(PS + "users/" + id + "?userId=sigal&token=" + token(server, "sigal"))
                        .object()
                        .getJsonObject("data")
                        .getString("updateDate"),
                "the old updateDate survives until a change");
    }

    @Test
    void pbkdf2PasswordsOfEarlierVersionsWorkAndAreReplacedByArgon2idAtTheNextLogin() throws Exception {
        String id = UUID.randomUUID().toString();
        String username = unique("pbkdf2");
        byte[] salt = UUID.randomUUID().toString().substring(0, 16).getBytes(StandardCharsets.US_ASCII);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("pbkdf2-password".toCharArray(), salt, 600_000, 256))
                .getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String pbkdf2 = "pbkdf2-sha256$600000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        String script = Files.readString(Path.of("sql/import/presentation-services-users.sql"));

        try (Connection db = Server.database()) {
            // Imported, then given the hash an earlier version stored, before the server ever read the row.
            runScript(db, script);
            try (PreparedStatement stage = db.prepareStatement("INSERT INTO legacy_user_import (id, username,"
                    + " first_name, last_name, email, password_sha1, organization_id, facility_id, role_id, status,"
                    + " modified) VALUES (?, ?, 'Earlier', 'Version', ?, '00', 'UNC', 'UNC', 2, 'ACTIVE',"
                    + " 1389035260000)")) {
                stage.setString(1, id);
                stage.setString(2, username);
                stage.setString(3, username + "@earlier.example");
                stage.executeUpdate();
            }
            runScript(db, script);
            try (PreparedStatement update = db.prepareStatement("UPDATE app_user SET password_hash = ? WHERE id = ?")) {
                update.setString(1, pbkdf2);
                update.setString(2, id);
                assertEquals(1, update.executeUpdate());
            }

            assertEquals(
                    "Invalid credentials",
                    failMessage(server.postForm(
                            PS + "validateAccount",
                            form("username", username, "password", "wrong-password", "deviceId", device()))));
            assertEquals(pbkdf2, passwordHash(db, id), "a wrong password changes nothing");
            assertEquals(
                    id,
                    accountFact(server.postForm(
                                    PS + "validateAccount",
                                    form("username", username, "password", "pbkdf2-password", "deviceId", device())))
                            .getString("userId"));
            String upgraded = passwordHash(db, id);
            assertTrue(
                    upgraded.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
                    upgraded);
            assertEquals(
                    id,
                    accountFact(server.postForm(
                                    PS + "validateAccount",
                                    form(
                                            "email",
                                            username + "@earlier.example",
                                            "password",
                                            "pbkdf2-password",
                                            "deviceId",
                                            device())))
                            .getString("userId"));
            assertEquals(upgraded, passwordHash(db, id), "a current hash is kept");
        }
    }

    // ---- bad input -------------------------------------------------------------------------------

    @Test
    void oversizedFieldsAreRefused() {
        Reply reply = server.postForm(
                PS + "users", validForm(unique("big"), "lastName", "L".repeat(2000), "token", temporalToken(server)));
        assertEquals(400, reply.status());
        assertEquals("Parameter 'lastName' is too long", failMessage(reply));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static void runScript(Connection db, String script) throws Exception {
        try (Statement statement = db.createStatement()) {
            for (String sql : script.replaceAll("(?m)--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static String passwordHash(Connection db, String id) throws Exception {
        try (PreparedStatement select = db.prepareStatement("SELECT password_hash FROM app_user WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    private interface Request {
        Reply send(int index);
    }

    /**
     * Sends the requests at once, each from its own thread. A request refused because every password-hashing
     * permit and its queue were taken (legacy-api.md: 503, "try again in a moment") is sent again, as the client
     * it told would do: on a loaded machine a burst of 50 hashes may outlast the queue's wait, and the race this
     * checks is the one between the registrations that got through.
     */
    private static List<Reply> race(int count, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    Reply reply = request.send(index);
                    while (busy(reply) && System.nanoTime() < deadline) {
                        Thread.sleep(ThreadLocalRandom.current().nextLong(100, 400));
                        reply = request.send(index);
                    }
                    return reply;
                });
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : pool.invokeAll(calls)) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean busy(Reply reply) {
        return reply.status() == 503
                && "Too many password checks at once; try again in a moment".equals(failMessage(reply));
    }

    /** A registration form that passes every rule, plus overrides. */
    private static String validForm(String username, String... overrides) {
        List<String> pairs = new ArrayList<>(List.of(
                "firstName",
                "New",
                "lastName",
                "User",
                "username",
                username,
                "email",
                username + "@anteroom.example",
                "password",
                "n3w-password",
                "passwordConfirm",
                "n3w-password",
                "organization",
                "UNC",
                "facility",
                "UNC",
                "role",
                "2"));
        for (int i = 0; i < overrides.length; i += 2) {
            int at = pairs.indexOf(overrides[i]);
            if (at >= 0 && at % 2 == 0) {
                pairs.set(at + 1, overrides[i + 1]);
            } else {
                pairs.add(overrides[i]);
                pairs.add(overrides[i + 1]);
            }
        }
        return form(pairs.toArray(String[]::new));
    }

    private Reply register(String... pairs) {
        return server.postForm(PS + "users", form(concat(pairs, "token", temporalToken(server))));
    }

    private Reply register(String validForm) {
        return server.postForm(PS + "users", validForm + "&" + form("token", temporalToken(server)));
    }

    private Reply registerBy(String adminToken, String validForm) {
        Reply reply = server.postForm(PS + "users", validForm + "&" + form("token", adminToken, "userId", "sigal"));
        assertTrue(reply.object().getJsonObject("statusFact").getBoolean("success"), reply.body());
        return reply;
    }

    /** Registers an ACTIVE user (password n3w-password) and returns its id. */
    private String registerActive(String adminToken, String username, String... overrides) {
        return registerBy(adminToken, validForm(username, concat(overrides, "status", "ACTIVE")))
                .object()
                .getJsonObject("data")
                .getString("id");
    }

    private String usernameOf(String id) {
        return server.get(PS + "users/" + id + "?userId=sigal&token=" + token(server, "sigal"))
                .object()
                .getJsonObject("data")
                .getString("username");
    }

    private String tokenOf(String id) {
        return accountFact(server.postForm(
                        PS + "validateAccount",
                        form("username", usernameOf(id), "password", "n3w-password", "deviceId", device())))
                .getString("token");
    }

    private static List<String> ids(Reply reply) {
        return reply.object().getJsonArray("data").stream()
                .map(u -> u.asJsonObject().getString("id"))
                .toList();
    }

    private static List<String> problems(Reply reply) {
        JsonObject body = reply.object();
        assertEquals(
                "Validation errors found", body.getJsonObject("statusFact").getString("failMessage"), reply.body());
        return body.getJsonArray("data").stream()
                .map(m -> m.asJsonObject().getString("message"))
                .toList();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
