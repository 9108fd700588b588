-- Anteroom schema, version 3: presence identity. Users gain their presence fields; presence
-- sessions, one-time-code challenges and room approvals get their tables.

-- uuid is the presence identity of a user. Users created by presence or by legacy registration get
-- one at creation; users that existed before (imports, demo) get one at their first presence login.
ALTER TABLE app_user ADD COLUMN uuid VARCHAR(36);
ALTER TABLE app_user ADD COLUMN device VARCHAR(32);
ALTER TABLE app_user ADD COLUMN user_type VARCHAR(32);
ALTER TABLE app_user ADD COLUMN login_method VARCHAR(16);
ALTER TABLE app_user ADD COLUMN room_id VARCHAR(36) REFERENCES room (id);
ALTER TABLE app_user ADD CONSTRAINT app_user_uuid UNIQUE (uuid);
CREATE INDEX app_user_room ON app_user (room_id);

-- A presence session: only the SHA-256 of the cookie value is kept.
CREATE TABLE presence_session (
    digest        CHAR(64)      NOT NULL PRIMARY KEY,
    user_id       VARCHAR(64)   NOT NULL REFERENCES app_user (id),
    login_method  VARCHAR(16)   NOT NULL,
    auth_name     VARCHAR(200),
    auth_code     VARCHAR(200),
    subject       VARCHAR(200)  NOT NULL,
    adapt_host    VARCHAR(500),
    adapt_handler VARCHAR(500),
    adapt_url     VARCHAR(2000),
    created       BIGINT        NOT NULL,
    expires       BIGINT        NOT NULL,
    last_seen     BIGINT        NOT NULL
);
CREATE INDEX presence_session_user ON presence_session (user_id);
CREATE INDEX presence_session_expires ON presence_session (expires);

-- One challenge per email address: a new code replaces the previous one. The row also carries the
-- address's send window, so the send limit survives the code being replaced or used.
CREATE TABLE otp_challenge (
    email_key     VARCHAR(254)  NOT NULL PRIMARY KEY,
    email         VARCHAR(254)  NOT NULL,
    display_name  VARCHAR(200)  NOT NULL,
    salt          CHAR(32)      NOT NULL,
    code_digest   CHAR(64)      NOT NULL,
    created       BIGINT        NOT NULL,
    expires       BIGINT        NOT NULL,
    attempts      INTEGER       NOT NULL,
    consumed      BOOLEAN       NOT NULL,
    window_start  BIGINT        NOT NULL,
    window_sends  INTEGER       NOT NULL
);

-- "userRoom": who may enter a room without asking. An approval names a user, or, for an invitation
-- sent before the person ever logged in, an email address.
CREATE TABLE room_approval (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    room_id       VARCHAR(36)   NOT NULL REFERENCES room (id),
    user_id       VARCHAR(64)   REFERENCES app_user (id),
    invitee_email VARCHAR(254),
    approved_by   VARCHAR(64)   REFERENCES app_user (id),
    approved_at   BIGINT        NOT NULL,
    CONSTRAINT room_approval_user UNIQUE (room_id, user_id),
    CONSTRAINT room_approval_invitee UNIQUE (room_id, invitee_email)
);
CREATE INDEX room_approval_user_id ON room_approval (user_id);
