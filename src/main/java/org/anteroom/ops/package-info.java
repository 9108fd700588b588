/**
 * Operations endpoints under {@code /ops}: a trivial JSON ping (the ceiling of the benchmark), readiness and
 * liveness ({@code /ops/health/*}, {@link org.anteroom.ops.Readiness}), the application's figures as Prometheus
 * text ({@code /ops/metrics}), the MicroProfile Health and Metrics adapters where the server has them ({@code
 * ops.microprofile}, docs/decisions/0023) and, only when {@code anteroom.test.clock-control} is true, the control that moves
 * the server clock for tests of expiry.
 */
package org.anteroom.ops;
