-- A delivery row is an unread message of one recipient (decision 0025): an acknowledgement deletes it
-- instead of setting read_at, which nothing ever read. The rows already read go, and so does the column.
DELETE FROM delivery WHERE read_at IS NOT NULL;
DROP INDEX delivery_unread;
ALTER TABLE delivery DROP COLUMN read_at;
CREATE INDEX delivery_unread ON delivery (recipient_id, message_id);
