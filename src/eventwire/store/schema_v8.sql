-- eventwire DuckDB schema, version 8: the codebook each article was coded under (a hash of the
-- shipped actor and trigger tables and of the user's own --actors/--lexicon files). An article
-- coded under another codebook is coded again by ingest; NULL: stored before v8 (unknown).
ALTER TABLE articles ADD COLUMN codebook VARCHAR;
