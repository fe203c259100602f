-- Function history as changes (store/function_history.h): a row of function_versions holds
-- either the whole canonical JSON of its version (a snapshot, delta_base NULL) or a line delta
-- against the version saved just before it (delta_base = that version). Every 200th version at
-- most is a snapshot, so any version opens with at most 199 deltas applied.
--
-- Rows written before this migration are whole bodies, i.e. snapshots, so every version stays
-- readable as it is. SQL cannot compute deltas, so vakkaart rewrites those rows as chains once,
-- in C++ at open time, in one transaction; store_meta 'function_history' says whether that is
-- still to do ('full') or done ('delta').
ALTER TABLE function_versions ADD COLUMN delta_base INTEGER;

-- Finding the snapshot that heads a version's chain without reading the rows in between.
CREATE INDEX function_versions_snapshots ON function_versions(function_id, version)
  WHERE delta_base IS NULL;

INSERT INTO store_meta(key, value)
  SELECT 'function_history',
         CASE WHEN EXISTS (SELECT 1 FROM function_versions) THEN 'full' ELSE 'delta' END;
