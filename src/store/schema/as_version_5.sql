-- Turns a database created from today's schema.sql into one as schema version 5 wrote it, for
-- the tests of the upgrades after version 5 (each starts from a version-5 file) and, through
-- as_version_2.sql, of the older ones. Run on an empty file. Each upgrade after version 5
-- adds its undo here, newest first.

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
