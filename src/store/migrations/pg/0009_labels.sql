-- A framework's texts in other languages than Dutch (issue 18): one row per text and language.
-- `element` names the text by its kind and place, as model/framework_labels.h walks them
-- ("layer:ID", "definition:PROFILE", "activity:PROFILE/CLUSTER/2/1", ...); the Dutch text stays
-- where it was (statements, titles) and is never here. Replaced with the framework.
CREATE TABLE labels (
  framework_id TEXT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
  element TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (framework_id, element, language)
);
