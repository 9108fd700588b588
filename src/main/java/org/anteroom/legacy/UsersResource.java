package org.anteroom.legacy;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.anteroom.access.Accounts;
import org.anteroom.directory.UserQuery;
import org.anteroom.directory.UserStatus;
import org.anteroom.directory.Users;

/**
 * User registration, listing, reading, update and deactivation. The form's parameters become a
 * {@link UserForm}, which hands the directory a wire-neutral draft.
 */
@ApplicationScoped
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** The page size when a client sends no {@code limit} (docs/legacy-api.md). */
    private static final int DEFAULT_LIMIT = 500;

    @Inject
    LegacyCall call;

    @Inject
    Users users;

    @Inject
    Accounts accounts;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /** Self-registration with a temporal token, or registration by an administrator. */
    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @AcceptsTemporalToken(userId = false)
    public Envelope register() {
        return Envelope.of(UserFact.of(
                accounts.register(call.caller().userId(), UserForm.of(call).draft(), ConfirmEmailResource.link(uri))));
    }

    @GET
    public Envelope list() {
        UserQuery.Location location = location(call.text("location"));
        String locationId = call.text("locationId");
        if (location != null && locationId == null) {
            throw new MalformedRequestException("locationId is mandatory when location is given");
        }
        UserQuery query = new UserQuery(
                location,
                locationId,
                status(call.text("status")),
                call.number("offset", 0, 0, Integer.MAX_VALUE),
                call.number("limit", DEFAULT_LIMIT, 1, UserQuery.MAX_LIMIT));
        return Envelope.of(users.list(call.caller().userId(), query).stream()
                .map(UserFact::of)
                .toList());
    }

    @GET
    @Path("{requestedUserId}")
    public Envelope read(@PathParam("requestedUserId") String requestedUserId) {
        return Envelope.of(UserFact.of(users.read(call.caller().userId(), requestedUserId)));
    }

    @POST
    @Path("{requestedUserId}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Envelope update(@PathParam("requestedUserId") String requestedUserId) {
        UserForm form = UserForm.of(call);
        return Envelope.of(UserFact.of(accounts.update(
                call.caller().userId(),
                requestedUserId,
                form.draft(),
                form.passwordValidation(),
                request.getRemoteAddr(),
                ConfirmEmailResource.link(uri))));
    }

    @DELETE
    @Path("{requestedUserId}")
    public Envelope deactivate(@PathParam("requestedUserId") String requestedUserId) {
        accounts.deactivate(call.caller().userId(), requestedUserId);
        return Envelope.success();
    }

    private static UserQuery.Location location(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "organization" -> UserQuery.Location.ORGANIZATION;
            case "facility" -> UserQuery.Location.FACILITY;
            default -> throw new MalformedRequestException("location must be 'organization' or 'facility'");
        };
    }

    private static UserStatus status(String value) {
        if (value == null) {
            return null;
        }
        return StatusWords.status(value)
                .orElseThrow(() -> new MalformedRequestException("Unknown status '" + value + "'"));
    }
}
