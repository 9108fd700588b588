package org.anteroom.admin;

import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.anteroom.admin.AdminJson.RoomJson;
import org.anteroom.rooms.FacilityRooms;

/** The rooms of a facility, the ones the legacy API lists for it (manage_rooms). */
@ApplicationScoped
@Path("v1/organizations/{organizationId}/facilities/{facilityId}/rooms")
@Produces(MediaType.APPLICATION_JSON)
public class RoomsResource {

    @Inject
    AdminCall call;

    @Inject
    FacilityRooms rooms;

    @GET
    public List<RoomJson> list(
            @PathParam("organizationId") String organizationId, @PathParam("facilityId") String facilityId) {
        return rooms.list(call.callerId(), organizationId, facilityId).stream()
                .map(room -> RoomJson.of(organizationId, room))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            @PathParam("organizationId") String organizationId,
            @PathParam("facilityId") String facilityId,
            InputStream body,
            @Context UriInfo uri) {
        JsonBody json = JsonBody.read(body);
        RoomJson created = RoomJson.of(
                organizationId,
                rooms.create(call.callerId(), organizationId, facilityId, json.text("id"), json.text("name")));
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("{roomId}")
    public RoomJson read(
            @PathParam("organizationId") String organizationId,
            @PathParam("facilityId") String facilityId,
            @PathParam("roomId") String roomId) {
        return RoomJson.of(organizationId, rooms.read(call.callerId(), organizationId, facilityId, roomId));
    }

    @PUT
    @Path("{roomId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RoomJson update(
            @PathParam("organizationId") String organizationId,
            @PathParam("facilityId") String facilityId,
            @PathParam("roomId") String roomId,
            InputStream body) {
        JsonBody json = JsonBody.read(body);
        return RoomJson.of(
                organizationId,
                rooms.rename(
                        call.callerId(),
                        organizationId,
                        facilityId,
                        roomId,
                        json.text("name"),
                        json.number("revision")));
    }

    @DELETE
    @Path("{roomId}")
    public Response delete(
            @PathParam("organizationId") String organizationId,
            @PathParam("facilityId") String facilityId,
            @PathParam("roomId") String roomId) {
        rooms.delete(call.callerId(), organizationId, facilityId, roomId);
        return Response.noContent().build();
    }
}
