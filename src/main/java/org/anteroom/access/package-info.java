/**
 * How callers prove who they are: password hashing, HMAC digests of tags and pins, legacy security
 * and temporal tokens, throttling of failed attempts, and the life of an account together with its
 * credentials ({@link org.anteroom.access.Accounts}). Secrets are generated here, stored only as
 * hashes or digests, and never logged.
 */
package org.anteroom.access;
