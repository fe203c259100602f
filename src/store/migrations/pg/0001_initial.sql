-- The PostgreSQL twin of migrations/sqlite/0001_initial.sql: the same tables and columns;
-- text compares bytewise (COLLATE "C"), as in SQLite.
-- Every distinct statement text is stored once; everything else refers to it.
CREATE TABLE statements (
  id BIGINT PRIMARY KEY,
  text TEXT COLLATE "C" NOT NULL
);
-- A btree entry holds at most about 2.7 kB, and a statement may be longer: uniqueness is kept
-- on its MD5, lookups by text go through a hash index (PostgreSQL only; SQLite has UNIQUE).
CREATE UNIQUE INDEX statements_text_unique ON statements (md5(text));
CREATE INDEX statements_text ON statements USING hash (text);

CREATE TABLE frameworks (
  id TEXT COLLATE "C" PRIMARY KEY,
  title TEXT COLLATE "C" NOT NULL,
  date TEXT COLLATE "C" NOT NULL
);

CREATE TABLE layers (
  framework_id TEXT COLLATE "C" NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
  id TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  title TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (framework_id, id)
);

CREATE TABLE clusters (
  framework_id TEXT COLLATE "C" NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  layer_id TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  title TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (framework_id, id),
  FOREIGN KEY (framework_id, layer_id) REFERENCES layers(framework_id, id) ON DELETE CASCADE
);

CREATE TABLE profiles (
  id TEXT COLLATE "C" PRIMARY KEY,
  framework_id TEXT COLLATE "C" NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT COLLATE "C" NOT NULL,
  definition_id BIGINT REFERENCES statements(id)
);

CREATE TABLE main_activities (
  id BIGINT PRIMARY KEY,
  profile_id TEXT COLLATE "C" NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  framework_id TEXT COLLATE "C" NOT NULL,
  cluster_id TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  title_id BIGINT REFERENCES statements(id),
  FOREIGN KEY (framework_id, cluster_id) REFERENCES clusters(framework_id, id) ON DELETE CASCADE
);
CREATE INDEX main_activities_profile ON main_activities(profile_id, cluster_id, position);

CREATE TABLE profile_activities (
  id BIGINT PRIMARY KEY,
  main_activity_id BIGINT NOT NULL REFERENCES main_activities(id) ON DELETE CASCADE,
  parent_id BIGINT REFERENCES profile_activities(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  statement_id BIGINT NOT NULL REFERENCES statements(id)
);
CREATE INDEX profile_activities_main ON profile_activities(main_activity_id, position);
CREATE INDEX profile_activities_statement ON profile_activities(statement_id);

CREATE TABLE qualifications (
  id TEXT COLLATE "C" PRIMARY KEY,
  code TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  current INTEGER NOT NULL,
  title TEXT COLLATE "C" NOT NULL,
  definition_id BIGINT REFERENCES statements(id),
  level_vks INTEGER,
  level_eqf INTEGER,
  recognition TEXT COLLATE "C" NOT NULL,
  year INTEGER,
  certificates TEXT COLLATE "C" NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE competences (
  id BIGINT PRIMARY KEY,
  qualification_id TEXT COLLATE "C" NOT NULL REFERENCES qualifications(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  position INTEGER NOT NULL,
  title_id BIGINT NOT NULL REFERENCES statements(id)
);
CREATE INDEX competences_qualification ON competences(qualification_id, position);

CREATE TABLE competence_activities (
  competence_id BIGINT NOT NULL REFERENCES competences(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  statement_id BIGINT NOT NULL REFERENCES statements(id),
  descriptor TEXT COLLATE "C",
  PRIMARY KEY (competence_id, position)
);
CREATE INDEX competence_activities_statement ON competence_activities(statement_id);

CREATE TABLE competence_knowledge (
  competence_id BIGINT NOT NULL REFERENCES competences(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  statement_id BIGINT NOT NULL REFERENCES statements(id),
  kind TEXT COLLATE "C",
  PRIMARY KEY (competence_id, position)
);
CREATE INDEX competence_knowledge_statement ON competence_knowledge(statement_id);

-- Lists of a qualification: environment_context, action_context, independent_in, bound_to,
-- relies_on, responsibility.
CREATE TABLE qualification_lines (
  qualification_id TEXT COLLATE "C" NOT NULL REFERENCES qualifications(id) ON DELETE CASCADE,
  section TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  statement_id BIGINT NOT NULL REFERENCES statements(id),
  PRIMARY KEY (qualification_id, section, position)
);
CREATE INDEX qualification_lines_statement ON qualification_lines(statement_id);

CREATE TABLE raw_sections (
  qualification_id TEXT COLLATE "C" NOT NULL REFERENCES qualifications(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT COLLATE "C" NOT NULL,
  body TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (qualification_id, position)
);
