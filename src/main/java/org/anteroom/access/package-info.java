/**
 * How callers prove who they are: password hashing, HMAC digests of tags and pins, legacy security
 * and temporal tokens, throttling of failed attempts, and the credentials side of an account's life
 * ({@link org.anteroom.access.Accounts}: hashing, proving the current password, ending tokens and
 * sessions when an account is disabled); the record itself is
 * {@link org.anteroom.directory.Registrations}'. Secrets are generated here, stored only as hashes or
 * digests, and never logged.
 */
package org.anteroom.access;
