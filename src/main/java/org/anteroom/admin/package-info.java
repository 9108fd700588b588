/**
 * The administrator's own surface, under {@code /admin}: JSON in, JSON out, {@code {"error": "..."}}
 * with a status by kind on failure. Today it holds the first administrator's setup ({@code POST
 * /admin/setup}, docs/admin.md "First administrator"); it knows the domain only through facades and
 * their records, never an entity.
 */
package org.anteroom.admin;
