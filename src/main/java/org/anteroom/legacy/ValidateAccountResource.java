package org.anteroom.legacy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.access.Login;
import org.anteroom.access.Logins;
import org.anteroom.access.SecurityTokens;
import org.anteroom.legacy.AccountFacts.AccountFact;
import org.anteroom.legacy.AccountFacts.TemporalAccountFact;
import org.anteroom.legacy.AccountFacts.ValidateAccountResponse;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.Meters;

/**
 * Login: by NFC tag, by username or by email (with a password), or a temporal token. The spec's
 * precedence holds: {@code temporal} discards everything else, a tag discards username and email,
 * and a username discards an email.
 */
@ApplicationScoped
@Path("validateAccount")
@Produces(MediaType.APPLICATION_JSON)
@AccountEnvelope
public class ValidateAccountResource {

    @Inject
    LegacyCall call;

    @Inject
    Logins logins;

    @Inject
    SecurityTokens tokens;

    @Context
    HttpServletRequest request;

    @Inject
    Meters meters;

    private Meters.Counter succeeded;
    private Meters.Counter refused;

    @PostConstruct
    void init() {
        succeeded = meters.counter(Logins.METRIC, "surface", "legacy", "outcome", "success");
        refused = meters.counter(Logins.METRIC, "surface", "legacy", "outcome", "refused");
    }

    @GET
    @Public
    public ValidateAccountResponse validate() {
        if (call.flag("temporal")) {
            return ValidateAccountResponse.success(TemporalAccountFact.of(tokens.issueTemporal()));
        }
        Login login;
        try {
            login = login();
        } catch (RuntimeException e) {
            refused.increment();
            throw e;
        }
        succeeded.increment();
        return ValidateAccountResponse.success(AccountFact.of(login));
    }

    private Login login() {
        String deviceId = call.text("deviceId");
        String address = request.getRemoteAddr();
        Login login;
        if (call.text("tagId") != null) {
            login = logins.withTag(call.text("tagId"), deviceId, address);
        } else if (call.text("username") != null) {
            login = logins.withUsername(call.text("username"), call.text("password"), deviceId, address);
        } else if (call.text("email") != null) {
            login = logins.withEmail(call.text("email"), call.text("password"), deviceId, address);
        } else {
            throw new InvalidInputException("A tagId, username or email is mandatory");
        }
        return login;
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Public
    public ValidateAccountResponse validateByForm() {
        return validate();
    }
}
