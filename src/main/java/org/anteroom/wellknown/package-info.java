/**
 * Public documents under {@code /.well-known} that every surface shares, such as the JWKS with the
 * public keys of the JWTs Anteroom signs, for the services (assets, bridges) that verify them.
 */
package org.anteroom.wellknown;
