-- The group heading a competence stands under in the decree annexes ("BASISACTIVITEITEN",
-- "SPECIFIEKE ACTIVITEITEN"; issue 18), as written. '' for every competence imported before, and
-- for every competence of a page without groups.
ALTER TABLE competences ADD COLUMN competence_group TEXT COLLATE "C" NOT NULL DEFAULT '';
