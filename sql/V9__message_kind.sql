-- A message's kind in the chat domain's own words (issue 13, docs/decisions/0014-views-and-accounts.md):
-- the bridge's numbers 200/201/202 were stored as the message type; they stay in the bridge, which
-- maps them. Rows written before keep their meaning: 200 text, 201 forward, 202 file.
ALTER TABLE chat_message ADD COLUMN kind VARCHAR(16);
ALTER TABLE chat_message ADD COLUMN origin_kind VARCHAR(16);
UPDATE chat_message SET kind = CASE message_type WHEN 201 THEN 'FORWARD' WHEN 202 THEN 'FILE' ELSE 'TEXT' END;
UPDATE chat_message SET origin_kind = CASE origin_type WHEN 200 THEN 'TEXT' WHEN 201 THEN 'FORWARD' WHEN 202 THEN 'FILE' END
    WHERE origin_type IS NOT NULL;
ALTER TABLE chat_message ALTER COLUMN kind SET NOT NULL;
ALTER TABLE chat_message DROP COLUMN message_type;
ALTER TABLE chat_message DROP COLUMN origin_type;
