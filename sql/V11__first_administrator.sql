-- The first administrator of an empty installation (docs/admin.md, "First administrator"; decision 0021).

-- One row per start-up step that must run on one node at a time: a node locks its row
-- (SELECT ... FOR UPDATE) before it looks at the database and writes what is missing, so nodes that
-- start together on one database wait for each other instead of racing. The rows exist from the
-- migration on, so the lock never depends on an insert that could race too.
CREATE TABLE startup_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO startup_lock (name) VALUES ('first-administrator');

-- The one-time code mailed to the first administrator: only its SHA-256 is kept. A row exists only
-- while the administrator has not set a password; an expired row tells the next start to mail a new code.
CREATE TABLE setup_code (
    digest  CHAR(64)    NOT NULL PRIMARY KEY,
    user_id VARCHAR(64) NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created BIGINT      NOT NULL,
    expires BIGINT      NOT NULL
);
CREATE INDEX setup_code_user ON setup_code (user_id);
