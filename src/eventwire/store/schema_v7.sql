-- eventwire DuckDB schema, version 7: how much of each event's date the text gives
-- (date_precision: day, week, month, year; the date is the first day of that period). Rows
-- stored before get it from the date expression they kept (attributes.date_text, read again
-- by the same resolver), else 'day' (store/precision.py); the rollup is counted again, now
-- only of events dated inside one month.
ALTER TABLE events ADD COLUMN date_precision VARCHAR;
