/**
 * Outgoing email: one {@link org.anteroom.mail.Mailer} over a Jakarta Mail session, speaking SMTP when
 * a host is configured and writing {@code .eml} files to an outbox directory on the embedded default,
 * so one-time codes and invitations work on a laptop without a mail server.
 */
package org.anteroom.mail;
