package org.anteroom.admin;

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

import org.anteroom.access.SetupCodes;
import org.anteroom.access.SetupCodes.Completed;

/**
 * {@code POST /admin/setup}: the first administrator trades the mailed setup code and a password of
 * its choice for an ACTIVE account (docs/admin.md, "First administrator"). Public by nature: the code
 * is the credential, so the bearer-token filter lets it through ({@link Public}).
 */
@Public
@ApplicationScoped
@Path("setup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class SetupResource {

    @Inject
    SetupCodes setupCodes;

    @POST
    public SetupFact setup(InputStream body, @Context HttpServletRequest request) {
        SetupRequest setup = SetupRequest.read(body);
        return SetupFact.of(setupCodes.redeem(setup.code(), setup.password(), request.getRemoteAddr()));
    }

    /** The account that is ready to sign in. */
    public record SetupFact(String userId, String username, String organizationId) {

        static SetupFact of(Completed completed) {
            return new SetupFact(completed.userId(), completed.username(), completed.organizationId());
        }
    }
}
