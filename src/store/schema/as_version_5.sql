-- Turns a database created from today's schema.sql into one as schema version 5 wrote it, for
-- the tests of the upgrades after version 5 (each starts from a version-5 file) and, through
-- as_version_2.sql, of the older ones. Run on an empty file. Each upgrade after version 5
-- adds its undo here, newest first.

-- Needs surveys (needs_survey.sql)
DROP TABLE survey_drafts;
DROP TABLE survey_topics;
DROP TABLE survey_responses;
DROP TABLE surveys;

-- Feedback with three ratings (feedback_ratings): the table as version 5 had it
DROP TABLE feedback;
CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    teacher_id    INTEGER REFERENCES teachers(id),
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment       TEXT NOT NULL DEFAULT '',
    submitted_at  TEXT NOT NULL
);
CREATE INDEX feedback_project ON feedback(project_id);

-- Stored search keys (search_keys.sql)
DROP TRIGGER teacher_search_keys_insert;
DROP TRIGGER teacher_search_keys_update;
DROP TRIGGER teacher_search_keys_delete;
DROP TABLE teacher_search_keys;

-- Principals' track and training metadata (principals_and_training_metadata.sql)
DROP INDEX teachers_role;
ALTER TABLE teachers DROP COLUMN role_since;
ALTER TABLE teachers DROP COLUMN role;
ALTER TABLE projects DROP COLUMN qualification;
ALTER TABLE projects DROP COLUMN budget_spent;
ALTER TABLE projects DROP COLUMN budget_planned;
ALTER TABLE projects DROP COLUMN form;
ALTER TABLE projects DROP COLUMN hours;

-- Credit registration (credit_registration)
DROP INDEX credit_entries_pending;
DROP TRIGGER credit_entries_cycle_insert;
DROP TRIGGER credit_entries_cycle_delete;
DROP TRIGGER credit_entries_cycle_update;
ALTER TABLE credit_entries DROP COLUMN category;
ALTER TABLE credit_entries DROP COLUMN hours;
ALTER TABLE credit_entries DROP COLUMN evidence;
ALTER TABLE credit_entries DROP COLUMN status;
ALTER TABLE credit_entries DROP COLUMN reviewed_by;
ALTER TABLE credit_entries DROP COLUMN reviewed_at;
ALTER TABLE credit_entries DROP COLUMN return_reason;
CREATE TRIGGER credit_entries_cycle_insert AFTER INSERT ON credit_entries BEGIN
    INSERT INTO teacher_cycle_credits (teacher_id, first_year, last_year, school_id, total, concentrated)
    SELECT NEW.teacher_id, c.first_year, c.last_year,
           coalesce((SELECT school_id FROM teachers WHERE id = NEW.teacher_id), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = NEW.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year)), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = NEW.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND concentrated), 0)
    FROM credit_cycles c WHERE CAST(substr(NEW.earned_on, 1, 4) AS INTEGER) BETWEEN c.first_year AND c.last_year
    ON CONFLICT (teacher_id, first_year, last_year) DO UPDATE
    SET total = excluded.total, concentrated = excluded.concentrated;
END;

CREATE TRIGGER credit_entries_cycle_delete AFTER DELETE ON credit_entries BEGIN
    INSERT INTO teacher_cycle_credits (teacher_id, first_year, last_year, school_id, total, concentrated)
    SELECT OLD.teacher_id, c.first_year, c.last_year,
           coalesce((SELECT school_id FROM teachers WHERE id = OLD.teacher_id), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = OLD.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year)), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = OLD.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND concentrated), 0)
    FROM credit_cycles c WHERE CAST(substr(OLD.earned_on, 1, 4) AS INTEGER) BETWEEN c.first_year AND c.last_year
    ON CONFLICT (teacher_id, first_year, last_year) DO UPDATE
    SET total = excluded.total, concentrated = excluded.concentrated;
END;

CREATE TRIGGER credit_entries_cycle_update
AFTER UPDATE OF teacher_id, credits, concentrated, earned_on ON credit_entries BEGIN
    INSERT INTO teacher_cycle_credits (teacher_id, first_year, last_year, school_id, total, concentrated)
    SELECT OLD.teacher_id, c.first_year, c.last_year,
           coalesce((SELECT school_id FROM teachers WHERE id = OLD.teacher_id), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = OLD.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year)), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = OLD.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND concentrated), 0)
    FROM credit_cycles c WHERE CAST(substr(OLD.earned_on, 1, 4) AS INTEGER) BETWEEN c.first_year AND c.last_year
    ON CONFLICT (teacher_id, first_year, last_year) DO UPDATE
    SET total = excluded.total, concentrated = excluded.concentrated;
    INSERT INTO teacher_cycle_credits (teacher_id, first_year, last_year, school_id, total, concentrated)
    SELECT NEW.teacher_id, c.first_year, c.last_year,
           coalesce((SELECT school_id FROM teachers WHERE id = NEW.teacher_id), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = NEW.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year)), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = NEW.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND concentrated), 0)
    FROM credit_cycles c WHERE CAST(substr(NEW.earned_on, 1, 4) AS INTEGER) BETWEEN c.first_year AND c.last_year
    ON CONFLICT (teacher_id, first_year, last_year) DO UPDATE
    SET total = excluded.total, concentrated = excluded.concentrated;
END;

-- Starlight life cycle (starlight_life_cycle.sql)
DROP TABLE trainer_assessments;
ALTER TABLE trainers DROP COLUMN selected_on;
ALTER TABLE trainers DROP COLUMN selection_note;
ALTER TABLE trainers DROP COLUMN exited_on;
ALTER TABLE trainers DROP COLUMN exit_reason;

-- Tier levels and targets (tier_levels_targets.sql)
DROP TABLE targets;
ALTER TABLE tier_history DROP COLUMN doc_no;
ALTER TABLE tier_history DROP COLUMN level;
ALTER TABLE teachers DROP COLUMN tier_level;

PRAGMA user_version = 5;
