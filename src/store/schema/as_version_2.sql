-- Turns a database created from today's schema.sql into one as schema version 2 wrote it,
-- for the tests of the upgrades (src/store/schema/migrations.rs, tests/it/staff_numbers.rs):
-- it takes away what versions 3 (close_absences), 4 (v4_veto_scope_presence.sql) and 5
-- (teachers.status) added.
-- Run on an empty file. Later versions' additions first:
-- (principals' track and training metadata)
DROP INDEX teachers_role;
ALTER TABLE teachers DROP COLUMN role_since;
ALTER TABLE teachers DROP COLUMN role;
ALTER TABLE projects DROP COLUMN qualification;
ALTER TABLE projects DROP COLUMN budget_spent;
ALTER TABLE projects DROP COLUMN budget_planned;
ALTER TABLE projects DROP COLUMN form;
ALTER TABLE projects DROP COLUMN hours;

ALTER TABLE teachers DROP COLUMN status;

DROP TRIGGER close_absences_changed_by_hand;
DROP TABLE close_absences;

DROP TRIGGER marks_count_insert;
DROP TRIGGER marks_veto_scope_insert;
DROP TRIGGER marks_count_delete;
DROP TRIGGER marks_count_update;
DROP TRIGGER marks_veto_update;
DROP TRIGGER projects_veto_scope_default;
DROP TRIGGER projects_veto_scope_marks;
DROP TRIGGER sessions_veto_scope_move;
ALTER TABLE marks DROP COLUMN causes_veto;
ALTER TABLE marks DROP COLUMN attended;
ALTER TABLE marks DROP COLUMN in_veto_scope;
ALTER TABLE marks DROP COLUMN presence_short;
ALTER TABLE projects DROP COLUMN veto_scope;
ALTER TABLE school_month_marks DROP COLUMN attended;

CREATE TRIGGER marks_count_insert AFTER INSERT ON marks BEGIN
    INSERT INTO school_month_marks (school_id, month, status, marks)
    VALUES (NEW.school_id, substr(NEW.session_date, 1, 7), NEW.status, 1)
    ON CONFLICT (school_id, month, status) DO UPDATE SET marks = marks + 1;
    INSERT INTO school_month_vetoes (school_id, month, teacher_id, marks)
    SELECT NEW.school_id, substr(NEW.session_date, 1, 7), NEW.teacher_id, 1
    WHERE NEW.status IN ('late', 'left_early', 'absent')
    ON CONFLICT (school_id, month, teacher_id) DO UPDATE SET marks = marks + 1;
END;

CREATE TRIGGER marks_count_delete AFTER DELETE ON marks BEGIN
    UPDATE school_month_marks SET marks = marks - 1
    WHERE school_id = OLD.school_id AND month = substr(OLD.session_date, 1, 7)
      AND status = OLD.status;
    DELETE FROM school_month_vetoes
    WHERE OLD.status IN ('late', 'left_early', 'absent') AND school_id = OLD.school_id
      AND month = substr(OLD.session_date, 1, 7) AND teacher_id = OLD.teacher_id AND marks <= 1;
    UPDATE school_month_vetoes SET marks = marks - 1
    WHERE OLD.status IN ('late', 'left_early', 'absent') AND school_id = OLD.school_id
      AND month = substr(OLD.session_date, 1, 7) AND teacher_id = OLD.teacher_id;
END;

CREATE TRIGGER marks_count_update
AFTER UPDATE OF school_id, teacher_id, session_date, status ON marks BEGIN
    UPDATE school_month_marks SET marks = marks - 1
    WHERE school_id = OLD.school_id AND month = substr(OLD.session_date, 1, 7)
      AND status = OLD.status;
    DELETE FROM school_month_vetoes
    WHERE OLD.status IN ('late', 'left_early', 'absent') AND school_id = OLD.school_id
      AND month = substr(OLD.session_date, 1, 7) AND teacher_id = OLD.teacher_id AND marks <= 1;
    UPDATE school_month_vetoes SET marks = marks - 1
    WHERE OLD.status IN ('late', 'left_early', 'absent') AND school_id = OLD.school_id
      AND month = substr(OLD.session_date, 1, 7) AND teacher_id = OLD.teacher_id;
    INSERT INTO school_month_marks (school_id, month, status, marks)
    VALUES (NEW.school_id, substr(NEW.session_date, 1, 7), NEW.status, 1)
    ON CONFLICT (school_id, month, status) DO UPDATE SET marks = marks + 1;
    INSERT INTO school_month_vetoes (school_id, month, teacher_id, marks)
    SELECT NEW.school_id, substr(NEW.session_date, 1, 7), NEW.teacher_id, 1
    WHERE NEW.status IN ('late', 'left_early', 'absent')
    ON CONFLICT (school_id, month, teacher_id) DO UPDATE SET marks = marks + 1;
END;

PRAGMA user_version = 2;
