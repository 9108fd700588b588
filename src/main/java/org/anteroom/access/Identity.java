package org.anteroom.access;

import org.anteroom.directory.LoginMethod;

/**
 * Who a trusted login token says the caller is.
 *
 * @param authName the auth source's name (spec: {@code auth_source.name})
 * @param authCode the auth source's code (spec: {@code auth_source.code})
 * @param subject  the caller's id at that auth source ({@code sub})
 * @param uid      the caller's email address
 * @param name     the caller's display name
 * @param uuid     the presence uuid the token proposes for a first login; may be null
 * @param method   how the auth source authenticated the caller; decides permissions
 */
public record Identity(
        String authName, String authCode, String subject, String uid, String name, String uuid, LoginMethod method) {}
