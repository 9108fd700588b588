/**
 * The floor every other package stands on: configuration, the injectable clock, the database
 * wiring and migrations, CORS, the domain's typed errors (one base type per {@code DomainException.Kind})
 * and {@code Failures}, which unwraps what containers put around them. Nothing here knows about any
 * wire contract or any domain rule.
 */
package org.anteroom.platform;
