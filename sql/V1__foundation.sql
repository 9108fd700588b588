-- Anteroom schema, version 1: the directory, legacy rooms and legacy security tokens.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+. Instants are epoch milliseconds.

CREATE TABLE organization (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    display_order INTEGER      NOT NULL
);

CREATE TABLE facility (
    id                            VARCHAR(64)  NOT NULL PRIMARY KEY,
    organization_id               VARCHAR(64)  NOT NULL REFERENCES organization (id),
    name                          VARCHAR(200) NOT NULL,
    display_order                 INTEGER      NOT NULL,
    nfc_enabled                   BOOLEAN      NOT NULL,
    nfc_self_modification_enabled BOOLEAN      NOT NULL,
    bar_code_enabled              BOOLEAN      NOT NULL
);
CREATE INDEX facility_organization ON facility (organization_id);

CREATE TABLE permission (
    id              BIGINT       NOT NULL PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    organization_id VARCHAR(64)  REFERENCES organization (id)
);

CREATE TABLE app_role (
    id              BIGINT       NOT NULL PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL REFERENCES organization (id),
    name            VARCHAR(100) NOT NULL,
    description     VARCHAR(500) NOT NULL,
    CONSTRAINT app_role_name UNIQUE (organization_id, name)
);

CREATE TABLE role_permission (
    role_id       BIGINT NOT NULL REFERENCES app_role (id),
    permission_id BIGINT NOT NULL REFERENCES permission (id),
    PRIMARY KEY (role_id, permission_id)
);

CREATE TABLE app_user (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    username        VARCHAR(100),
    first_name      VARCHAR(100),
    last_name       VARCHAR(100),
    display_name    VARCHAR(200),
    email           VARCHAR(254),
    email_key       VARCHAR(254),
    password_hash   VARCHAR(200),
    tag_digest      CHAR(64),
    pin_digest      CHAR(64),
    organization_id VARCHAR(64)  REFERENCES organization (id),
    facility_id     VARCHAR(64)  REFERENCES facility (id),
    role_id         BIGINT       REFERENCES app_role (id),
    status          VARCHAR(16)  NOT NULL,
    created         BIGINT       NOT NULL,
    modified        BIGINT       NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT app_user_username UNIQUE (username),
    CONSTRAINT app_user_email UNIQUE (email_key),
    CONSTRAINT app_user_tag UNIQUE (tag_digest),
    CONSTRAINT app_user_pin UNIQUE (pin_digest)
);
CREATE INDEX app_user_facility ON app_user (facility_id);
CREATE INDEX app_user_organization ON app_user (organization_id);

CREATE TABLE room (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    facility_id VARCHAR(64) REFERENCES facility (id),
    code       VARCHAR(64),
    shortname  VARCHAR(200),
    name       VARCHAR(200) NOT NULL,
    created    BIGINT       NOT NULL,
    modified   BIGINT       NOT NULL,
    CONSTRAINT room_code UNIQUE (facility_id, code),
    CONSTRAINT room_shortname UNIQUE (shortname)
);

CREATE TABLE security_token (
    digest    CHAR(64)     NOT NULL PRIMARY KEY,
    user_id   VARCHAR(64)  REFERENCES app_user (id),
    device_id VARCHAR(200),
    temporal  BOOLEAN      NOT NULL,
    created   BIGINT       NOT NULL,
    expires   BIGINT       NOT NULL,
    last_used BIGINT       NOT NULL,
    CONSTRAINT security_token_device UNIQUE (user_id, device_id)
);
CREATE INDEX security_token_expires ON security_token (expires);

CREATE TABLE installation_secret (
    name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret_value VARCHAR(200) NOT NULL
);
