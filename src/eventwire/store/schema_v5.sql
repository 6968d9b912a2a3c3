-- eventwire DuckDB schema, version 5: a monthly rollup of the counted events (store/rollup.py),
-- kept current by every write, so relation views over millions of events read thousands of rows.
CREATE TABLE monthly_counts (
    month            DATE NOT NULL,     -- first day of the month
    source_country   VARCHAR,
    target_country   VARCHAR,
    type             VARCHAR NOT NULL,
    quad             TINYINT NOT NULL,
    events           BIGINT NOT NULL,   -- events after collapsing repeated reports
    score            DOUBLE NOT NULL    -- their summed intensity
);

-- The same without the type: what the views that do not split by type read (a pair's months
-- are a quarter as many rows), kept with monthly_counts by store/rollup.py.
CREATE TABLE monthly_pairs (
    month            DATE NOT NULL,
    source_country   VARCHAR,
    target_country   VARCHAR,
    quad             TINYINT NOT NULL,
    events           BIGINT NOT NULL,
    score            DOUBLE NOT NULL
);
