package org.anteroom.presence;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.access.OtpChallenges;
import org.anteroom.presence.PresenceFacts.OtpFact;

/** Email one-time codes: {@code POST /otp/send} mails one, {@code POST /otp/validate} trades it for a login token. */
@ApplicationScoped
@Path("otp")
@Public
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class OtpResource {

    @Inject
    OtpChallenges challenges;

    @POST
    @Path("send")
    public boolean send(InputStream body) {
        JsonBody json = JsonBody.read(body);
        challenges.send(json.text("emailAddress"), json.text("displayName"));
        return true;
    }

    @POST
    @Path("validate")
    public OtpFact validate(InputStream body, @Context HttpServletRequest request) {
        JsonBody json = JsonBody.read(body);
        return OtpFact.of(challenges.redeem(json.text("p"), json.text("e"), json.text("n"), request.getRemoteAddr()));
    }
}
