/**
 * The floor every other package stands on: configuration, the injectable clock, the database
 * wiring and migrations, CORS, and the base type of the domain's typed errors. Nothing here knows
 * about any wire contract or any domain rule.
 */
package org.anteroom.platform;
