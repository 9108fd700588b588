package org.anteroom.legacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.legacy.DirectoryFacts.StatusValue;

@ApplicationScoped
@Path("userStatuses")
@Produces(MediaType.APPLICATION_JSON)
public class UserStatusesResource {

    @GET
    public Envelope statuses() {
        return Envelope.of(StatusWords.LISTED.stream()
                .map(s -> new StatusValue(StatusWords.word(s)))
                .toList());
    }
}
