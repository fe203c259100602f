-- Parts of a qualification page that only some pages have (issue 18): notes under the title on
-- where the title is used, "Afbakening" (scope), partial qualifications ("deelkwalificaties")
-- with the competences they consist of, and footnotes with the places that carry their mark.
-- Empty for every qualification imported before.
ALTER TABLE qualifications ADD COLUMN scope TEXT COLLATE "C" NOT NULL DEFAULT '';

CREATE TABLE title_references (
  qualification_id TEXT COLLATE "C" NOT NULL REFERENCES qualifications(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  code TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  title_used INTEGER NOT NULL,
  note TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (qualification_id, position)
);

CREATE TABLE partial_qualifications (
  qualification_id TEXT COLLATE "C" NOT NULL REFERENCES qualifications(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT COLLATE "C" NOT NULL,
  title TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (qualification_id, position)
);

-- A partial qualification's competences, by the number the qualification gives them.
CREATE TABLE partial_qualification_competences (
  qualification_id TEXT COLLATE "C" NOT NULL,
  partial_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  competence_number INTEGER NOT NULL,
  PRIMARY KEY (qualification_id, partial_position, position),
  FOREIGN KEY (qualification_id, partial_position)
    REFERENCES partial_qualifications(qualification_id, position) ON DELETE CASCADE
);

-- referenced_at: the places that carry the mark, paths into the canonical JSON, one a line.
CREATE TABLE footnotes (
  qualification_id TEXT COLLATE "C" NOT NULL REFERENCES qualifications(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  mark TEXT COLLATE "C" NOT NULL,
  body TEXT COLLATE "C" NOT NULL,
  referenced_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (qualification_id, position)
);
