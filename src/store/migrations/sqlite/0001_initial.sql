-- Portable SQL (SQLite and PostgreSQL): no AUTOINCREMENT, no SQLite-only types.
-- Every distinct statement text is stored once; everything else refers to it.
CREATE TABLE statements (
  id BIGINT PRIMARY KEY,
  text TEXT NOT NULL UNIQUE
);

CREATE TABLE frameworks (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  date TEXT NOT NULL
);

CREATE TABLE layers (
  framework_id TEXT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (framework_id, id)
);

CREATE TABLE clusters (
  framework_id TEXT NOT NULL,
  id TEXT NOT NULL,
  layer_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (framework_id, id),
  FOREIGN KEY (framework_id, layer_id) REFERENCES layers(framework_id, id) ON DELETE CASCADE
);

CREATE TABLE profiles (
  id TEXT PRIMARY KEY,
  framework_id TEXT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  definition_id BIGINT REFERENCES statements(id)
);

CREATE TABLE main_activities (
  id BIGINT PRIMARY KEY,
  profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  framework_id TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
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
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  current INTEGER NOT NULL,
  title TEXT NOT NULL,
  definition_id BIGINT REFERENCES statements(id),
  level_vks INTEGER,
  level_eqf INTEGER,
  recognition TEXT NOT NULL,
  year INTEGER,
  certificates TEXT NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE competences (
  id BIGINT PRIMARY KEY,
  qualification_id TEXT NOT NULL REFERENCES qualifications(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  position INTEGER NOT NULL,
  title_id BIGINT NOT NULL REFERENCES statements(id)
);
CREATE INDEX competences_qualification ON competences(qualification_id, position);

CREATE TABLE competence_activities (
  competence_id BIGINT NOT NULL REFERENCES competences(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  statement_id BIGINT NOT NULL REFERENCES statements(id),
  descriptor TEXT,
  PRIMARY KEY (competence_id, position)
);
CREATE INDEX competence_activities_statement ON competence_activities(statement_id);

CREATE TABLE competence_knowledge (
  competence_id BIGINT NOT NULL REFERENCES competences(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  statement_id BIGINT NOT NULL REFERENCES statements(id),
  kind TEXT,
  PRIMARY KEY (competence_id, position)
);
CREATE INDEX competence_knowledge_statement ON competence_knowledge(statement_id);

-- Lists of a qualification: environment_context, action_context, independent_in, bound_to,
-- relies_on, responsibility.
CREATE TABLE qualification_lines (
  qualification_id TEXT NOT NULL REFERENCES qualifications(id) ON DELETE CASCADE,
  section TEXT NOT NULL,
  position INTEGER NOT NULL,
  statement_id BIGINT NOT NULL REFERENCES statements(id),
  PRIMARY KEY (qualification_id, section, position)
);
CREATE INDEX qualification_lines_statement ON qualification_lines(statement_id);

CREATE TABLE raw_sections (
  qualification_id TEXT NOT NULL REFERENCES qualifications(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (qualification_id, position)
);
