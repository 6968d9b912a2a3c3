-- eventwire DuckDB schema, version 9: the people killed in each event (fatalities), from its
-- sentence's casualty counts. Rows stored before get it from the counts they kept
-- (attributes.amounts, by the rule new events go through: store/fatalities.py).
ALTER TABLE events ADD COLUMN fatalities INTEGER;
