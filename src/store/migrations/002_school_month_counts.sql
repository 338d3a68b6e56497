-- Version 1 → 2: per-school monthly mark counts kept by triggers, so the
-- school report (DESIGN.md §4.5) for a year reads a few thousand rows
-- instead of every mark. The same DDL is in schema.sql for new files.

CREATE TABLE school_month_marks (
    school_id  INTEGER NOT NULL,
    month      TEXT NOT NULL,
    status     TEXT NOT NULL,
    marks      INTEGER NOT NULL,
    PRIMARY KEY (school_id, month, status)
) WITHOUT ROWID;

CREATE TABLE school_month_vetoes (
    school_id   INTEGER NOT NULL,
    month       TEXT NOT NULL,
    teacher_id  INTEGER NOT NULL,
    marks       INTEGER NOT NULL,
    PRIMARY KEY (school_id, month, teacher_id)
) WITHOUT ROWID;

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

INSERT INTO school_month_marks (school_id, month, status, marks)
SELECT school_id, substr(session_date, 1, 7), status, count(*)
FROM marks GROUP BY school_id, substr(session_date, 1, 7), status;

INSERT INTO school_month_vetoes (school_id, month, teacher_id, marks)
SELECT school_id, substr(session_date, 1, 7), teacher_id, count(*)
FROM marks WHERE status IN ('late', 'left_early', 'absent')
GROUP BY school_id, substr(session_date, 1, 7), teacher_id;
