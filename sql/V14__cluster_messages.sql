-- The events of one committed transaction, for the other nodes of a cluster (cluster.Broadcast): one row per
-- transaction, its events in firing order. Written only in cluster mode (anteroom.cluster=postgres); on H2
-- the table stays empty. Rows are kept for a short window and then swept.
CREATE SEQUENCE cluster_message_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE cluster_message (
    id       BIGINT           NOT NULL PRIMARY KEY,
    node     VARCHAR(64)      NOT NULL,
    created  BIGINT           NOT NULL,
    body     VARCHAR(1000000) NOT NULL
);

CREATE INDEX cluster_message_created ON cluster_message (created);
