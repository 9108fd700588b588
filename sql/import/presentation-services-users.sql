-- Import users from an old PresentationServices database into Anteroom (H2 or PostgreSQL).
--
-- 1. Run this script once: it creates the staging table legacy_user_import (if missing).
-- 2. Fill legacy_user_import from the old database's export (one row per user; see the columns).
-- 3. Run this script again: it copies every staged user whose id is not yet in Anteroom, then
--    empties the staging table. Running it twice never duplicates a user.
--
-- Passwords keep their old SHA-1 hash (stored as 'sha1$<hex>'). The first successful login of each
-- user verifies it once and replaces it with the current Argon2id hash; no SHA-1 hash survives a login.
-- Old tag ids were SHA-1 hashed too and cannot be turned into Anteroom's keyed digests: imported
-- users register their NFC tag again (an administrator sets tagId with the user update).
-- Addresses of imported users count as vouched for by the administrator who runs the import, except
-- those of PENDING users (self-registrations nobody checked): those must be confirmed first.
-- Organizations, facilities and roles must exist in Anteroom before the users that reference them.

CREATE TABLE IF NOT EXISTS legacy_user_import (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    username        VARCHAR(100) NOT NULL,
    first_name      VARCHAR(100),
    last_name       VARCHAR(100),
    email           VARCHAR(254),
    password_sha1   VARCHAR(40)  NOT NULL,  -- hex SHA-1 of the password, as the old server stored it
    organization_id VARCHAR(64),
    facility_id     VARCHAR(64),
    role_id         BIGINT,
    status          VARCHAR(16)  NOT NULL,  -- ACTIVE, PENDING, SUSPENDED or INACTIVE
    modified        BIGINT       NOT NULL   -- the old updateDate, as epoch milliseconds
);

INSERT INTO app_user (id, username, first_name, last_name, display_name, email, email_key, email_proven,
                      password_hash, organization_id, facility_id, role_id, status, created, modified, version)
SELECT i.id, i.username, i.first_name, i.last_name,
       TRIM(COALESCE(i.first_name, '') || ' ' || COALESCE(i.last_name, '')),
       TRIM(i.email), LOWER(TRIM(i.email)),
       CASE WHEN UPPER(i.status) <> 'PENDING' AND i.email IS NOT NULL THEN TRUE ELSE FALSE END,
       'sha1$' || LOWER(i.password_sha1),
       i.organization_id, i.facility_id, i.role_id, UPPER(i.status), i.modified, i.modified, 1
FROM legacy_user_import i
WHERE NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = i.id);

DELETE FROM legacy_user_import;
