-- What a framework imported from another tool's CASE package keeps of it beyond our model (its
-- items' and associations' identifiers, its associations outside the hierarchy), as JSON
-- (store/sql/case_origin_json.h), so a re-export gives that tool its own identifiers back.
-- '' for every other framework.
ALTER TABLE frameworks ADD COLUMN case_origin TEXT NOT NULL DEFAULT '';
