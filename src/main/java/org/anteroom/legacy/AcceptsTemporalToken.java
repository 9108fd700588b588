package org.anteroom.legacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a legacy operation that a temporal token may call too, besides a user's token (the spec marks
 * those operations "can be used with a Temporal Token"). An operation with neither this mark nor
 * {@link Public} takes a user's token only: {@link LegacyCallFilter} checks every operation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsTemporalToken {

    /**
     * Whether a user token must come with {@code userId}. The spec lists no {@code userId} for the
     * operations that self-registration forms call (lists, registration); there it is optional.
     */
    boolean userId() default true;
}
