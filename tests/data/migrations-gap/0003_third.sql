-- See 0001_first.sql.
SELECT 3;
