package org.anteroom.presence;

import static org.anteroom.presence.Presence.P;
import static org.anteroom.presence.Presence.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Presence rooms, black-box, with two and three people: creating, asking to join, approving, leaving,
 * kicking, disconnecting, invitations through a real SMTP server, room JWTs checked against the
 * published keys, and every step seen live on real WebSocket connections of the hub.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PresenceRoomsIT {

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

    // --- the whole story ---

    @Test
    void createAskApproveTokenLeaveKickAndDisconnectAreAllSeenLive() throws Exception {
        Server server = new Server(deployment);
        Session expert = expert(server, "Expert One");
        Session guest = guest(server, "Guest One");
        Session outsider = expert(server, "Outsider");

        JsonObject room = createRoom(server, expert, "  Pump Station 4  ");
        assertEquals(List.of("uuid", "name", "shortname", "members"), List.copyOf(room.keySet()));
        assertEquals("Pump Station 4", room.getString("name"));
        assertTrue(room.getString("shortname").matches("[a-z]+(-[a-z]+){3}"), room.getString("shortname"));
        JsonArray members = room.getJsonArray("members");
        assertEquals(1, members.size());
        JsonObject creator = members.getJsonObject(0);
        assertEquals(
                List.of("uuid", "name", "device", "type", "created", "modified", "method", "room"),
                List.copyOf(creator.keySet()));
        assertEquals(expert.uuid(), creator.getString("uuid"));
        assertEquals(room.getString("uuid"), creator.getString("room"));
        String roomId = room.getString("uuid");
        String shortname = room.getString("shortname");

        try (HubClient expertHub = HubClient.open(server, expert);
                HubClient guestHub = HubClient.open(server, guest)) {
            assertEquals(roomId, expertHub.hello.getString("room"));
            assertEquals(JsonObject.NULL, guestHub.hello.get("room"));
            // A stranger sees the room, not who is in it.
            Reply seen = server.get(P + "rooms/" + shortname, guest.headers());
            assertEquals(200, seen.status(), seen.body());
            assertEquals(roomId, seen.object().getString("uuid"));
            assertFalse(seen.object().containsKey("members"));
            assertEquals(409, server.get(P + "jwt", guest.headers()).status());

            Reply waiting = join(server, guest, shortname);
            assertEquals(200, waiting.status(), waiting.body());
            assertEquals("waiting", waiting.object().getString("status"));
            JsonObject requested = expertHub.next("join-requested");
            assertEquals(guest.uuid(), requested.getJsonObject("user").getString("uuid"));
            assertEquals(roomId, requested.getJsonObject("room").getString("uuid"));
            assertEquals(shortname, requested.getJsonObject("room").getString("shortname"));
            assertEquals(roomId, guestHub.next("waiting").getJsonObject("room").getString("uuid"));

            // Only someone in the room may approve.
            Reply outside = approve(server, outsider, guest.uuid());
            assertEquals(403, outside.status(), outside.body());

            Reply approved = approve(server, expert, guest.uuid());
            assertEquals(200, approved.status(), approved.body());
            assertEquals("{}", approved.body());
            assertEquals(
                    expert.uuid(),
                    guestHub.next("approved").getJsonObject("approvedBy").getString("uuid"));
            assertEquals(
                    guest.uuid(),
                    guestHub.next("member-joined").getJsonObject("user").getString("uuid"));
            assertEquals(
                    guest.uuid(),
                    expertHub.next("member-joined").getJsonObject("user").getString("uuid"));

            Reply listed = server.get(P + "rooms", guest.headers());
            assertEquals(200, listed.status(), listed.body());
            JsonObject mine = only(listed.parse().asJsonArray(), roomId);
            assertEquals(List.of(expert.uuid(), guest.uuid()), uuids(mine.getJsonArray("members")));

            // The room JWT: ES384 under a published key, for this user and this room.
            Reply jwt = server.get(P + "jwt", guest.headers());
            assertEquals(200, jwt.status(), jwt.body());
            JWTClaimsSet claims = verified(server, jwt.object().getString("token"));
            assertEquals(guest.uuid(), claims.getSubject());
            assertEquals(roomId, claims.getStringClaim("room"));
            assertEquals(List.of("assets"), claims.getAudience());
            assertEquals("anteroom", claims.getIssuer());
            long lifetime =
                    claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
            assertTrue(lifetime > 0 && lifetime <= Duration.ofMinutes(15).toMillis(), "lifetime " + lifetime);

            // Leaving, and coming back without asking again.
            assertEquals(
                    200,
                    server.request("POST", P + "rooms/" + roomId + "/leave", guest.headers())
                            .status());
            JsonObject left = expertHub.next("member-left");
            assertEquals(guest.uuid(), left.getJsonObject("user").getString("uuid"));
            assertEquals("left", left.getString("reason"));
            Reply back = join(server, guest, roomId);
            assertEquals("joined", back.object().getString("status"), back.body());
            assertEquals(
                    2,
                    back.object().getJsonObject("room").getJsonArray("members").size());
            expertHub.next("member-joined");

            // Kicked: out, and the approval is gone.
            Reply kicked = server.request("POST", P + "rooms/" + shortname + "/kick/" + guest.uuid(), expert.headers());
            assertEquals(200, kicked.status(), kicked.body());
            assertEquals(
                    expert.uuid(),
                    guestHub.next("kicked").getJsonObject("kickedBy").getString("uuid"));
            JsonObject kickedLeft = expertHub.next("member-left");
            assertEquals("kicked", kickedLeft.getString("reason"));
            assertEquals(
                    JsonObject.NULL,
                    server.get(P + "user", guest.headers()).object().get("room"));
            assertEquals("waiting", join(server, guest, roomId).object().getString("status"));
            expertHub.next("join-requested");
            assertTrue(server.get(P + "rooms", guest.headers()).parse().asJsonArray().stream()
                    .noneMatch(r -> r.asJsonObject().getString("uuid").equals(roomId)));

            // Disconnect: the expert is nowhere and no longer hears the room.
            Reply disconnected = server.request("POST", P + "disconnect", expert.headers());
            assertEquals(200, disconnected.status(), disconnected.body());
            assertEquals(
                    JsonObject.NULL,
                    server.get(P + "user", expert.headers()).object().get("room"));
            expertHub.sync();
            Session third = guest(server, "Guest Three");
            assertEquals("waiting", join(server, third, roomId).object().getString("status"));
            assertTrue(
                    expertHub.sync().stream().noneMatch(m -> m.getString("type").equals("join-requested")),
                    "a disconnected member still hears the room");
            // And a request nobody in the room can approve any more.
            assertEquals(403, approve(server, expert, third.uuid()).status());
        }
    }

    /**
     * The rooms list keeps each room's members between requests (decision 0025), and every change is in
     * the very next answer: an approval, a profile change of someone in the room, leaving. Its members
     * are the same records as the single room's, which is built afresh each time.
     */
    @Test
    void theRoomsListShowsEveryChangeAtOnce() throws Exception {
        Server server = new Server(deployment);
        Session expert = expert(server, "List Keeper");
        Session guest = guest(server, "List Guest");
        String roomId = createRoom(server, expert, "Cached Room").getString("uuid");
        assertEquals(List.of(expert.uuid()), uuids(listed(server, expert, roomId)));
        assertEquals(listed(server, expert, roomId), listed(server, expert, roomId), "the same answer twice");

        join(server, guest, roomId);
        assertEquals(200, approve(server, expert, guest.uuid()).status());
        assertEquals(List.of(expert.uuid(), guest.uuid()), uuids(listed(server, expert, roomId)));

        Reply renamed =
                server.send("PUT", P + "user", "{\"name\": \"Renamed Guest\", \"device\": \"iPad\"}", guest.headers());
        assertEquals(200, renamed.status(), renamed.body());
        JsonObject seen = listed(server, expert, roomId).getJsonObject(1);
        assertEquals("Renamed Guest", seen.getString("name"));
        assertEquals("iPad", seen.getString("device"));
        assertEquals(renamed.object().getJsonNumber("modified"), seen.getJsonNumber("modified"));
        assertEquals(
                server.get(P + "rooms/" + roomId, expert.headers()).object().getJsonArray("members"),
                listed(server, expert, roomId),
                "the list's members are the room's");

        assertEquals(
                200,
                server.request("POST", P + "rooms/" + roomId + "/leave", guest.headers())
                        .status());
        assertEquals(List.of(expert.uuid()), uuids(listed(server, expert, roomId)));
    }

    /** The members of one room in the caller's rooms list. */
    private static JsonArray listed(Server server, Session session, String roomId) {
        Reply list = server.get(P + "rooms", session.headers());
        assertEquals(200, list.status(), list.body());
        return only(list.parse().asJsonArray(), roomId).getJsonArray("members");
    }

    @Test
    void racingApprovalsLeaveOneApprovalAndOneSetOfEvents() throws Exception {
        Server server = new Server(deployment);
        Session expert = expert(server, "Race Host");
        String roomId = createRoom(server, expert, "Race Room").getString("uuid");
        List<Session> approvers = new ArrayList<>(List.of(expert));
        for (int i = 0; i < 3; i++) {
            Session member = guest(server, "Approver " + i);
            join(server, member, roomId);
            assertEquals(200, approve(server, expert, member.uuid()).status());
            approvers.add(member);
        }
        Session waiting = guest(server, "Raced");
        try (HubClient hub = HubClient.open(server, waiting)) {
            assertEquals("waiting", join(server, waiting, roomId).object().getString("status"));
            ExecutorService pool = Executors.newFixedThreadPool(approvers.size());
            try {
                List<Callable<Reply>> calls = approvers.stream()
                        .<Callable<Reply>>map(a -> () -> approve(server, a, waiting.uuid()))
                        .toList();
                for (Future<Reply> reply : pool.invokeAll(calls)) {
                    assertEquals(200, reply.get().status(), reply.get().body());
                }
            } finally {
                pool.shutdown();
            }
            hub.next("approved");
            List<JsonObject> rest = hub.sync();
            assertTrue(rest.stream().noneMatch(m -> m.getString("type").equals("approved")), rest.toString());
        }
        assertEquals(
                1,
                count(
                        "select count(*) from room_approval a join app_user u on u.id = a.user_id"
                                + " where a.room_id = ? and u.uuid = ?",
                        roomId,
                        waiting.uuid()));
        assertEquals(roomId, server.get(P + "user", waiting.headers()).object().getString("room"));
    }

    @Test
    void aToolsGatewayEntersTheRoomButItsConnectionGetsNoRoomTraffic() {
        Server server = new Server(deployment);
        Session expert = expert(server, "Gateway Host");
        String roomId = createRoom(server, expert, "Gateway Room").getString("uuid");
        Session gateway = guest(server, "Tools Gateway");
        Reply typed = server.send("PUT", P + "user", "{\"type\":\"EmbeddedNode\"}", gateway.headers());
        assertEquals(200, typed.status(), typed.body());
        try (HubClient gatewayHub = HubClient.open(server, gateway)) {
            join(server, gateway, roomId);
            gatewayHub.next("waiting");
            assertEquals(200, approve(server, expert, gateway.uuid()).status());
            gatewayHub.next("approved");
            assertEquals(
                    roomId, server.get(P + "user", gateway.headers()).object().getString("room"));
            Session other = guest(server, "Later Member");
            join(server, other, roomId);
            approve(server, expert, other.uuid());
            List<String> types =
                    gatewayHub.sync().stream().map(m -> m.getString("type")).toList();
            assertFalse(types.contains("member-joined") || types.contains("join-requested"), types.toString());
        }
        // A new connection of the gateway is not put into the room either.
        try (HubClient again = HubClient.open(server, gateway)) {
            assertEquals(JsonObject.NULL, again.hello.get("room"));
        }
    }

    // --- invitations ---

    @Test
    void anInvitationMailsALinkPreApprovesAndDisappearsOnJoining() throws Exception {
        Server server = new Server(deployment);
        Session host = Presence.session(
                server, AUTH.token(email("navy.mil"), "Inviting Host", "cac"), "x-adapt-host", "collab.it.example");
        JsonObject room = createRoom(server, host, "Invited Room");
        String invitee = email("example.org");

        Reply invited = invite(server, host, invitee, host.uuid(), true);
        assertEquals(200, invited.status(), invited.body());
        assertEquals("true", invited.body());
        MimeMessage message = mailTo(invitee);
        String body = GreenMailUtil.getBody(message);
        assertTrue(body.contains("https://collab.it.example/rooms/" + room.getString("shortname")), body);
        assertTrue(message.getSubject().contains("Invited Room"), message.getSubject());

        // The invitee logs in for the first time: the invitation is waiting, with the spec's fields.
        Session guest = Presence.session(server, AUTH.token(invitee, "Invited Guest", "google"));
        Reply pending = server.get(P + "invites", guest.headers());
        assertEquals(200, pending.status(), pending.body());
        JsonObject card = pending.parse().asJsonArray().getJsonObject(0);
        assertEquals(
                List.of("uuid", "created", "modified", "uid", "room", "shortname", "name", "invitedDate", "invitedBy"),
                List.copyOf(card.keySet()));
        assertEquals(invitee, card.getString("uid"));
        assertEquals(room.getString("uuid"), card.getString("room"));
        assertEquals(room.getString("shortname"), card.getString("shortname"));
        assertEquals("Invited Room", card.getString("name"));
        JsonObject by = card.getJsonObject("invitedBy");
        assertEquals(List.of("uuid", "name", "uid"), List.copyOf(by.keySet()));
        assertEquals(host.uuid(), by.getString("uuid"));
        assertEquals("Inviting Host", by.getString("name"));
        // Pre-approved: it is among the invitee's rooms, and joining needs nobody.
        assertNotNull(only(server.get(P + "rooms", guest.headers()).parse().asJsonArray(), room.getString("uuid")));
        Reply joined = join(server, guest, room.getString("shortname"));
        assertEquals("joined", joined.object().getString("status"), joined.body());
        assertEquals("[]", server.get(P + "invites", guest.headers()).body());
    }

    @Test
    void anInvitationWithoutMailStillPreApprovesAndIsPushedToTheInvitee() throws Exception {
        Server server = new Server(deployment);
        Session host = expert(server, "Quiet Host");
        String roomId = createRoom(server, host, "Quiet Room").getString("uuid");
        String address = email("example.net");
        Session known = Presence.session(server, AUTH.token(address, "Known Person", "google"));
        try (HubClient hub = HubClient.open(server, known)) {
            assertEquals(
                    200,
                    invite(server, host, address.toUpperCase(java.util.Locale.ROOT), host.uuid(), false)
                            .status());
            JsonObject pushed = hub.next("invited");
            assertEquals(roomId, pushed.getJsonObject("room").getString("uuid"));
            assertEquals(host.uuid(), pushed.getJsonObject("invitedBy").getString("uuid"));
        }
        assertEquals(0, mail.getReceivedMessagesForDomain(address).length);
        assertEquals(
                1,
                server.get(P + "invites", known.headers()).parse().asJsonArray().size());
        // Inviting again refreshes the one card.
        assertEquals(200, invite(server, host, address, host.uuid(), false).status());
        assertEquals(
                1,
                server.get(P + "invites", known.headers()).parse().asJsonArray().size());
        assertEquals("joined", join(server, known, roomId).object().getString("status"));
    }

    @Test
    void anInvitationWhoseMailFailsLeavesNothingAndAnnouncesNothing() {
        Server server = new Server(deployment);
        Session host = expert(server, "Unlucky Host");
        String roomId = createRoom(server, host, "Unlucky Room").getString("uuid");
        String address = email("example.com");
        Session invitee = Presence.session(server, AUTH.token(address, "Not Invited", "google"));
        try (HubClient hub = HubClient.open(server, invitee)) {
            mail.stop();
            try {
                Reply refused = invite(server, host, address, host.uuid(), true);
                assertEquals(503, refused.status(), refused.body());
            } finally {
                mail = Presence.startMail();
            }
            List<JsonObject> seen = hub.sync();
            assertTrue(
                    seen.stream().noneMatch(m -> m.getString("type").equals("invited")),
                    "a rolled-back invitation was announced: " + seen);
        }
        assertEquals("[]", server.get(P + "invites", invitee.headers()).body());
        // Not pre-approved either: the invitee still has to ask.
        assertEquals("waiting", join(server, invitee, roomId).object().getString("status"));
    }

    @Test
    void invitationsAreRefusedClearly() {
        Server server = new Server(deployment);
        Session host = expert(server, "Strict Host");
        Session nowhere = guest(server, "Nowhere");
        String address = email("example.com");
        assertEquals(409, invite(server, nowhere, address, nowhere.uuid(), true).status());
        createRoom(server, host, "Strict Room");
        assertEquals(403, invite(server, host, address, nowhere.uuid(), true).status());
        assertEquals(
                400, invite(server, host, "not-an-address", host.uuid(), true).status());
        Reply noUuid = server.send("POST", P + "invites", "{\"emailAddress\":\"" + address + "\"}", host.headers());
        assertEquals(400, noUuid.status(), noUuid.body());
        Reply wrongType = server.send(
                "POST",
                P + "invites",
                "{\"emailAddress\":\"" + address + "\",\"uuid\":\"" + host.uuid() + "\",\"send_email\":\"yes\"}",
                host.headers());
        assertEquals(400, wrongType.status(), wrongType.body());
        assertEquals(
                400,
                server.send("POST", P + "invites", "{not json", host.headers()).status());
        assertEquals("[]", server.get(P + "invites", nowhere.headers()).body());
        assertEquals(0, mail.getReceivedMessagesForDomain(address).length);
    }

    // --- listing, filters, legacy rooms ---

    @Test
    void createdAndModifiedFiltersKeepLaterRooms() throws Exception {
        Server server = new Server(deployment);
        Session expert = expert(server, "Filter Expert");
        String first = createRoom(server, expert, "First Room").getString("uuid");
        long between = serverNow(server);
        String second = createRoom(server, expert, "Second Room").getString("uuid");

        assertEquals(List.of(first, second), roomIds(server.get(P + "rooms", expert.headers())));
        assertEquals(List.of(second), roomIds(server.get(P + "rooms?created=" + between, expert.headers())));
        // The expert is in the second room now; going back into the first one modifies both.
        long beforeMove = serverNow(server);
        assertEquals(List.of(), roomIds(server.get(P + "rooms?modified=" + beforeMove, expert.headers())));
        join(server, expert, first);
        assertEquals(List.of(first, second), roomIds(server.get(P + "rooms?modified=" + beforeMove, expert.headers())));
        assertEquals(
                List.of(second),
                roomIds(server.get(P + "rooms?modified=" + beforeMove + "&created=" + between, expert.headers())));
        assertEquals(
                400, server.get(P + "rooms?created=yesterday", expert.headers()).status());
        assertEquals(
                "[]",
                server.get(P + "rooms", guest(server, "No Rooms").headers()).body());
    }

    @Test
    void legacyFacilityRoomsAreRoomsForTheirStaff() throws Exception {
        Server server = new Server(deployment);
        String podRoom;
        String podShortname;
        try (Connection db = Server.database();
                PreparedStatement query = db.prepareStatement(
                        "select r.id, r.shortname from room r" + " where r.facility_id = 'UNC' and r.code = 'podg'");
                ResultSet rows = query.executeQuery()) {
            assertTrue(rows.next());
            podRoom = rows.getString(1);
            podShortname = rows.getString(2);
        }
        Session stranger = guest(server, "Stranger");
        JsonObject seen =
                server.get(P + "rooms/" + podShortname, stranger.headers()).object();
        assertEquals(podRoom, seen.getString("uuid"));
        assertEquals("Pod G", seen.getString("name"));
        assertFalse(seen.containsKey("members"));

        // podb is staff of the UNC facility (demo data): its facility's rooms are its rooms.
        Session staff = Presence.session(server, AUTH.token("podb@unc.example", "Pod B", "google"));
        assertNotNull(only(server.get(P + "rooms", staff.headers()).parse().asJsonArray(), podRoom));
        assertEquals("joined", join(server, staff, podRoom).object().getString("status"));
        assertEquals("waiting", join(server, stranger, podShortname).object().getString("status"));
        assertEquals(200, approve(server, staff, stranger.uuid()).status());
        assertEquals(
                podRoom, server.get(P + "user", stranger.headers()).object().getString("room"));
        assertEquals(
                200, server.request("POST", P + "disconnect", staff.headers()).status());
        assertEquals(
                200,
                server.request("POST", P + "disconnect", stranger.headers()).status());
    }

    // --- who may, and bad input ---

    @Test
    void restrictedUsersCannotCreateOrKick() {
        Server server = new Server(deployment);
        Session guest = guest(server, "Restricted");
        Reply refused = server.send("POST", P + "rooms", "{\"name\":\"Not Mine\"}", guest.headers());
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.error().contains("rooms_create"), refused.body());
        // An email one-time-code session of a mil address cannot either.
        String address = email("army.mil");
        Session otp = Presence.session(server, Presence.otpToken(server, mail, address, "Otp Soldier"));
        assertEquals(
                403,
                server.send("POST", P + "rooms", "{\"name\":\"Not Mine\"}", otp.headers())
                        .status());

        Session expert = expert(server, "Kick Host");
        String roomId = createRoom(server, expert, "Kick Room").getString("uuid");
        join(server, guest, roomId);
        approve(server, expert, guest.uuid());
        Reply kick = server.request("POST", P + "rooms/" + roomId + "/kick/" + expert.uuid(), guest.headers());
        assertEquals(403, kick.status(), kick.body());
        assertEquals(roomId, server.get(P + "user", expert.headers()).object().getString("room"));
    }

    @Test
    void badInputGetsTheDocumentedErrors() {
        Server server = new Server(deployment);
        Session expert = expert(server, "Careful Expert");
        for (String body : List.of(
                "{\"name\":\"a\"}",
                "{\"name\":\"my-room\"}",
                "{\"name\":\"my_room\"}",
                "{\"name\":\"   \"}",
                "{}",
                "{\"name\":42}",
                "{\"name\":",
                "[]",
                "")) {
            Reply reply = server.send("POST", P + "rooms", body, expert.headers());
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertTrue(reply.object().containsKey("error"), reply.body());
        }
        assertEquals(
                JsonObject.NULL,
                server.get(P + "user", expert.headers()).object().get("room"));

        for (String key : List.of("2fa2a266-7d97-4147-8f17-1e57105c70ea", "no-such-room-here", "Not%20A%20Room", "x")) {
            assertEquals(404, server.get(P + "rooms/" + key, expert.headers()).status(), key);
            assertEquals(
                    404,
                    server.request("POST", P + "rooms/" + key + "/join", expert.headers())
                            .status(),
                    key);
        }
        assertEquals(400, approve(server, expert, "not-a-uuid").status());
        assertEquals(
                404,
                approve(server, expert, "2fa2a266-7d97-4147-8f17-1e57105c70ea").status());
        Session idle = guest(server, "Idle");
        assertEquals(404, approve(server, expert, idle.uuid()).status());
        String roomId = createRoom(server, expert, "Careful Room").getString("uuid");
        assertEquals(
                409,
                server.request("POST", P + "rooms/" + roomId + "/leave", idle.headers())
                        .status());
        assertEquals(
                409,
                server.request("POST", P + "rooms/" + roomId + "/kick/" + idle.uuid(), expert.headers())
                        .status());
        assertEquals(
                400,
                server.request("POST", P + "rooms/" + roomId + "/kick/" + expert.uuid(), expert.headers())
                        .status());
        assertEquals(409, server.get(P + "jwt", idle.headers()).status());
        assertEquals(400, server.get(P + "negotiate", idle.headers()).status());
        assertEquals(
                403,
                server.get(P + "negotiate?uuid=" + expert.uuid(), idle.headers())
                        .status());
        assertEquals(401, server.get(P + "rooms").status());
        assertEquals(401, server.get(P + "negotiate?uuid=" + idle.uuid()).status());
    }

    // --- the hub's door ---

    @Test
    void theHubClosesWith1008ForAnythingButACurrentHubToken() throws Exception {
        Server server = new Server(deployment);
        Session guest = guest(server, "Door Tester");
        String roomToken;
        Session expert = expert(server, "Door Expert");
        createRoom(server, expert, "Door Room");
        roomToken = server.get(P + "jwt", expert.headers()).object().getString("token");
        for (String token :
                new String[] {null, "", "garbage", roomToken, AUTH.token(email("example.com"), "X", "google")}) {
            try (HubClient client = HubClient.connect(server, token)) {
                assertEquals(1008, client.closeCode(), String.valueOf(token));
            }
        }
        String hubToken = server.get(P + "negotiate?uuid=" + guest.uuid(), guest.headers())
                .object()
                .getString("token");
        assertEquals(
                200,
                server.request("POST", "ops/clock/advance?seconds=" + (3 * 60)).status());
        try (HubClient expired = HubClient.connect(server, hubToken)) {
            assertEquals(1008, expired.closeCode());
        }
        // A live connection answers pings and survives nonsense.
        try (HubClient hub = HubClient.open(server, guest)) {
            hub.send("{\"type\":\"ping\"}");
            hub.next("pong");
            hub.send("not json at all");
            hub.next("error");
            hub.send("{\"type\":\"ping\"}");
            hub.next("pong");
        }
    }

    // --- helpers ---

    private static Session expert(Server server, String name) {
        return Presence.session(server, AUTH.token(email("army.mil"), name, "cac"));
    }

    private static Session guest(Server server, String name) {
        return Presence.session(server, AUTH.token(email("example.com"), name, "google"));
    }

    private static JsonObject createRoom(Server server, Session session, String name) {
        Reply reply = server.send("POST", P + "rooms", "{\"name\":\"" + name + "\"}", session.headers());
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }

    private static Reply join(Server server, Session session, String room) {
        return server.request("POST", P + "rooms/" + room + "/join", session.headers());
    }

    private static Reply approve(Server server, Session approver, String uuid) {
        return server.request("POST", P + "rooms/approve/" + uuid, approver.headers());
    }

    private static Reply invite(Server server, Session sender, String address, String uuid, boolean sendEmail) {
        return server.send(
                "POST",
                P + "invites",
                "{\"emailAddress\":\"" + address + "\",\"uuid\":\"" + uuid + "\",\"send_email\":" + sendEmail + "}",
                sender.headers());
    }

    private static JsonObject only(JsonArray rooms, String uuid) {
        return rooms.stream()
                .map(JsonObject.class::cast)
                .filter(r -> r.getString("uuid").equals(uuid))
                .findFirst()
                .orElse(null);
    }

    private static List<String> uuids(JsonArray members) {
        return members.stream().map(m -> m.asJsonObject().getString("uuid")).toList();
    }

    private static List<String> roomIds(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return uuids(reply.parse().asJsonArray());
    }

    /**
     * A moment on the server's clock (which tests move forward), strictly between what came before and
     * after: the pauses let the milliseconds tick on purpose, so that the moment differs from both.
     */
    private static long serverNow(Server server) {
        Eventually.pause(Duration.ofMillis(5));
        long now = Instant.now().toEpochMilli();
        Eventually.pause(Duration.ofMillis(5));
        return now + offset(server);
    }

    private static long offset(Server server) {
        Reply reply = server.get("ops/clock");
        assertEquals(200, reply.status(), reply.body());
        return reply.object().getJsonNumber("offsetSeconds").longValue() * 1000;
    }

    private static MimeMessage mailTo(String address) {
        return Eventually.value("a mail for " + address, Eventually.PATIENCE, () -> {
            MimeMessage[] received = mail.getReceivedMessagesForDomain(address);
            return received.length > 0 ? received[0] : null;
        });
    }

    private static JWTClaimsSet verified(Server server, String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.ES384, jwt.getHeader().getAlgorithm());
        JWKSet keys = JWKSet.parse(server.get(".well-known/jwks.json").body());
        ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "the signing key is published");
        assertTrue(jwt.verify(new ECDSAVerifier(key)));
        return jwt.getJWTClaimsSet();
    }

    private static long count(String sql, String... parameters) throws Exception {
        try (Connection db = Server.database();
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
