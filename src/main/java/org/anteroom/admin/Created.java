package org.anteroom.admin;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A 201 with the new resource's address under the collection the request was sent to. */
final class Created {

    private Created() {}

    static Response at(UriInfo uri, String id, Object entity) {
        return Response.created(uri.getAbsolutePathBuilder().path(id).build())
                .entity(entity)
                .build();
    }
}
