-- Function profiles of organisations. A function is stored whole as its canonical JSON: it is
-- read and written as one document, and provenance lives inside it (each taken item carries its
-- source statement's exact text and the source's version). Every saved version is kept so the
-- history can be shown and a concurrent edit can be detected and reported.
CREATE TABLE functions (
  id TEXT COLLATE "C" PRIMARY KEY,
  version INTEGER NOT NULL,
  title TEXT COLLATE "C" NOT NULL,
  organisation TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  updated TEXT COLLATE "C" NOT NULL,
  body TEXT COLLATE "C" NOT NULL
);

CREATE TABLE function_versions (
  function_id TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  at TEXT COLLATE "C" NOT NULL,
  author TEXT COLLATE "C" NOT NULL,
  summary TEXT COLLATE "C" NOT NULL,
  body TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (function_id, version)
);
