-- Hub sockets end with their session, hub tokens are single-use, and presence tells the truth
-- (issue 12, docs/decisions/0009-presence-that-tells-the-truth.md).

-- What a presence session holds of the realtime hub, kept in the database so that every node sees
-- it: how many hub sockets are open under the session (on any node), whether it ever opened one,
-- and when its last one closed (the reconnect grace runs from then; NULL while one is open, before
-- the first one, and once the grace was settled).
ALTER TABLE presence_session ADD COLUMN hub_sockets INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE presence_session ADD COLUMN hub_used BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE presence_session ADD COLUMN hub_closed_at BIGINT;
CREATE INDEX presence_session_hub_closed ON presence_session (hub_closed_at);

-- The hub tokens already used to open a socket, by their jti, until they expire: a second use
-- finds its row (or loses the insert race on the primary key) and is refused.
CREATE TABLE hub_ticket (
    jti           VARCHAR(64)   NOT NULL PRIMARY KEY,
    expires       BIGINT        NOT NULL
);
CREATE INDEX hub_ticket_expires ON hub_ticket (expires);
