-- The lock row of the installation's first-start state: pepper, signing keys, demo data
-- (platform.StartupLock). Nodes that start together on one empty database take it in turn.
INSERT INTO startup_lock (name) VALUES ('installation');
