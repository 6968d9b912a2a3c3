-- eventwire DuckDB schema, version 3: quotations.
ALTER TABLE articles ADD COLUMN quotes JSON;   -- [{"text", "start", "end", "kind", "speaker"}]
