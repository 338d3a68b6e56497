-- Version 5 → 6: the Starlight corps's life cycle (issue 12, item 5). A trainer's selection
-- (遴选: date and criteria) and exit (专家库动态调整: date and reason), and assessments of
-- one competency each (level, date, assessor, evidence). Reasons of competency changes go to
-- the audit log.
-- The trainers' new columns are added by migrations.rs (STARLIGHT_COLUMNS), each only when
-- missing: the tests of older upgrades build their old files from today's schema.
CREATE TABLE IF NOT EXISTS trainer_assessments (
    id             INTEGER PRIMARY KEY,
    trainer_id     INTEGER NOT NULL REFERENCES trainers(id),
    competency     TEXT NOT NULL CHECK (competency IN ('design','organize','teach','guide','evaluate','research')),
    level          INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
    assessed_on    TEXT NOT NULL,
    assessor       TEXT NOT NULL CHECK (length(trim(assessor)) > 0),
    evidence_kind  TEXT NOT NULL CHECK (evidence_kind IN ('session','observation','feedback')),
    evidence       TEXT NOT NULL DEFAULT '',
    session_id     INTEGER REFERENCES sessions(id)
);
CREATE INDEX IF NOT EXISTS trainer_assessments_trainer ON trainer_assessments(trainer_id, assessed_on);
