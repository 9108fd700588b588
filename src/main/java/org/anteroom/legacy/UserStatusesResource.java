package org.anteroom.legacy;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.directory.UserStatus;
import org.anteroom.legacy.DirectoryFacts.StatusValue;

@ApplicationScoped
@Path("userStatuses")
@Produces(MediaType.APPLICATION_JSON)
public class UserStatusesResource {

    @GET
    public Envelope statuses() {
        return Envelope.of(Arrays.stream(UserStatus.values()).map(s -> new StatusValue(s.name())).toList());
    }
}
