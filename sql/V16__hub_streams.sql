-- The hub's resumable streams (platform.StreamLog, docs/hub-events.md "Resuming"): each stream's last sequence
-- number (its row is locked from a frame's numbering to its transaction's end, so numbers follow the commits),
-- and the frames of the last minutes, which a reconnecting client gets again on any node.
CREATE TABLE hub_stream (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    seq  BIGINT       NOT NULL
);

CREATE SEQUENCE hub_frame_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE hub_frame (
    id     BIGINT           NOT NULL PRIMARY KEY,
    stream VARCHAR(100)     NOT NULL,
    seq    BIGINT           NOT NULL,
    at     BIGINT           NOT NULL,
    -- the user this frame lets into the stream's audience (a member-joined), so that a resume never reaches
    -- back to before that user's latest entry
    entrant VARCHAR(64),
    body   VARCHAR(1000000) NOT NULL
);

CREATE UNIQUE INDEX hub_frame_stream_seq ON hub_frame (stream, seq);
CREATE INDEX hub_frame_at ON hub_frame (at);
CREATE INDEX hub_frame_entrant ON hub_frame (stream, entrant);
