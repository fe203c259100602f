-- Crosswalks: alignments between parts of the structure (a qualification's competence or a
-- profile's main activity, the source) and profile main activities (the target), computed by
-- analysis/crosswalk and confirmed or rejected by people.
--
-- One row per (source_ref, target_ref). A recomputation replaces the rows nobody decided on and
-- refreshes the score, type and titles of decided ones; a decided pair the new computation no
-- longer produces is kept (computed = 0) with its last score, so a decision is never lost.
-- Scores are stored in thousandths (0..1000): portable, and exactly what is shown.
CREATE TABLE alignments (
  source_ref TEXT COLLATE "C" NOT NULL,
  target_ref TEXT COLLATE "C" NOT NULL,
  source_kind TEXT COLLATE "C" NOT NULL,
  source_item TEXT COLLATE "C" NOT NULL,
  source_item_title TEXT COLLATE "C" NOT NULL,
  source_cluster TEXT COLLATE "C" NOT NULL,
  source_title TEXT COLLATE "C" NOT NULL,
  source_order INTEGER NOT NULL,
  target_kind TEXT COLLATE "C" NOT NULL,
  target_item TEXT COLLATE "C" NOT NULL,
  target_item_title TEXT COLLATE "C" NOT NULL,
  target_cluster TEXT COLLATE "C" NOT NULL,
  target_title TEXT COLLATE "C" NOT NULL,
  target_order INTEGER NOT NULL,
  score INTEGER NOT NULL,
  type TEXT COLLATE "C" NOT NULL,
  computed INTEGER NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  decided_by TEXT COLLATE "C" NOT NULL,
  decided_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (source_ref, target_ref)
);
CREATE INDEX alignments_source_item ON alignments(source_item, source_order);
CREATE INDEX alignments_target_item ON alignments(target_item, target_order);
CREATE INDEX alignments_target ON alignments(target_ref);

-- The content version (and computation) the computed rows were made for; '' = never computed.
INSERT INTO store_meta(key, value) VALUES ('crosswalk_version', '');
