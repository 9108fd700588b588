package org.anteroom.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import org.anteroom.bridge.Bots.Account;
import org.anteroom.it.Eventually;
import org.anteroom.it.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The life of a bot's access, written as the attacks of issue 12: a suspended, deactivated or
 * re-passworded user's open bot sockets close at once with application close codes (never 1001, so a
 * bot tells revocation from a restart) and the old token no longer opens one; a user's sockets are
 * capped; a socket that never authenticates is closed. The ITs run with a cap of 3 sockets per user
 * and an auth timeout of 3 s (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BotLifecycleIT {

    private static final String WS = "websocket/chat_bot";
    private static final int CAP = 3;
    /**
     * Revocation reaches the sockets before the administrator's answer; this is the slack allowed after
     * it, generous so a loaded machine is slower, never red (the token itself would last an hour).
     */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void suspendingAUserClosesItsOpenBotSocketsWith4001AndItsTokenStaysRefused() {
        Server server = new Server(deployment);
        Account account = Bots.user(server, "suspended");
        String token = Bots.token(server, account.username());
        try (BotClient first = BotClient.authenticated(server, token, false);
                BotClient second = BotClient.authenticated(server, token, false)) {
            Bots.suspend(server, account);
            assertEquals(4001, closedAtOnce(first));
            assertEquals(4001, closedAtOnce(second));
        }
        try (BotClient again = BotClient.connect(server, WS)) {
            assertEquals(202, again.auth(token, false).getInt("errorCode"), "a suspended user's token");
        }
        // Active again: the token from before the suspension stays revoked; a new grant works.
        Bots.update(server, account, "ACTIVE", "");
        try (BotClient again = BotClient.connect(server, WS)) {
            assertEquals(201, again.auth(token, false).getInt("errorCode"), "a token from before the suspension");
        }
        try (BotClient fresh = BotClient.authenticated(server, Bots.token(server, account.username()), false)) {
            assertEquals(0, fresh.list("getChats", "{'count': 10, 'page': 1}").size());
        }
    }

    @Test
    void deactivatingAUserWithTheLegacyDeleteClosesItsBotSocketWith4001() {
        Server server = new Server(deployment);
        Account account = Bots.user(server, "deleted");
        String token = Bots.token(server, account.username());
        try (BotClient bot = BotClient.authenticated(server, token, false)) {
            Bots.deactivate(server, account);
            assertEquals(4001, closedAtOnce(bot));
        }
        try (BotClient again = BotClient.connect(server, WS)) {
            assertEquals(202, again.auth(token, false).getInt("errorCode"));
        }
    }

    @Test
    void aNewPasswordClosesTheBotSocketsWith4002AndRevokesTheOldToken() {
        Server server = new Server(deployment);
        Account account = Bots.user(server, "repassword");
        Account other = Bots.user(server, "bystander");
        String old = Bots.token(server, account.username());
        try (BotClient bot = BotClient.authenticated(server, old, false);
                BotClient bystander = Bots.bot(server, other)) {
            Bots.update(server, account, "ACTIVE", "n3w-b0t-password");
            assertEquals(4002, closedAtOnce(bot));
            assertTrue(bystander.open(), "another user's socket stays");
            assertEquals(
                    0, bystander.list("getChats", "{'count': 10, 'page': 1}").size());
        }
        try (BotClient again = BotClient.connect(server, WS)) {
            JsonObject refused = again.auth(old, false);
            assertEquals(201, refused.getInt("errorCode"), refused.toString());
            assertEquals(
                    400,
                    Bots.grant(
                                    server,
                                    "{\"client_id\":\"chat_bot\",\"grant_type\":\"password\",\"username\":\""
                                            + account.username() + "\",\"password\":\"" + Bots.PASSWORD + "\"}")
                            .status(),
                    "the old password");
            JsonObject ok = again.auth(Bots.token(server, account.username(), "n3w-b0t-password"), false);
            assertFalse(ok.containsKey("errorCode"), ok.toString());
            assertTrue(ok.getString("userId").startsWith(account.botId() + "/"), ok.toString());
        }
    }

    @Test
    void aUsersBotSocketsAreCappedAndTheOneOverTheCapIsRefusedWith4008() {
        Server server = new Server(deployment);
        Account account = Bots.user(server, "capped");
        String token = Bots.token(server, account.username());
        List<BotClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                open.add(BotClient.authenticated(server, token, false));
            }
            try (BotClient over = BotClient.connect(server, WS)) {
                JsonObject refused = over.auth(token, false);
                assertEquals(302, refused.getInt("errorCode"), refused.toString());
                assertEquals(4008, over.closeCode());
            }
            try (BotClient someoneElse = Bots.bot(server, Bots.user(server, "uncapped"))) {
                assertTrue(someoneElse.open(), "the cap is per user");
            }
            assertTrue(open.stream().allMatch(BotClient::open), "the sockets under the cap stay");

            // A socket that closes frees its place (the server learns of the close a moment later).
            open.remove(0).close();
            open.add(Eventually.value("a place under the cap again", Eventually.PATIENCE, () -> {
                BotClient candidate = BotClient.connect(server, WS);
                if (!candidate.auth(token, false).containsKey("errorCode")) {
                    return candidate;
                }
                assertEquals(4008, candidate.closeCode());
                candidate.close();
                return null;
            }));
        } finally {
            open.forEach(BotClient::close);
        }
    }

    @Test
    void aSocketThatDoesNotAuthenticateInTimeIsClosedWith4010() {
        Server server = new Server(deployment);
        String token = Bots.token(server, Bots.user(server, "punctual").username());
        try (BotClient silent = BotClient.connect(server, WS);
                BotClient failed = BotClient.connect(server, WS);
                BotClient punctual = BotClient.authenticated(server, token, false)) {
            assertEquals(201, failed.auth("not-a-token", false).getInt("errorCode"), "a failed auth is no auth");
            assertEquals(4010, silent.closeCode());
            assertEquals(4010, failed.closeCode());
            assertTrue(punctual.open(), "an authenticated socket is not timed out");
            assertEquals(
                    0, punctual.list("getChats", "{'count': 10, 'page': 1}").size());
        }
    }

    /** The close code of a socket that must already be closing. */
    private static int closedAtOnce(BotClient client) {
        return client.awaitClose(AT_ONCE).code();
    }
}
