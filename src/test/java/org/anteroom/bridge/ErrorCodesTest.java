package org.anteroom.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.anteroom.access.AccountDisabledException;
import org.anteroom.access.TokenExpiredException;
import org.anteroom.access.TokenRevokedException;
import org.anteroom.bridge.ErrorCodes.Failure;
import org.anteroom.platform.NotAuthenticatedException;
import org.junit.jupiter.api.Test;

/** What a refused {@code auth} answers: each kind of refusal its code, and nothing of the token's insides. */
class ErrorCodesTest {

    @Test
    void refusedAuthsGetTheirCodes() {
        assertEquals(new Failure(203, "The token has expired"), ErrorCodes.auth(new TokenExpiredException("x")));
        assertEquals(new Failure(202, "The user is disabled"), ErrorCodes.auth(new AccountDisabledException("x")));
        assertEquals(new Failure(201, "The token was revoked; get a new one"),
                ErrorCodes.auth(new TokenRevokedException("x")));
        assertEquals(new Failure(201, "Invalid token"), ErrorCodes.auth(new NotAuthenticatedException("The token is not ours")));
        assertEquals(new Failure(201, "Invalid token"), ErrorCodes.auth(new FrameException(307, "token must be a string")));
    }

    @Test
    void aDisabledAccountIs202OutsideAuthToo() {
        assertEquals(202, ErrorCodes.of(new AccountDisabledException("x")).code());
        assertEquals(201, ErrorCodes.of(new TokenRevokedException("x")).code());
    }
}
