-- A migration series with a gap (no 0002), for the lint.migration_numbers test.
SELECT 1;
