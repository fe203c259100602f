-- What each saved change did, as a JSON array of {op, params} (compose/history_event.h), so the
-- composer can say it in Dutch or English ("An verwijderde blok Communiceren om 14:05") instead
-- of showing the English summary line. Versions saved before keep '' and show their summary.
ALTER TABLE function_versions ADD COLUMN events TEXT NOT NULL DEFAULT '';
