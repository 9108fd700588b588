package org.anteroom.chat;

import java.util.Optional;

import org.anteroom.platform.InvalidInputException;

/**
 * A participant role that does not exist or cannot be given; {@link #refused()} names a role that
 * exists but cannot be given, so that a surface can say which in its own words.
 */
public class UnknownRoleException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final ChatRole refused;

    public UnknownRoleException(String message) {
        super(message);
        this.refused = null;
    }

    public UnknownRoleException(ChatRole refused) {
        super("The role " + refused + " cannot be given");
        this.refused = refused;
    }

    public Optional<ChatRole> refused() {
        return Optional.ofNullable(refused);
    }
}
