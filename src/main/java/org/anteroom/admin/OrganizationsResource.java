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

import org.anteroom.admin.AdminJson.OrganizationJson;
import org.anteroom.directory.DirectoryDrafts.OrganizationDraft;
import org.anteroom.directory.Organizations;

/** Organizations (manage_organizations). */
@ApplicationScoped
@Path("v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    @Inject
    AdminCall call;

    @Inject
    Organizations organizations;

    @GET
    public List<OrganizationJson> list() {
        return organizations.administered(call.callerId()).stream()
                .map(OrganizationJson::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body, @Context UriInfo uri) {
        JsonBody json = JsonBody.read(body);
        OrganizationJson created = OrganizationJson.of(
                organizations.create(call.callerId(), new OrganizationDraft(json.text("id"), json.text("name"), null)));
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("{organizationId}")
    public OrganizationJson read(@PathParam("organizationId") String organizationId) {
        return OrganizationJson.of(organizations.administered(call.callerId(), organizationId));
    }

    @PUT
    @Path("{organizationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrganizationJson update(@PathParam("organizationId") String organizationId, InputStream body) {
        JsonBody json = JsonBody.read(body);
        return OrganizationJson.of(organizations.update(
                call.callerId(),
                organizationId,
                new OrganizationDraft(organizationId, json.text("name"), json.number("revision"))));
    }

    @DELETE
    @Path("{organizationId}")
    public Response delete(@PathParam("organizationId") String organizationId) {
        organizations.delete(call.callerId(), organizationId);
        return Response.noContent().build();
    }
}
