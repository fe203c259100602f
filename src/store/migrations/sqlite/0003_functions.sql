-- Function profiles of organisations. A function is stored whole as its canonical JSON: it is
-- read and written as one document, and provenance lives inside it (each taken item carries its
-- source statement's exact text and the source's version). Every saved version is kept so the
-- history can be shown and a concurrent edit can be detected and reported.
CREATE TABLE functions (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  organisation TEXT NOT NULL,
  status TEXT NOT NULL,
  updated TEXT NOT NULL,
  body TEXT NOT NULL
);

CREATE TABLE function_versions (
  function_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (function_id, version)
);
