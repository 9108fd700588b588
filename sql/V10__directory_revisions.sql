-- Anteroom schema, version 10: revisions for the directory admin API (decision 0020). An
-- administrator's update names the revision it read; a stale one is refused, so two concurrent
-- edits end in one success and one conflict. A plain counter that only the admin API raises: the
-- rooms' occupancy writes (room.modified) do not make an administrator's copy stale.
ALTER TABLE organization ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE facility ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE app_role ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE room ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;
