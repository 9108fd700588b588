/**
 * The floor every other package stands on: reading configuration, the injectable clock, the
 * database wiring and migrations, random secrets and their digests, and the base type of the domain's
 * typed errors. Nothing here knows about any wire contract or any domain rule, and no class here
 * imports a package above (ArchitectureTest).
 */
package org.anteroom.platform;
