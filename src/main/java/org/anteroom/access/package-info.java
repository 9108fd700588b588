/**
 * How callers prove who they are: password hashing, HMAC digests of tags and pins, legacy security
 * and temporal tokens, and throttling of failed attempts. Secrets are generated here, stored only as
 * hashes or digests, and never logged.
 */
package org.anteroom.access;
