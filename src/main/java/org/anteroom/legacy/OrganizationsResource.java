package org.anteroom.legacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.directory.Organizations;
import org.anteroom.legacy.DirectoryFacts.FacilityFact;
import org.anteroom.legacy.DirectoryFacts.OrganizationFact;
import org.anteroom.legacy.DirectoryFacts.RoleFact;
import org.anteroom.legacy.DirectoryFacts.RoomFact;
import org.anteroom.rooms.Rooms;

/** Organizations, their facilities, roles and facility rooms. */
@ApplicationScoped
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    @Inject
    Organizations organizations;

    @Inject
    Rooms rooms;

    @GET
    @AcceptsTemporalToken(userId = false)
    public Envelope organizations() {
        return Envelope.of(
                organizations.all().stream().map(OrganizationFact::of).toList());
    }

    @GET
    @Path("{organizationId}")
    public Envelope organization(@PathParam("organizationId") String organizationId) {
        return Envelope.of(OrganizationFact.of(organizations.organization(organizationId)));
    }

    @GET
    @Path("{organizationId}/facilities")
    @AcceptsTemporalToken(userId = false)
    public Envelope facilities(@PathParam("organizationId") String organizationId) {
        return Envelope.of(organizations.facilities(organizationId).stream()
                .map(FacilityFact::of)
                .toList());
    }

    @GET
    @Path("{organizationId}/facilities/{facilityId}")
    public Envelope facility(
            @PathParam("organizationId") String organizationId, @PathParam("facilityId") String facilityId) {
        return Envelope.of(FacilityFact.of(organizations.facility(organizationId, facilityId)));
    }

    @GET
    @Path("{organizationId}/roles")
    @AcceptsTemporalToken(userId = false)
    public Envelope roles(@PathParam("organizationId") String organizationId) {
        return Envelope.of(
                organizations.roles(organizationId).stream().map(RoleFact::of).toList());
    }

    @GET
    @Path("{organizationId}/facilities/{facilityId}/rooms")
    public Envelope rooms(
            @PathParam("organizationId") String organizationId, @PathParam("facilityId") String facilityId) {
        return Envelope.of(rooms.ofFacility(organizationId, facilityId).stream()
                .map(RoomFact::of)
                .toList());
    }

    @GET
    @Path("{organizationId}/facilities/{facilityId}/rooms/{roomId}")
    public Envelope room(
            @PathParam("organizationId") String organizationId,
            @PathParam("facilityId") String facilityId,
            @PathParam("roomId") String roomId) {
        return Envelope.of(RoomFact.of(rooms.ofFacility(organizationId, facilityId, roomId)));
    }
}
