/**
 * The directory admin API ({@code /admin/v1/...}, docs/admin-api.md): JSON over the directory and rooms
 * domains, so that administrators create organizations, facilities, roles and facility rooms without
 * SQL. A wire adapter like the others: it authenticates a legacy bearer token, maps JSON to the domain's
 * drafts and views back to JSON, and failures to statuses in one place ({@link
 * org.anteroom.admin.AdminExceptionMapper}); the domain decides who may do what. Decision 0020.
 */
package org.anteroom.admin;
