-- Organisations, users and their roles, sessions, API tokens, one-time sign-in links and the
-- audit log: what makes vakkaart safe for many organisations on one server (issue 14).
--
-- Secrets are never stored: a session id, an API token and a sign-in link are random values of
-- 256 bits whose BLAKE2b hash is kept (a copy of the database does not let anyone sign in), and a
-- password is kept as its Argon2id string (libsodium crypto_pwhash_str).
CREATE TABLE organisations (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created TEXT NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,  -- lower case
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,  -- '' = no password yet (signs in by link only)
  disabled INTEGER NOT NULL DEFAULT 0,
  site_admin INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL
);

CREATE TABLE memberships (
  user_id INTEGER NOT NULL REFERENCES users(id),
  org_slug TEXT NOT NULL REFERENCES organisations(slug),
  role TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'curator', 'admin')),
  disabled INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, org_slug)
);
CREATE INDEX memberships_org ON memberships(org_slug);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  org_slug TEXT NOT NULL,  -- the organisation the user acts for in this session
  csrf_token TEXT NOT NULL,
  created TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  client TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  org_slug TEXT NOT NULL,  -- the organisation the token acts for
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  read_only INTEGER NOT NULL,
  created TEXT NOT NULL,
  last_used TEXT NOT NULL DEFAULT '',
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE sign_in_links (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  expires TEXT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);

-- Append-only: who did what, for which organisation, when, on which object, from where.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,  -- the user's email, or 'operator' for the CLI without --as
  org_slug TEXT NOT NULL,  -- '' for site-wide actions
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  detail TEXT NOT NULL,
  client TEXT NOT NULL  -- the client address, or 'cli'
);
CREATE INDEX audit_log_org ON audit_log(org_slug, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Every function belongs to an organisation; functions made before accounts existed belong to
-- the demo organisation.
INSERT INTO organisations(slug, name, created) VALUES ('demo', 'Demo-organisatie', '2026-12-05T00:00:00Z');
ALTER TABLE functions ADD COLUMN owner TEXT NOT NULL DEFAULT 'demo';
CREATE INDEX functions_owner ON functions(owner, title);
