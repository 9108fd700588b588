/**
 * Anteroom's readiness checks in the server's MicroProfile Health ({@code /health/ready} on Payara Micro and Payara
 * Server). One class per check of {@code ops.Readiness}, by the same name. {@code beans.xml} leaves this package out
 * where the server has no MicroProfile Health API (WildFly's default {@code standalone.xml}), so that nothing here is
 * ever loaded there; {@code /ops/health} serves the same answers on every server (docs/decisions/0023).
 */
package org.anteroom.ops.microprofile.health;
