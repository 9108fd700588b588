-- Failed logins and guesses in cluster mode (access.SharedFailures), so that the failures made through every
-- node count together; a single node counts in memory and leaves this table empty. One row per failure, kept
-- for the throttle's hour. The key is the throttle's (an account or a client address), digested when long.
CREATE TABLE login_failure (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    failure_key VARCHAR(100) NOT NULL,
    failed_at   BIGINT       NOT NULL
);

CREATE INDEX login_failure_key ON login_failure (failure_key, failed_at);
CREATE INDEX login_failure_at ON login_failure (failed_at);
