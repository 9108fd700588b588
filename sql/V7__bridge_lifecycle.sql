-- Bridge lifecycle (issue 12).

-- Who brought a bot into a room's chat (POST /presence/rooms/{room}/bots): when that member is
-- kicked from the room, the bots it brought leave the chat with it. Null for people, who follow the
-- room themselves, and for bots brought in before this migration.
ALTER TABLE chat_participant ADD COLUMN added_by VARCHAR(64) REFERENCES app_user (id);
CREATE INDEX chat_participant_added_by ON chat_participant (chat_id, added_by);
