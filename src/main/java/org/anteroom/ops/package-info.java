/**
 * Operations endpoints under {@code /ops}: a trivial JSON ping (the ceiling of the benchmark and a
 * liveness probe) and, only when {@code anteroom.test.clock-control} is true, the control that moves
 * the server clock for tests of expiry.
 */
package org.anteroom.ops;
