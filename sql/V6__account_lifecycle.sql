-- One account, one lifecycle (issue 12).

-- Whether someone proved control of the user's email address (an email code, a trusted login JWT
-- naming it) or an authorized administrator vouched for it. Only a proven address links identities.
-- Existing rows: a PENDING account is a self-registration nobody vouched for; the others were made
-- or activated by an administrator, or signed in through presence, before proof was recorded.
ALTER TABLE app_user ADD COLUMN email_proven BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE app_user SET email_proven = TRUE WHERE status <> 'PENDING' AND email_key IS NOT NULL;

-- Raised whenever the user's long-lived bearer tokens must stop working (a new password, a
-- suspension); bridge tokens carry the generation they were issued under.
ALTER TABLE app_user ADD COLUMN token_generation INTEGER DEFAULT 0 NOT NULL;

-- A presence session's public handle: hub tokens and sockets name the session by it, never by the
-- digest of its cookie. Sessions opened before this migration end; their users log in again.
DELETE FROM presence_session;
ALTER TABLE presence_session ADD COLUMN id VARCHAR(36) NOT NULL;
ALTER TABLE presence_session ADD CONSTRAINT presence_session_id UNIQUE (id);

-- A pending proof of a self-registered (or self-changed) address: the digest of the code mailed to
-- it. Redeeming the code proves the address the user holds now, if it is still the one mailed.
CREATE TABLE email_proof (
    digest     CHAR(64)     NOT NULL PRIMARY KEY,
    user_id    VARCHAR(64)  NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    email_key  VARCHAR(254) NOT NULL,
    created    BIGINT       NOT NULL,
    expires    BIGINT       NOT NULL
);
CREATE INDEX email_proof_user ON email_proof (user_id);
