package org.anteroom.legacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that needs a security token. Without {@link #temporal()}, the token must be a
 * user's token and {@code userId} must name that user; with it, a temporal token is accepted too
 * (the spec marks those operations "can be used with a Temporal Token").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Secured {

    boolean temporal() default false;

    /**
     * Whether a user token must come with {@code userId}. The spec lists no {@code userId} for the
     * operations that self-registration forms call (lists, registration); there it is optional.
     */
    boolean userId() default true;
}
