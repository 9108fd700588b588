-- Anteroom schema, version 4: presence rooms. Who created a room, who is waiting to get in, and the
-- invitations that pre-approved someone by email.

ALTER TABLE room ADD COLUMN created_by VARCHAR(64) REFERENCES app_user (id);
CREATE INDEX room_created ON room (created);
CREATE INDEX room_approval_invitee_email ON room_approval (invitee_email);

-- A pending request to enter a room; it goes away when the user is approved, enters, or leaves.
CREATE TABLE join_request (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    room_id       VARCHAR(36)   NOT NULL REFERENCES room (id),
    user_id       VARCHAR(64)   NOT NULL REFERENCES app_user (id),
    requested_at  BIGINT        NOT NULL,
    CONSTRAINT join_request_user UNIQUE (room_id, user_id)
);
CREATE INDEX join_request_user_id ON join_request (user_id);

-- An invitation to a room for an email address (invitee_key is its lower-case lookup form). It is
-- pending until that person enters the room; inviting again refreshes it.
CREATE TABLE invitation (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    room_id       VARCHAR(36)   NOT NULL REFERENCES room (id),
    invitee_email VARCHAR(254)  NOT NULL,
    invitee_key   VARCHAR(254)  NOT NULL,
    invited_by    VARCHAR(64)   NOT NULL REFERENCES app_user (id),
    invited_date  BIGINT        NOT NULL,
    created       BIGINT        NOT NULL,
    modified      BIGINT        NOT NULL,
    consumed      BOOLEAN       NOT NULL,
    CONSTRAINT invitation_invitee UNIQUE (room_id, invitee_key)
);
CREATE INDEX invitation_invitee_key ON invitation (invitee_key);
