-- eventwire DuckDB schema, version 1. Documented for users in docs/database.md.
CREATE TABLE IF NOT EXISTS articles (
    id            VARCHAR PRIMARY KEY,   -- given id, else derived from URL or content
    content_hash  VARCHAR NOT NULL,      -- sha256 of title, text and date: re-ingest is a no-op
    date          DATE,                  -- publication date
    title         VARCHAR,
    url           VARCHAR,
    source        VARCHAR,               -- outlet
    text          VARCHAR NOT NULL,
    origin        VARCHAR,               -- file (and line) it was read from
    n_events      INTEGER NOT NULL,
    coded_at      TIMESTAMP NOT NULL,
    coder_version VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id               VARCHAR PRIMARY KEY,
    article_id       VARCHAR NOT NULL,
    type             VARCHAR NOT NULL,   -- PLOVER type
    mode             VARCHAR,
    context          VARCHAR,
    quad             TINYINT NOT NULL,   -- 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    cameo            VARCHAR NOT NULL,   -- CAMEO root code
    intensity        DOUBLE NOT NULL,    -- PLOVER conflict-cooperation score, -10..+10
    source_text      VARCHAR, source_start INTEGER, source_end INTEGER,
    source_country   VARCHAR, source_sector VARCHAR, source_name VARCHAR,
    target_text      VARCHAR, target_start INTEGER, target_end INTEGER,
    target_country   VARCHAR, target_sector VARCHAR, target_name VARCHAR,
    sentence         VARCHAR NOT NULL,
    trigger_text     VARCHAR NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    date             DATE,
    date_source      VARCHAR NOT NULL,
    location_name    VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
    negated          BOOLEAN NOT NULL,
    modality         VARCHAR NOT NULL,
    attributes       JSON,
    confidence       DOUBLE NOT NULL,
    rule             VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
