package org.anteroom.admin;

import java.io.InputStream;

/** The body of {@code POST /admin/setup}: {@code {"code": "...", "password": "..."}}. */
record SetupRequest(String code, String password) {

    /** Read as every admin body is: each unreadable body a 400 (413 when too large) naming its fault. */
    static SetupRequest read(InputStream in) {
        JsonBody body = JsonBody.read(in);
        return new SetupRequest(body.text("code"), body.text("password"));
    }
}
