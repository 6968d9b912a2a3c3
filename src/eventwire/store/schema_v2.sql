-- eventwire DuckDB schema, version 2: syndicated copies.
ALTER TABLE articles ADD COLUMN simhash BIGINT;              -- 64-bit SimHash of word 5-shingles
ALTER TABLE articles ADD COLUMN duplicate_of VARCHAR;        -- earliest near-identical article
ALTER TABLE articles ADD COLUMN dedup_checked BOOLEAN DEFAULT false;
