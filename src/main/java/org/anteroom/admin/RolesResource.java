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

import org.anteroom.admin.AdminJson.RoleJson;
import org.anteroom.directory.DirectoryDrafts.RoleDraft;
import org.anteroom.directory.Roles;

/** The roles of an organization and the permissions they grant (manage_roles). */
@ApplicationScoped
@Path("v1/organizations/{organizationId}/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

    @Inject
    AdminCall call;

    @Inject
    Roles roles;

    @GET
    public List<RoleJson> list(@PathParam("organizationId") String organizationId) {
        return roles.list(call.callerId(), organizationId).stream()
                .map(RoleJson::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("organizationId") String organizationId, InputStream body, @Context UriInfo uri) {
        RoleJson created = RoleJson.of(roles.create(call.callerId(), organizationId, draft(JsonBody.read(body), true)));
        return Created.at(uri, Long.toString(created.id()), created);
    }

    @GET
    @Path("{roleId}")
    public RoleJson read(@PathParam("organizationId") String organizationId, @PathParam("roleId") String roleId) {
        return RoleJson.of(roles.read(call.callerId(), organizationId, roleId));
    }

    @PUT
    @Path("{roleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RoleJson update(
            @PathParam("organizationId") String organizationId, @PathParam("roleId") String roleId, InputStream body) {
        return RoleJson.of(roles.update(call.callerId(), organizationId, roleId, draft(JsonBody.read(body), false)));
    }

    @DELETE
    @Path("{roleId}")
    public Response delete(@PathParam("organizationId") String organizationId, @PathParam("roleId") String roleId) {
        roles.delete(call.callerId(), organizationId, roleId);
        return Response.noContent().build();
    }

    /** Grants one permission by name; idempotent. */
    @PUT
    @Path("{roleId}/permissions/{permission}")
    public RoleJson assign(
            @PathParam("organizationId") String organizationId,
            @PathParam("roleId") String roleId,
            @PathParam("permission") String permission) {
        return RoleJson.of(roles.assign(call.callerId(), organizationId, roleId, permission));
    }

    /** Takes one permission away by name; idempotent. */
    @DELETE
    @Path("{roleId}/permissions/{permission}")
    public Response unassign(
            @PathParam("organizationId") String organizationId,
            @PathParam("roleId") String roleId,
            @PathParam("permission") String permission) {
        roles.unassign(call.callerId(), organizationId, roleId, permission);
        return Response.noContent().build();
    }

    private static RoleDraft draft(JsonBody json, boolean create) {
        return new RoleDraft(
                create ? json.number("id") : null,
                json.text("name"),
                json.text("description"),
                json.texts("permissions"),
                create ? null : json.number("revision"));
    }
}
