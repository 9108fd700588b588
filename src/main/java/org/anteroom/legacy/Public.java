package org.anteroom.legacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A legacy operation that needs no token: logging in ({@code validateAccount}, which also hands out
 * temporal tokens) and confirming an email address (the code in the link is the proof). Methods only,
 * so a method added to one of these resources is not public unless marked.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Public {}
