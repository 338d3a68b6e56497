-- Takes away what the upgrade credit_registration (5 -> 6) added: for the tests that start
-- from today's schema.sql and need an older file (as_version_2.sql, v5_tests.rs,
-- credit_registration_tests.rs). Run on an empty file.
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
