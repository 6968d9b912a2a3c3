-- eventwire DuckDB schema, version 6: every actor's CAMEO code (USAGOV, IGOUNO, PSEREBHMS) and
-- the party it counts for in the relations views (a country's ISO3, or a body's code for an
-- intergovernmental body, which has no country). Rows stored before are filled from the actor
-- tables (store/codes.py); the rollup is counted by party from now on.
ALTER TABLE events ADD COLUMN source_code VARCHAR;
ALTER TABLE events ADD COLUMN target_code VARCHAR;
ALTER TABLE events ADD COLUMN source_party VARCHAR;
ALTER TABLE events ADD COLUMN target_party VARCHAR;
DROP TABLE monthly_counts;
DROP TABLE monthly_pairs;
CREATE TABLE monthly_counts (
    month            DATE NOT NULL,     -- first day of the month
    source_party     VARCHAR,
    target_party     VARCHAR,
    type             VARCHAR NOT NULL,
    quad             TINYINT NOT NULL,
    events           BIGINT NOT NULL,   -- events after collapsing repeated reports
    score            DOUBLE NOT NULL    -- their summed intensity
);
CREATE TABLE monthly_pairs (
    month            DATE NOT NULL,
    source_party     VARCHAR,
    target_party     VARCHAR,
    quad             TINYINT NOT NULL,
    events           BIGINT NOT NULL,
    score            DOUBLE NOT NULL
);
