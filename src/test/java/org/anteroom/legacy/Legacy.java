package org.anteroom.legacy;

import static org.anteroom.it.Server.form;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.json.JsonObject;

import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;

/** What every legacy IT does: log in, get tokens, read the envelope's verdict. */
final class Legacy {

    static final String PS = "PresentationServices/";
    static final String PASSWORD = "anteroom-demo";

    private Legacy() {}

    static JsonObject login(Server server, String by, String identifier, String password, String device) {
        return accountFact(server.postForm(
                PS + "validateAccount", form(by, identifier, "password", password, "deviceId", device)));
    }

    /** A fresh token of a demo user, by username, from a new device. */
    static String token(Server server, String username) {
        return login(server, "username", username, PASSWORD, device()).getString("token");
    }

    static String temporalToken(Server server) {
        return accountFact(server.get(PS + "validateAccount?temporal=true")).getString("token");
    }

    static JsonObject accountFact(Reply reply) {
        JsonObject fact = reply.object().getJsonObject("validateAccountFact");
        assertTrue(fact.getJsonObject("statusFact").getBoolean("success"), reply.body());
        return fact.getJsonObject("accountFact");
    }

    /** The failMessage of a failed answer, plain envelope or validateAccountFact. */
    static String failMessage(Reply reply) {
        JsonObject body = reply.object();
        JsonObject status = body.containsKey("validateAccountFact")
                ? body.getJsonObject("validateAccountFact").getJsonObject("statusFact")
                : body.getJsonObject("statusFact");
        assertFalse(status.getBoolean("success"), reply.body());
        return status.getString("failMessage");
    }

    static String device() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
