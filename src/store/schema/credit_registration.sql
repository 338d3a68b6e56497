-- Upgrade: credit registration (学分登记). Category, hours, certificate no. and the registrar's
-- status on every ledger entry; entries already in the ledger are recognised. The kept cycle
-- totals count recognised entries only, so the triggers that keep them are replaced (their
-- totals do not change: every existing entry is recognised).
ALTER TABLE credit_entries ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE credit_entries ADD COLUMN hours REAL CHECK (hours IS NULL OR hours >= 0);
ALTER TABLE credit_entries ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE credit_entries ADD COLUMN status TEXT NOT NULL DEFAULT 'recognised' CHECK (status IN ('pending','recognised','returned'));
ALTER TABLE credit_entries ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE credit_entries ADD COLUMN reviewed_at TEXT;
ALTER TABLE credit_entries ADD COLUMN return_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX credit_entries_pending ON credit_entries(status, earned_on) WHERE status <> 'recognised';
DROP TRIGGER credit_entries_cycle_insert;
DROP TRIGGER credit_entries_cycle_delete;
DROP TRIGGER credit_entries_cycle_update;
CREATE TRIGGER credit_entries_cycle_insert AFTER INSERT ON credit_entries BEGIN
    INSERT INTO teacher_cycle_credits (teacher_id, first_year, last_year, school_id, total, concentrated)
    SELECT NEW.teacher_id, c.first_year, c.last_year,
           coalesce((SELECT school_id FROM teachers WHERE id = NEW.teacher_id), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = NEW.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND status = 'recognised'), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = NEW.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND concentrated AND status = 'recognised'), 0)
    FROM credit_cycles c WHERE CAST(substr(NEW.earned_on, 1, 4) AS INTEGER) BETWEEN c.first_year AND c.last_year
    ON CONFLICT (teacher_id, first_year, last_year) DO UPDATE
    SET total = excluded.total, concentrated = excluded.concentrated;
END;

CREATE TRIGGER credit_entries_cycle_delete AFTER DELETE ON credit_entries BEGIN
    INSERT INTO teacher_cycle_credits (teacher_id, first_year, last_year, school_id, total, concentrated)
    SELECT OLD.teacher_id, c.first_year, c.last_year,
           coalesce((SELECT school_id FROM teachers WHERE id = OLD.teacher_id), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = OLD.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND status = 'recognised'), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = OLD.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND concentrated AND status = 'recognised'), 0)
    FROM credit_cycles c WHERE CAST(substr(OLD.earned_on, 1, 4) AS INTEGER) BETWEEN c.first_year AND c.last_year
    ON CONFLICT (teacher_id, first_year, last_year) DO UPDATE
    SET total = excluded.total, concentrated = excluded.concentrated;
END;

CREATE TRIGGER credit_entries_cycle_update
AFTER UPDATE OF teacher_id, credits, concentrated, earned_on, status ON credit_entries BEGIN
    INSERT INTO teacher_cycle_credits (teacher_id, first_year, last_year, school_id, total, concentrated)
    SELECT OLD.teacher_id, c.first_year, c.last_year,
           coalesce((SELECT school_id FROM teachers WHERE id = OLD.teacher_id), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = OLD.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND status = 'recognised'), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = OLD.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND concentrated AND status = 'recognised'), 0)
    FROM credit_cycles c WHERE CAST(substr(OLD.earned_on, 1, 4) AS INTEGER) BETWEEN c.first_year AND c.last_year
    ON CONFLICT (teacher_id, first_year, last_year) DO UPDATE
    SET total = excluded.total, concentrated = excluded.concentrated;
    INSERT INTO teacher_cycle_credits (teacher_id, first_year, last_year, school_id, total, concentrated)
    SELECT NEW.teacher_id, c.first_year, c.last_year,
           coalesce((SELECT school_id FROM teachers WHERE id = NEW.teacher_id), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = NEW.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND status = 'recognised'), 0),
           coalesce((SELECT sum(credits) FROM credit_entries WHERE teacher_id = NEW.teacher_id AND earned_on BETWEEN printf('%04d-01-01', c.first_year) AND printf('%04d-12-31', c.last_year) AND concentrated AND status = 'recognised'), 0)
    FROM credit_cycles c WHERE CAST(substr(NEW.earned_on, 1, 4) AS INTEGER) BETWEEN c.first_year AND c.last_year
    ON CONFLICT (teacher_id, first_year, last_year) DO UPDATE
    SET total = excluded.total, concentrated = excluded.concentrated;
END;
