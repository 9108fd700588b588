package org.anteroom.wellknown;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.anteroom.access.SigningKeys;

/** {@code GET /.well-known/jwks.json}: the public keys, never a private part. */
@ApplicationScoped
@Path("jwks.json")
public class JwksResource {

    private static final int MAX_AGE_SECONDS = 300;

    @Inject
    SigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(keys.publicKeys().toString(true)).cacheControl(cache).build();
    }
}
