-- eventwire DuckDB schema, version 10: how each event's place was found. location_role: 'event'
-- (the sentence names it as where the act happened) or 'dateline' (only the story's dateline:
-- where it was filed); location_precision: 'city', 'region' (a place the gazetteer cannot put
-- on the map) or 'country'. Rows stored before are filled from what they kept
-- (attributes.place_source, the place's name and coordinates): store/place_roles.py.
ALTER TABLE events ADD COLUMN location_role VARCHAR;
ALTER TABLE events ADD COLUMN location_precision VARCHAR;
