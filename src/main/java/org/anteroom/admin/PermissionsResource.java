package org.anteroom.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.admin.AdminJson.PermissionJson;
import org.anteroom.directory.Permissions;

/** The permission catalogue: the names a role may be granted, for any authenticated caller. */
@ApplicationScoped
@Path("v1/permissions")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionsResource {

    @GET
    public List<PermissionJson> catalogue() {
        return Permissions.CATALOGUE.stream().map(PermissionJson::new).toList();
    }
}
