-- Anteroom schema, version 5: chats for the chat-bot bridge and the rooms' group chats.
-- A room's group chat has the room's id as its own; p2p and favorites chats are unique per pair_key.

CREATE TABLE chat (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    chat_type   VARCHAR(16)   NOT NULL,
    title       VARCHAR(256),
    avatar_file VARCHAR(36),
    room_id     VARCHAR(36)   REFERENCES room (id),
    pair_key    VARCHAR(140),
    created     BIGINT        NOT NULL,
    modified    BIGINT        NOT NULL,
    CONSTRAINT chat_room UNIQUE (room_id),
    CONSTRAINT chat_pair UNIQUE (pair_key)
);

-- cleared_through: the last message id this participant no longer sees (clearHistory, joining
-- without history); 0 = sees everything.
CREATE TABLE chat_participant (
    chat_id         VARCHAR(36)  NOT NULL REFERENCES chat (id) ON DELETE CASCADE,
    user_id         VARCHAR(64)  NOT NULL REFERENCES app_user (id),
    participant_role VARCHAR(20) NOT NULL,
    joined          BIGINT       NOT NULL,
    cleared_through BIGINT       NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);
CREATE INDEX chat_participant_user ON chat_participant (user_id);

-- Files uploaded through the bridge: an upload task until the bytes arrive, then a file that
-- messages and chat avatars point at. The bytes live in their own table, read only to download.
CREATE TABLE chat_file (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    upload_task_id  VARCHAR(36)   NOT NULL,
    owner_id        VARCHAR(64)   NOT NULL REFERENCES app_user (id),
    name            VARCHAR(255)  NOT NULL,
    declared_size   BIGINT        NOT NULL,
    file_size       BIGINT,
    mime_type       VARCHAR(255),
    temporal_id     VARCHAR(36),
    download_secret CHAR(43),
    has_preview     BOOLEAN       NOT NULL,
    created         BIGINT        NOT NULL,
    CONSTRAINT chat_file_task UNIQUE (upload_task_id),
    CONSTRAINT chat_file_temporal UNIQUE (temporal_id)
);

CREATE TABLE chat_file_content (
    file_id  VARCHAR(36)  NOT NULL REFERENCES chat_file (id) ON DELETE CASCADE,
    variant  VARCHAR(8)   NOT NULL,
    bytes    BYTEA        NOT NULL,
    PRIMARY KEY (file_id, variant)
);

-- A forwarded message (type 201) carries a copy of the original's author, type, time and content
-- in the origin_* columns and body/parse_mode/file_id, so it outlives the original's chat.
-- Ids come from a sequence so that a chat's messages have one total order (history, unread backlog).
CREATE SEQUENCE chat_message_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE chat_message (
    id             BIGINT        NOT NULL PRIMARY KEY,
    chat_id        VARCHAR(36)   NOT NULL REFERENCES chat (id) ON DELETE CASCADE,
    author_id      VARCHAR(64)   REFERENCES app_user (id),
    message_type   INTEGER       NOT NULL,
    body           VARCHAR(16384),
    parse_mode     VARCHAR(8),
    file_id        VARCHAR(36)   REFERENCES chat_file (id),
    origin_id      BIGINT,
    origin_author  VARCHAR(64),
    origin_type    INTEGER,
    origin_sent    BIGINT,
    reply_to       BIGINT,
    sent           BIGINT        NOT NULL,
    edited         BOOLEAN       NOT NULL,
    removed_at     BIGINT
);
CREATE INDEX chat_message_chat ON chat_message (chat_id, id);

-- One row per recipient of a message: unread until the recipient's bot acknowledges it.
CREATE TABLE delivery (
    message_id   BIGINT       NOT NULL REFERENCES chat_message (id) ON DELETE CASCADE,
    recipient_id VARCHAR(64)  NOT NULL REFERENCES app_user (id),
    chat_id      VARCHAR(36)  NOT NULL,
    read_at      BIGINT,
    PRIMARY KEY (message_id, recipient_id)
);
CREATE INDEX delivery_unread ON delivery (recipient_id, read_at, message_id);

-- Messages a participant removed for itself only.
CREATE TABLE message_hidden (
    message_id BIGINT      NOT NULL REFERENCES chat_message (id) ON DELETE CASCADE,
    user_id    VARCHAR(64) NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (message_id, user_id)
);

-- Every existing room gets its group chat, with the users in the room now as participants.
INSERT INTO chat (id, chat_type, title, room_id, created, modified)
    SELECT id, 'GROUP', name, id, created, modified FROM room;
INSERT INTO chat_participant (chat_id, user_id, participant_role, joined, cleared_through)
    SELECT room_id, id, 'USER', modified, 0 FROM app_user WHERE room_id IS NOT NULL;
