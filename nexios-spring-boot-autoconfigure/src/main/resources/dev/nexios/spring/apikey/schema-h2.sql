-- The table of the Nexios JDBC API key store (nexios.security.schemes.<name>.store: jdbc), H2 (2.x).
-- Idempotent: for spring.sql.init.schema-locations. For Flyway or Liquibase use migration/V1__nexios_api_keys.sql.
-- A key is never stored: only the lowercase hex SHA-256 of the key, looked up through the unique index.
CREATE TABLE IF NOT EXISTS nexios_api_keys (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    scheme       VARCHAR(100)             NOT NULL,
    key_sha256   CHAR(64)                 NOT NULL,
    key_hint     VARCHAR(50)              NOT NULL,
    principal    VARCHAR(200)             NOT NULL,
    scopes       VARCHAR(2000)            NOT NULL DEFAULT '',
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT nexios_api_keys_key_sha256_uk UNIQUE (key_sha256)
);
CREATE INDEX IF NOT EXISTS nexios_api_keys_scheme_idx ON nexios_api_keys (scheme, created_at);
