-- The table of the Nexios JDBC API key store, as a plain migration for Flyway or Liquibase (a "sql"
-- changeset or sqlFile): standard SQL that PostgreSQL and H2 both run. Copy it into your migrations
-- (e.g. db/migration/V<n>__nexios_api_keys.sql) or add classpath:dev/nexios/spring/apikey/migration to
-- spring.flyway.locations.
CREATE TABLE nexios_api_keys (
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
CREATE INDEX nexios_api_keys_scheme_idx ON nexios_api_keys (scheme, created_at);
