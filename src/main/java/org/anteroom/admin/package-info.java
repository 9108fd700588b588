/**
 * The administrator's surface under {@code /admin}: the directory admin API ({@code /admin/v1/...},
 * docs/admin-api.md) and the first administrator's setup ({@code POST /admin/setup}, docs/admin.md
 * "First administrator"). JSON over the directory, rooms and access domains, so administrators set up
 * and change organizations, facilities, roles and facility rooms without SQL. A wire adapter like the
 * others: it authenticates a legacy bearer token (but for the setup, whose code is the credential),
 * maps JSON to the domain's drafts and views back to JSON, and failures to statuses in one place
 * ({@link org.anteroom.admin.AdminExceptionMapper}); the domain decides who may do what. Decisions
 * 0020 and 0021.
 */
package org.anteroom.admin;
