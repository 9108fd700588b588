package org.anteroom.bridge;

import static org.anteroom.it.Server.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;

/** Bot accounts for the ITs: fresh users made through the legacy API, and their bridge tokens. */
public final class Bots {

    public static final String PASSWORD = "b0t-password";
    public static final String DOMAIN = "anteroom.local";
    public static final String TOKEN_PATH = "bridge/api/client/v1/oauth/token";

    private Bots() {}

    /** A user account: the legacy id and the username a bot logs in with. */
    public record Account(String id, String username) {

        public String botId() {
            return username + "@" + DOMAIN;
        }
    }

    /** A new user with this status (ACTIVE, SUSPENDED, ...). */
    public static Account user(Server server, String prefix, String status) {
        String username = prefix + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = server.postForm(
                "PresentationServices/users",
                form(
                        "firstName",
                        "Bot",
                        "lastName",
                        prefix,
                        "username",
                        username,
                        "email",
                        username + "@bots.example",
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
                        status,
                        "userId",
                        "sigal",
                        "token",
                        adminToken(server)));
        assertEquals(200, reply.status(), reply.body());
        return new Account(reply.object().getJsonObject("data").getString("id"), username);
    }

    public static Account user(Server server, String prefix) {
        return user(server, prefix, "ACTIVE");
    }

    /** A token request with a JSON body (or anything else sent as JSON). */
    public static Reply grant(Server server, String body) {
        return server.send("POST", TOKEN_PATH, body);
    }

    public static String token(Server server, String username) {
        return token(server, username, PASSWORD);
    }

    public static String token(Server server, String username, String password) {
        Reply reply = grant(
                server,
                "{\"client_id\":\"chat_bot\",\"grant_type\":\"password\",\"username\":\"" + username
                        + "\",\"password\":\"" + password + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.object().getString("access_token");
    }

    /** An authenticated bot connection of the account. */
    public static BotClient bot(Server server, Account account) {
        return BotClient.authenticated(server, token(server, account.username()), false);
    }

    /** A legacy token of the demo administrator sigal. */
    private static String adminToken(Server server) {
        return server.postForm(
                        "PresentationServices/validateAccount",
                        form(
                                "username",
                                "sigal",
                                "password",
                                "anteroom-demo",
                                "deviceId",
                                UUID.randomUUID().toString().substring(0, 12)))
                .object()
                .getJsonObject("validateAccountFact")
                .getJsonObject("accountFact")
                .getString("token");
    }

    /** A demo administrator suspends the account through the legacy API. */
    public static void suspend(Server server, Account account) {
        update(server, account, "SUSPENDED", "");
    }

    /** A demo administrator updates the account through the legacy API: its status and (unless empty) password. */
    public static void update(Server server, Account account, String status, String password) {
        Reply reply = server.postForm(
                "PresentationServices/users/" + account.id(),
                form(
                        "firstName",
                        "Bot",
                        "lastName",
                        "Updated",
                        "email",
                        account.username() + "@bots.example",
                        "password",
                        password,
                        "passwordConfirm",
                        password,
                        "organization",
                        "UNC",
                        "facility",
                        "UNC",
                        "role",
                        "2",
                        "status",
                        status,
                        "userId",
                        "sigal",
                        "token",
                        adminToken(server)));
        assertEquals(200, reply.status(), reply.body());
    }

    /** A demo administrator deactivates the account with the legacy DELETE. */
    public static void deactivate(Server server, Account account) {
        Reply reply = server.request(
                "DELETE", "PresentationServices/users/" + account.id() + "?userId=sigal&token=" + adminToken(server));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.object().getJsonObject("statusFact").getBoolean("success"), reply.body());
    }
}
