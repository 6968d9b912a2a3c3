-- eventwire DuckDB schema, version 4: the watched feeds (eventwire watch), for /api/status.
CREATE TABLE feeds (
    url          VARCHAR PRIMARY KEY,
    last_poll    TIMESTAMP,       -- when the feed was last asked (UTC)
    last_ok      TIMESTAMP,       -- when it last answered (200 or 304)
    last_new     TIMESTAMP,       -- when it last gave an article not seen before
    articles     INTEGER,         -- articles stored from it so far
    errors       INTEGER,         -- errors in a row (0 after a good poll)
    last_error   VARCHAR          -- the latest error, one line
);
