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

import org.anteroom.admin.AdminJson.FacilityJson;
import org.anteroom.directory.DirectoryDrafts.FacilityDraft;
import org.anteroom.directory.Facilities;

/** The facilities of an organization (manage_facilities). */
@ApplicationScoped
@Path("v1/organizations/{organizationId}/facilities")
@Produces(MediaType.APPLICATION_JSON)
public class FacilitiesResource {

    @Inject
    AdminCall call;

    @Inject
    Facilities facilities;

    @GET
    public List<FacilityJson> list(@PathParam("organizationId") String organizationId) {
        return facilities.list(call.callerId(), organizationId).stream()
                .map(FacilityJson::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("organizationId") String organizationId, InputStream body, @Context UriInfo uri) {
        FacilityJson created =
                FacilityJson.of(facilities.create(call.callerId(), organizationId, draft(JsonBody.read(body), true)));
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("{facilityId}")
    public FacilityJson read(
            @PathParam("organizationId") String organizationId, @PathParam("facilityId") String facilityId) {
        return FacilityJson.of(facilities.read(call.callerId(), organizationId, facilityId));
    }

    @PUT
    @Path("{facilityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FacilityJson update(
            @PathParam("organizationId") String organizationId,
            @PathParam("facilityId") String facilityId,
            InputStream body) {
        return FacilityJson.of(
                facilities.update(call.callerId(), organizationId, facilityId, draft(JsonBody.read(body), false)));
    }

    @DELETE
    @Path("{facilityId}")
    public Response delete(
            @PathParam("organizationId") String organizationId, @PathParam("facilityId") String facilityId) {
        facilities.delete(call.callerId(), organizationId, facilityId);
        return Response.noContent().build();
    }

    private static FacilityDraft draft(JsonBody json, boolean create) {
        return new FacilityDraft(
                create ? json.text("id") : null,
                json.text("name"),
                json.bool("nfcEnabled"),
                json.bool("nfcSelfModificationEnabled"),
                json.bool("barCodeEnabled"),
                create ? null : json.number("revision"));
    }
}
