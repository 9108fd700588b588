package org.anteroom.legacy;

import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.anteroom.access.EmailProofs;
import org.anteroom.access.EmailProofs.Proven;
import org.anteroom.platform.Settings;

/**
 * {@code /confirmEmail}: the link of the mail a self-registration sends. {@code GET} only shows a
 * button, because mail scanners open links on their own; {@code POST} with the {@code code} proves
 * the address. Not in the legacy spec: an addition, documented in docs/legacy-api.md.
 */
@ApplicationScoped
@Path(ConfirmEmailResource.PATH)
public class ConfirmEmailResource {

    static final String PATH = "confirmEmail";

    @Inject
    LegacyCall call;

    @Inject
    EmailProofs proofs;

    /** The link for a code, under {@code anteroom.public-url} or the address this request came to. */
    static UnaryOperator<String> link(UriInfo uri) {
        String base = Settings.text(Settings.PUBLIC_URL)
                .map(url -> url.replaceAll("/+$", "") + "/" + LegacyApplication.PATH + "/")
                .orElseGet(() -> uri.getBaseUri().toString());
        return code -> base + PATH + "?code=" + code;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Public
    public String page() {
        String code = call.text("code") == null ? "" : call.text("code").replaceAll("[^A-Za-z0-9_-]", "");
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Confirm your email address</title></head>"
                + "<body><form method=\"post\"><input type=\"hidden\" name=\"code\" value=\"" + code + "\">"
                + "<p>Confirm that this address is yours.</p><button type=\"submit\">Confirm</button></form></body></html>";
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @Public
    public Envelope confirm() {
        Proven proven = proofs.redeem(call.text("code"));
        return Envelope.of(new ConfirmedFact(proven.userId(), proven.email()));
    }

    /** What was proven: the user and the address. */
    public record ConfirmedFact(String userId, String email) {}
}
