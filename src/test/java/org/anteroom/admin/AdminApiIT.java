package org.anteroom.admin;

import static org.anteroom.it.Server.form;
import static org.anteroom.it.Server.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.anteroom.it.ServerLog;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The directory admin API, black-box (docs/admin-api.md): every operation and error status, who may
 * do what, races, nothing half-written, and the legacy API reading what it wrote. Each test makes its
 * own organizations, roles and users; the demo admins are only callers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT {

    private static final String PS = "PresentationServices/";
    private static final String V1 = "admin/v1/";
    private static final String DEMO_PASSWORD = "anteroom-demo";
    private static final String PASSWORD = "n3w-password";

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

    // ---- organizations -----------------------------------------------------------------------

    @Test
    void anOrganizationIsCreatedReadRenamedAndDeletedAndTheLegacyApiSeesEachStep() {
        String admin = login("sigal", DEMO_PASSWORD);
        String id = unique("Org");

        Reply created = post(admin, V1 + "organizations", "{'id': '" + id + "', 'name': '  Mercy Health  '}");
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").endsWith("/admin/v1/organizations/" + id), created.header("Location"));
        assertEquals(json("{'id': '" + id + "', 'name': 'Mercy Health', 'revision': 0}"), created.object());

        Reply read = get(admin, V1 + "organizations/" + id);
        assertEquals(200, read.status());
        assertEquals(created.object(), read.object());
        assertTrue(get(admin, V1 + "organizations").parse().asJsonArray().contains(created.object()));
        assertEquals(
                "Mercy Health", legacyOrganization(id).getString("name"), "the legacy list has the new organization");
        assertEquals(
                "Mercy Health",
                legacy("organizations/" + id).getJsonObject("data").getString("name"));

        Reply renamed = put(admin, V1 + "organizations/" + id, "{'name': 'Mercy', 'revision': 0}");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals(json("{'id': '" + id + "', 'name': 'Mercy', 'revision': 1}"), renamed.object());
        assertEquals("Mercy", legacyOrganization(id).getString("name"), "the legacy list sees the rename");
        assertEquals(
                "Mercy", legacy("organizations/" + id).getJsonObject("data").getString("name"));

        Reply stale = put(admin, V1 + "organizations/" + id, "{'name': 'Other', 'revision': 0}");
        assertEquals(409, stale.status(), stale.body());
        assertEquals("conflict", stale.error());

        Reply deleted = server.request("DELETE", V1 + "organizations/" + id, bearer(admin));
        assertEquals(204, deleted.status(), deleted.body());
        assertEquals("", deleted.body());
        assertEquals(404, get(admin, V1 + "organizations/" + id).status());
        assertEquals("not_found", get(admin, V1 + "organizations/" + id).error());
        assertEquals(
                404,
                server.request("DELETE", V1 + "organizations/" + id, bearer(admin))
                        .status());
        assertEquals(
                404,
                put(admin, V1 + "organizations/" + id, "{'name': 'x', 'revision': 1}")
                        .status());
        assertEquals(null, legacyOrganization(id), "the legacy list no longer has it");
        assertEquals(
                "Error reading Organization",
                legacy("organizations/" + id).getJsonObject("statusFact").getString("failMessage"));
    }

    @Test
    void duplicatesAndBadInputAreRefusedAndNameTheirField() {
        String admin = login("sigal", DEMO_PASSWORD);
        Reply taken = post(admin, V1 + "organizations", "{'id': 'UNC', 'name': 'Again'}");
        assertEquals(409, taken.status(), taken.body());
        assertEquals("conflict", taken.error());
        assertEquals("Organization 'UNC' already exists", taken.object().getString("message"));
        assertEquals("UNC", legacyOrganization("UNC").getString("name"), "the existing organization is untouched");

        Reply invalid = post(admin, V1 + "organizations", "{'id': 'no spaces/slashes', 'name': ' '}");
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals("invalid", invalid.error());
        assertEquals(
                List.of("id must be 1 to 64 letters, digits, '.', '_' or '-'", "name is required"), problems(invalid));
        Reply missing = post(admin, V1 + "organizations", "{}");
        assertEquals(
                json("['id is required', 'name is required']"), missing.object().get("problems"));
        Reply tooLong = post(admin, V1 + "organizations", "{'id': 'x" + "y".repeat(64) + "', 'name': 'n'}");
        assertEquals(400, tooLong.status());

        Reply wrongType = post(admin, V1 + "organizations", "{'id': 5, 'name': 'Five'}");
        assertEquals(400, wrongType.status());
        assertEquals(json("{'error': 'malformed', 'message': 'id must be a string'}"), wrongType.object());
        assertEquals("malformed", post(admin, V1 + "organizations", "{'id': ").error());
        assertEquals("malformed", post(admin, V1 + "organizations", "['id']").error());
        assertEquals("malformed", post(admin, V1 + "organizations", "").error());
        Reply noRevision = put(admin, V1 + "organizations/UNC", "{'name': 'UNC'}");
        assertEquals(json("['revision is required']"), noRevision.object().get("problems"));
        assertEquals(
                "revision must be a whole number",
                put(admin, V1 + "organizations/UNC", "{'name': 'UNC', 'revision': 'one'}")
                        .object()
                        .getString("message"));

        Reply tooLarge = post(admin, V1 + "organizations", "{'name': '" + "x".repeat(70_000) + "'}");
        assertEquals(413, tooLarge.status());
        assertEquals("too_large", tooLarge.error());
        Reply plain = server.postForm(V1 + "organizations", "id=x", bearer(admin));
        assertEquals(415, plain.status(), plain.body());
        assertEquals("unsupported_media_type", plain.error());
        Reply method = server.request("PATCH", V1 + "organizations/UNC", bearer(admin));
        assertEquals(405, method.status());
        assertEquals("method_not_allowed", method.error());
        Reply nowhere = get(admin, V1 + "nowhere");
        assertEquals(404, nowhere.status());
        assertEquals("not_found", nowhere.error());
    }

    // ---- facilities --------------------------------------------------------------------------

    @Test
    void aFacilityCarriesItsFlagsToTheLegacyApiAndAnOrganizationInUseStays() {
        String admin = login("sigal", DEMO_PASSWORD);
        String org = organization(admin);
        String id = unique("Fac");

        Reply created = post(
                admin,
                V1 + "organizations/" + org + "/facilities",
                "{'id': '" + id + "', 'name': 'East Wing', 'nfcEnabled': true, 'barCodeEnabled': true}");
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").endsWith("/admin/v1/organizations/" + org + "/facilities/" + id));
        assertEquals(
                json("{'id': '" + id + "', 'organizationId': '" + org + "', 'name': 'East Wing', 'nfcEnabled': true,"
                        + " 'nfcSelfModificationEnabled': false, 'barCodeEnabled': true, 'revision': 0}"),
                created.object());
        assertEquals(
                created.object(),
                get(admin, V1 + "organizations/" + org + "/facilities/" + id).object());
        assertEquals(
                List.of(created.object()),
                get(admin, V1 + "organizations/" + org + "/facilities").parse().asJsonArray());
        assertEquals(
                json("{'data': [{'id': '" + id + "', 'name': 'East Wing', 'organizationId': '" + org + "',"
                        + " 'nfcEnabled': true, 'nfcSelfModificationEnabled': false, 'barCodeEnabled': true}],"
                        + " 'statusFact': {'success': true}}"),
                legacy("organizations/" + org + "/facilities"));

        Reply incomplete =
                put(admin, V1 + "organizations/" + org + "/facilities/" + id, "{'name': 'x', 'revision': 0}");
        assertEquals(400, incomplete.status());
        assertEquals(
                json(
                        "['nfcEnabled is required', 'nfcSelfModificationEnabled is required', 'barCodeEnabled is required']"),
                incomplete.object().get("problems"));
        Reply updated = put(
                admin,
                V1 + "organizations/" + org + "/facilities/" + id,
                "{'name': 'West Wing', 'nfcEnabled': false, 'nfcSelfModificationEnabled': true,"
                        + " 'barCodeEnabled': false, 'revision': 0}");
        assertEquals(200, updated.status(), updated.body());
        assertEquals(1, updated.object().getInt("revision"));
        assertEquals(
                json("{'data': {'id': '" + id + "', 'name': 'West Wing', 'organizationId': '" + org + "',"
                        + " 'nfcEnabled': false, 'nfcSelfModificationEnabled': true, 'barCodeEnabled': false},"
                        + " 'statusFact': {'success': true}}"),
                legacy("organizations/" + org + "/facilities/" + id));

        Reply taken = post(admin, V1 + "organizations/" + org + "/facilities", "{'id': 'UNC', 'name': 'UNC'}");
        assertEquals(409, taken.status(), "facility ids are unique across organizations");
        assertEquals(
                404,
                get(admin, V1 + "organizations/UNC/facilities/" + id).status(),
                "a facility of another organization is unknown there");
        assertEquals(
                404,
                get(admin, V1 + "organizations/" + org + "/facilities/nothing").status());
        assertEquals(
                404,
                get(admin, V1 + "organizations/" + unique("none") + "/facilities")
                        .status());
        assertEquals(
                "malformed",
                post(admin, V1 + "organizations/" + org + "/facilities", "{'id': 'a', 'name': 'a', 'nfcEnabled': 1}")
                        .error());

        Reply inUse = server.request("DELETE", V1 + "organizations/" + org, bearer(admin));
        assertEquals(409, inUse.status());
        assertEquals(
                "Organization '" + org + "' still has facilities",
                inUse.object().getString("message"));
        assertEquals(
                204,
                server.request("DELETE", V1 + "organizations/" + org + "/facilities/" + id, bearer(admin))
                        .status());
        assertEquals(
                json("{'data': [], 'statusFact': {'success': true}}"), legacy("organizations/" + org + "/facilities"));
        assertEquals(
                204,
                server.request("DELETE", V1 + "organizations/" + org, bearer(admin))
                        .status());
    }

    // ---- facility rooms ----------------------------------------------------------------------

    @Test
    void facilityRoomsAreTheRoomsTheLegacyApiLists() {
        String admin = login("sigal", DEMO_PASSWORD);
        String org = organization(admin);
        String facility = facility(admin, org);
        String rooms = V1 + "organizations/" + org + "/facilities/" + facility + "/rooms";

        Reply created = post(admin, rooms, "{'id': 'bay1', 'name': 'Bay 1'}");
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").endsWith(rooms + "/bay1"), created.header("Location"));
        assertEquals(
                json("{'id': 'bay1', 'organizationId': '" + org + "', 'facilityId': '" + facility + "',"
                        + " 'name': 'Bay 1', 'revision': 0}"),
                created.object());
        assertEquals(created.object(), get(admin, rooms + "/bay1").object());
        assertEquals(List.of(created.object()), get(admin, rooms).parse().asJsonArray());
        String legacyRooms = "organizations/" + org + "/facilities/" + facility + "/rooms";
        assertEquals(
                json("{'data': [{'id': 'bay1', 'name': 'Bay 1', 'facilityId': '" + facility + "'}],"
                        + " 'statusFact': {'success': true}}"),
                legacy(legacyRooms));

        Reply again = post(admin, rooms, "{'id': 'bay1', 'name': 'Bay 1 again'}");
        assertEquals(409, again.status());
        assertEquals(
                "Room 'bay1' already exists in facility " + facility,
                again.object().getString("message"));
        assertEquals(
                List.of("code must be 1 to 64 letters, digits, '.', '_' or '-'", "name is required"),
                problems(post(admin, rooms, "{'id': 'a b'}")));

        Reply renamed = put(admin, rooms + "/bay1", "{'name': 'Bay One', 'revision': 0}");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals(1, renamed.object().getInt("revision"));
        assertEquals(
                "Bay One", legacy(legacyRooms + "/bay1").getJsonObject("data").getString("name"));
        assertEquals(
                409,
                put(admin, rooms + "/bay1", "{'name': 'Bay', 'revision': 0}").status());
        assertEquals(
                404,
                put(admin, rooms + "/nothing", "{'name': 'Bay', 'revision': 0}").status());

        Reply inUse = server.request("DELETE", V1 + "organizations/" + org + "/facilities/" + facility, bearer(admin));
        assertEquals(409, inUse.status(), inUse.body());
        assertEquals(
                "Facility '" + facility + "' still has rooms", inUse.object().getString("message"));
        assertEquals(200, get(admin, rooms + "/bay1").status(), "the refused delete removed nothing");

        assertEquals(
                204, server.request("DELETE", rooms + "/bay1", bearer(admin)).status());
        assertEquals(404, get(admin, rooms + "/bay1").status());
        assertEquals(json("{'data': [], 'statusFact': {'success': true}}"), legacy(legacyRooms));
        assertEquals(
                204,
                server.request("DELETE", V1 + "organizations/" + org + "/facilities/" + facility, bearer(admin))
                        .status());
    }

    // ---- roles and permissions ---------------------------------------------------------------

    @Test
    void aRoleGrantsPermissionsByNameAndTheLegacyApiListsIt() {
        String admin = login("sigal", DEMO_PASSWORD);
        String org = organization(admin);
        String roles = V1 + "organizations/" + org + "/roles";
        String name = unique("nurse");

        Reply created = post(
                admin,
                roles,
                "{'name': '" + name + "', 'description': 'Night shift', 'permissions': ['read_user', 'rooms_create']}");
        assertEquals(201, created.status(), created.body());
        long id = created.object().getJsonNumber("id").longValue();
        assertTrue(created.header("Location").endsWith(roles + "/" + id), created.header("Location"));
        assertEquals(
                json("{'id': " + id + ", 'organizationId': '" + org + "', 'name': '" + name
                        + "', 'description': 'Night shift',"
                        + " 'permissions': ['read_user', 'rooms_create'], 'revision': 0}"),
                created.object());
        assertEquals(created.object(), get(admin, roles + "/" + id).object());
        assertTrue(get(admin, roles).parse().asJsonArray().contains(created.object()));
        assertTrue(
                legacy("organizations/" + org + "/roles")
                        .getJsonArray("data")
                        .contains(json("{'id': " + id + ", 'name': '" + name + "', 'description': 'Night shift',"
                                + " 'organizationId': '" + org + "'}")),
                "the legacy role list has it");

        Reply assigned = server.request("PUT", roles + "/" + id + "/permissions/manage_rooms", bearer(admin));
        assertEquals(200, assigned.status(), assigned.body());
        assertEquals(List.of("read_user", "rooms_create", "manage_rooms"), names(assigned.object()));
        assertEquals(1, assigned.object().getInt("revision"));
        assertEquals(
                1,
                server.request("PUT", roles + "/" + id + "/permissions/manage_rooms", bearer(admin))
                        .object()
                        .getInt("revision"),
                "granting a permission the role has changes nothing");
        assertEquals(
                204,
                server.request("DELETE", roles + "/" + id + "/permissions/read_user", bearer(admin))
                        .status());
        assertEquals(
                List.of("rooms_create", "manage_rooms"),
                names(get(admin, roles + "/" + id).object()));
        assertEquals(
                404,
                server.request("PUT", roles + "/" + id + "/permissions/fly", bearer(admin))
                        .status());

        Reply replaced = put(
                admin,
                roles + "/" + id,
                "{'name': '" + name + "', 'description': '', 'permissions': ['create_user'], 'revision': 2}");
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(List.of("create_user"), names(replaced.object()));
        assertEquals(
                409,
                put(admin, roles + "/" + id, "{'name': 'x', 'permissions': [], 'revision': 2}")
                        .status());

        Reply unknown = post(admin, roles, "{'name': '" + unique("r") + "', 'permissions': ['read_user', 'fly']}");
        assertEquals(400, unknown.status());
        assertEquals(List.of("permissions: 'fly' is not a permission"), problems(unknown));
        Reply duplicate = post(admin, V1 + "organizations/UNC/roles", "{'name': 'admin'}");
        assertEquals(409, duplicate.status());
        assertEquals(
                "Role 'admin' already exists in organization UNC",
                duplicate.object().getString("message"));
        assertEquals(404, get(admin, roles + "/999999").status());
        assertEquals(404, get(admin, roles + "/one").status());
        assertEquals(404, get(admin, V1 + "organizations/Another1/roles/" + id).status(), "another organization's");

        assertEquals(
                204, server.request("DELETE", roles + "/" + id, bearer(admin)).status());
        assertEquals(404, get(admin, roles + "/" + id).status());
        assertFalse(legacy("organizations/" + org + "/roles").toString().contains(name));
        assertEquals(
                204,
                server.request("DELETE", V1 + "organizations/" + org, bearer(admin))
                        .status());
    }

    @Test
    void aRoleHeldByUsersStaysAndNothingIsHalfWritten() {
        String admin = login("sigal", DEMO_PASSWORD);
        String org = organization(admin);
        String facility = facility(admin, org);
        String roles = V1 + "organizations/" + org + "/roles";
        long roleAdmins = role(admin, org, "manage_roles", "read_user");
        JsonObject account = account(user(admin, org, facility, roleAdmins), PASSWORD);
        String roleAdmin = account.getString("token");

        Reply inUse = server.request("DELETE", roles + "/" + roleAdmins, bearer(admin));
        assertEquals(409, inUse.status());
        assertEquals("conflict", inUse.error());
        assertEquals(200, get(admin, roles + "/" + roleAdmins).status());
        assertEquals(
                409,
                server.request("DELETE", V1 + "organizations/" + org, bearer(admin))
                        .status());

        // A role administrator grants only what it holds itself: the refused role is not left behind.
        String name = unique("escalated");
        Reply escalation = post(
                roleAdmin, roles, "{'name': '" + name + "', 'permissions': ['read_user', 'manage_organizations']}");
        assertEquals(403, escalation.status(), escalation.body());
        assertEquals("forbidden", escalation.error());
        assertEquals(
                "Only a holder of a permission may grant it: manage_organizations",
                escalation.object().getString("message"));
        assertFalse(get(admin, roles).body().contains(name), "nothing half-written");
        assertFalse(legacy("organizations/" + org + "/roles").toString().contains(name));
        Reply allowed = post(roleAdmin, roles, "{'name': '" + name + "', 'permissions': ['read_user']}");
        assertEquals(201, allowed.status(), allowed.body());

        // Its permission reaches its own organization only, and only roles.
        assertEquals(
                403,
                post(roleAdmin, V1 + "organizations/UNC/roles", "{'name': 'x'}").status());
        assertEquals(403, get(roleAdmin, V1 + "organizations/UNC/roles").status());
        assertEquals(
                403,
                post(roleAdmin, V1 + "organizations/" + org + "/facilities", "{'id': 'x', 'name': 'x'}")
                        .status());
        assertEquals(
                403,
                post(roleAdmin, V1 + "organizations", "{'id': 'x', 'name': 'x'}")
                        .status());
        assertEquals(
                200, get(roleAdmin, V1 + "organizations/" + org + "/facilities").status(), "reading is allowed");
        assertEquals(
                List.of(get(admin, V1 + "organizations/" + org).object()),
                get(roleAdmin, V1 + "organizations").parse().asJsonArray(),
                "it sees its own organization only");

        // Once nobody holds the role, it goes, and so does the organization.
        Reply moved = server.postForm(
                PS + "users/" + account.getString("userId"),
                form(
                        "firstName",
                        "New",
                        "lastName",
                        "User",
                        "email",
                        account.getString("username") + "@anteroom.example",
                        "password",
                        "",
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
                        admin));
        assertTrue(moved.object().getJsonObject("statusFact").getBoolean("success"), moved.body());
        assertEquals(
                204,
                server.request("DELETE", roles + "/" + roleAdmins, bearer(admin))
                        .status());
        long allowedId = allowed.object().getJsonNumber("id").longValue();
        assertEquals(
                204,
                server.request("DELETE", roles + "/" + allowedId, bearer(admin)).status());
        assertEquals(
                204,
                server.request("DELETE", V1 + "organizations/" + org + "/facilities/" + facility, bearer(admin))
                        .status());
        assertEquals(
                204,
                server.request("DELETE", V1 + "organizations/" + org, bearer(admin))
                        .status());
    }

    // ---- who may call ------------------------------------------------------------------------

    @Test
    void withoutAValidUsersTokenTheAnswerIs401WithABearerChallenge() {
        for (String[] headers : List.of(
                new String[0],
                new String[] {"Authorization", "Basic c2lnYWw6YW50ZXJvb20tZGVtbw=="},
                new String[] {"Authorization", "Bearer not-a-token"},
                new String[] {"Authorization", "Bearer " + temporalToken()})) {
            Reply reply = server.get(V1 + "organizations", headers);
            assertEquals(401, reply.status(), reply.body());
            assertEquals("Bearer realm=\"anteroom\"", reply.header("WWW-Authenticate"));
            assertEquals("unauthenticated", reply.error());
            assertNotNull(reply.object().getString("message"));
        }
        assertEquals(
                401,
                server.send("POST", V1 + "organizations", "{'id': 'x', 'name': 'x'}".replace('\'', '"'))
                        .status());
    }

    @Test
    void aPodUserIsRefusedEverything() {
        String pod = login("3", DEMO_PASSWORD);
        for (Reply reply : List.of(
                get(pod, V1 + "organizations"),
                get(pod, V1 + "organizations/UNC"),
                get(pod, V1 + "organizations/UNC/facilities"),
                get(pod, V1 + "organizations/UNC/roles"),
                get(pod, V1 + "organizations/UNC/facilities/UNC/rooms"),
                post(pod, V1 + "organizations", "{'id': 'x', 'name': 'x'}"),
                post(pod, V1 + "organizations/UNC/roles", "{'name': 'x'}"),
                server.request("DELETE", V1 + "organizations/UNC/roles/2", bearer(pod)))) {
            assertEquals(403, reply.status(), reply.body());
            assertEquals("forbidden", reply.error());
        }
        assertEquals(200, get(pod, V1 + "permissions").status(), "the catalogue is no secret");
        assertEquals(
                "manage_organizations",
                get(pod, V1 + "permissions")
                        .parse()
                        .asJsonArray()
                        .get(10)
                        .asJsonObject()
                        .getString("name"));
    }

    @Test
    void aSuspendedOrLoggedOutAdministratorLosesAccessAtOnce() {
        String admin = login("sigal", DEMO_PASSWORD);
        String username = user(admin, "UNC", "UNC", 1);
        JsonObject account = account(username, PASSWORD);
        String other = account.getString("token");
        assertEquals(200, get(other, V1 + "organizations").status());

        String userId = account.getString("userId");
        Reply suspended = server.postForm(
                PS + "users/" + userId,
                form(
                        "firstName",
                        "New",
                        "lastName",
                        "User",
                        "email",
                        username + "@anteroom.example",
                        "password",
                        "",
                        "organization",
                        "UNC",
                        "facility",
                        "UNC",
                        "role",
                        "1",
                        "status",
                        "SUSPENDED",
                        "userId",
                        "sigal",
                        "token",
                        admin));
        assertTrue(suspended.body().contains("SUSPENDED"), suspended.body());
        Reply refused = get(other, V1 + "organizations");
        assertEquals(401, refused.status(), "suspension revoked the token");
        assertEquals("Bearer realm=\"anteroom\"", refused.header("WWW-Authenticate"));

        String username2 = user(admin, "UNC", "UNC", 1);
        String token2 = login(username2, PASSWORD);
        assertEquals(200, get(token2, V1 + "organizations").status());
        assertEquals(200, server.postForm(PS + "logout", form("token", token2)).status());
        assertEquals(401, get(token2, V1 + "organizations").status(), "logout ended it");
    }

    // ---- races -------------------------------------------------------------------------------

    @Test
    void twoConcurrentCreatesOfOneIdOrUpdatesOfOneRevisionEndInOneSuccessAndOneConflict() throws Exception {
        String admin = login("sigal", DEMO_PASSWORD);
        ServerLog.Mark mark = ServerLog.mark();
        for (int round = 0; round < 3; round++) {
            String id = unique("Race");
            List<Integer> creates = race(() -> post(admin, V1 + "organizations", "{'id': '" + id + "', 'name': 'R'}")
                    .status());
            assertEquals(List.of(201, 409), creates.stream().sorted().toList(), "creates of " + id);

            List<Integer> updates = race(() -> put(
                            admin, V1 + "organizations/" + id, "{'name': 'R " + UUID.randomUUID() + "', 'revision': 0}")
                    .status());
            assertEquals(List.of(200, 409), updates.stream().sorted().toList(), "updates of " + id);
            assertEquals(1, get(admin, V1 + "organizations/" + id).object().getInt("revision"));

            String roleName = unique("racer");
            List<Integer> roles =
                    race(() -> post(admin, V1 + "organizations/" + id + "/roles", "{'name': '" + roleName + "'}")
                            .status());
            assertEquals(List.of(201, 409), roles.stream().sorted().toList(), "roles named " + roleName);
            JsonValue role = get(admin, V1 + "organizations/" + id + "/roles")
                    .parse()
                    .asJsonArray()
                    .get(0);
            assertEquals(
                    1,
                    get(admin, V1 + "organizations/" + id + "/roles")
                            .parse()
                            .asJsonArray()
                            .size());

            String path =
                    V1 + "organizations/" + id + "/roles/" + role.asJsonObject().getJsonNumber("id");
            assertEquals(204, server.request("DELETE", path, bearer(admin)).status());
            assertEquals(
                    204,
                    server.request("DELETE", V1 + "organizations/" + id, bearer(admin))
                            .status());
        }
        ServerLog.assertClean(ServerLog.since(mark), admin);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static <T> List<T> race(Callable<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private String login(String username, String password) {
        return account(username, password).getString("token");
    }

    private JsonObject account(String username, String password) {
        Reply reply = server.postForm(
                PS + "validateAccount", form("username", username, "password", password, "deviceId", unique("device")));
        JsonObject fact = reply.object().getJsonObject("validateAccountFact");
        assertTrue(fact.getJsonObject("statusFact").getBoolean("success"), reply.body());
        return fact.getJsonObject("accountFact");
    }

    private String temporalToken() {
        return server.get(PS + "validateAccount?temporal=true")
                .object()
                .getJsonObject("validateAccountFact")
                .getJsonObject("accountFact")
                .getString("token");
    }

    /** A new ACTIVE user of UNC with this role (password n3w-password), registered by an admin; its username. */
    private String user(String adminToken, String org, String facility, long roleId) {
        String username = unique("admin");
        Reply reply = server.postForm(
                PS + "users",
                form(
                        "firstName",
                        "New",
                        "lastName",
                        "User",
                        "username",
                        username,
                        "email",
                        username + "@anteroom.example",
                        "password",
                        PASSWORD,
                        "passwordConfirm",
                        PASSWORD,
                        "organization",
                        org,
                        "facility",
                        facility,
                        "role",
                        Long.toString(roleId),
                        "status",
                        "ACTIVE",
                        "token",
                        adminToken,
                        "userId",
                        "sigal"));
        assertTrue(reply.object().getJsonObject("statusFact").getBoolean("success"), reply.body());
        return username;
    }

    private String organization(String admin) {
        String id = unique("Org");
        assertEquals(
                201,
                post(admin, V1 + "organizations", "{'id': '" + id + "', 'name': 'Org'}")
                        .status());
        return id;
    }

    private String facility(String admin, String org) {
        String id = unique("Fac");
        assertEquals(
                201,
                post(admin, V1 + "organizations/" + org + "/facilities", "{'id': '" + id + "', 'name': 'F'}")
                        .status());
        return id;
    }

    private long role(String admin, String org, String... permissions) {
        StringBuilder names = new StringBuilder();
        for (String permission : permissions) {
            names.append(names.length() == 0 ? "" : ", ")
                    .append('\'')
                    .append(permission)
                    .append('\'');
        }
        Reply reply = post(
                admin,
                V1 + "organizations/" + org + "/roles",
                "{'name': '" + unique("role") + "', 'permissions': [" + names + "]}");
        assertEquals(201, reply.status(), reply.body());
        return reply.object().getJsonNumber("id").longValue();
    }

    /** The organization in the legacy list (temporal token), or null. */
    private JsonObject legacyOrganization(String id) {
        return legacyWithTemporal("organizations").getJsonArray("data").stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getString("id").equals(id))
                .findFirst()
                .orElse(null);
    }

    private JsonObject legacyWithTemporal(String path) {
        return server.get(PS + path + "?temporalSession=true&token=" + temporalToken())
                .object();
    }

    /** A legacy read as a demo admin. */
    private JsonObject legacy(String path) {
        return server.get(PS + path + "?userId=sigal&token=" + login("sigal", DEMO_PASSWORD))
                .object();
    }

    private static List<String> problems(Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid", reply.error());
        return reply.object().getJsonArray("problems").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static List<String> names(JsonObject role) {
        return role.getJsonArray("permissions").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private Reply get(String token, String path) {
        return server.get(path, bearer(token));
    }

    private Reply post(String token, String path, String singleQuoted) {
        return server.send("POST", path, singleQuoted.replace('\'', '"'), bearer(token));
    }

    private Reply put(String token, String path, String singleQuoted) {
        return server.send("PUT", path, singleQuoted.replace('\'', '"'), bearer(token));
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
