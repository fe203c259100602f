-- Small key/value facts about the store; content_version changes with every content write so
-- derived data (the search index) can tell it is stale.
CREATE TABLE store_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO store_meta(key, value) VALUES ('content_version', '0');
