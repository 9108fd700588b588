package org.anteroom.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An admin operation that needs no bearer token. Every other operation of this package is
 * authenticated by {@link AdminCallFilter}: secure by default, as in the legacy surface.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Public {}
