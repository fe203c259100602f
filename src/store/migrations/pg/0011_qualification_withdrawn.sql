-- A repealed ("opgeheven") qualification is kept as it was but marked withdrawn (issue 18: the
-- older BK layouts). 0 for every qualification imported before.
ALTER TABLE qualifications ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;
