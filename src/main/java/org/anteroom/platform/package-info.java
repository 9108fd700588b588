/**
 * The floor every other package stands on: reading configuration, the injectable clock, the
 * database wiring and migrations, random secrets and their digests, the domain's typed errors (one
 * base type per {@code DomainException.Kind}), {@code Failures}, which unwraps what containers put
 * around them, {@code Constraints}, which turns expected races into those errors, and
 * {@code AfterCommit}, which runs a transaction's after-commit work in the order handed in,
 * {@code StreamLog}, which numbers and keeps socket frames per stream (decision 0027), and
 * {@code ClusterMode} and {@code Elsewhere}, what adapters see of several nodes (docs/cluster.md). Nothing
 * here knows about any wire contract or any domain rule, and no class here imports a package above
 * (ArchitectureTest).
 */
package org.anteroom.platform;
