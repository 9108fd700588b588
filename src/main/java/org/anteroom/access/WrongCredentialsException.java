package org.anteroom.access;

/** A login with an unknown account or a wrong password or tag: the two are indistinguishable on purpose. */
public class WrongCredentialsException extends LoginRefusedException {

    private static final long serialVersionUID = 1L;

    public WrongCredentialsException() {
        super("Invalid credentials");
    }
}
