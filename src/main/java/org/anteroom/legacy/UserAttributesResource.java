package org.anteroom.legacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.access.Accounts;
import org.anteroom.directory.Availability;
import org.anteroom.directory.UserAttribute;

/** Whether a tag id, email, username or pin is still free (usable from a self-registration form). */
@ApplicationScoped
@Path("userAttributeAvailable")
@Produces(MediaType.APPLICATION_JSON)
public class UserAttributesResource {

    @Inject
    LegacyCall call;

    @Inject
    Accounts accounts;

    @GET
    @Path("{attribute}")
    @AcceptsTemporalToken
    public Envelope available(@PathParam("attribute") String attribute) {
        String value = call.text("value");
        if (value == null) {
            throw new MalformedRequestException("value is mandatory");
        }
        Availability availability = accounts.availability(call.caller().userId(), attribute(attribute), value);
        return Envelope.of(new AvailabilityFact(availability.available(), availability.takenBy()));
    }

    private static UserAttribute attribute(String name) {
        return switch (name) {
            case "tagId" -> UserAttribute.TAG_ID;
            case "email" -> UserAttribute.EMAIL;
            case "username" -> UserAttribute.USERNAME;
            case "pin" -> UserAttribute.PIN;
            default ->
                throw new MalformedRequestException(
                        "Unknown attribute '" + name + "'; use tagId, email, username or pin");
        };
    }

    /** {@code takenBy} appears only when the value is taken and the caller may know by whom. */
    public record AvailabilityFact(boolean available, String takenBy) {}
}
