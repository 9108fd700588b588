-- Anteroom schema, version 2: the EC P-384 keys that sign our JWTs (ES384), kept across restarts.

CREATE TABLE signing_key (
    kid         VARCHAR(64)   NOT NULL PRIMARY KEY,
    private_jwk VARCHAR(4000) NOT NULL,
    created     BIGINT        NOT NULL,
    retired     BIGINT
);
