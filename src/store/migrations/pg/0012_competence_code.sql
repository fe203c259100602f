-- A competence's own code as the older BK layouts write it after its title ("co 01310" for
-- "(co 01310)"; issue 18). NULL for every competence imported before, and for every competence
-- of a modern page (they carry none).
ALTER TABLE competences ADD COLUMN code TEXT COLLATE "C";
