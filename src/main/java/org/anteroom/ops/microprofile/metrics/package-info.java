/**
 * Anteroom's figures in the server's MicroProfile Metrics (Payara Micro and Payara Server: {@code
 * /metrics?scope=application}). {@code beans.xml} leaves this package out where the server has no MicroProfile
 * Metrics API (WildFly 39 removed it), so that nothing here is ever loaded there; {@code /ops/metrics} serves the
 * same figures on every server (docs/decisions/0023).
 */
package org.anteroom.ops.microprofile.metrics;
