/**
 * The floor every other package stands on: reading configuration, the injectable clock, the
 * database wiring and migrations, random secrets and their digests, the domain's typed errors (one
 * base type per {@code DomainException.Kind}), {@code Failures}, which unwraps what containers put
 * around them, {@code Constraints}, which turns expected races into those errors, and
 * {@code AfterCommit}, which runs a transaction's after-commit work in the order handed in. Nothing
 * here knows about any wire contract or any domain rule, and no class here imports a package above
 * (ArchitectureTest).
 */
package org.anteroom.platform;
