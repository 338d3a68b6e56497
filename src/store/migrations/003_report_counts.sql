-- Version 2 -> 3: derived counts for the school report (DESIGN.md §4.5, §8). The same DDL
-- is in schema.sql for new files. Credit cycles are registered by the first report of each.

-- Derived counts for the school report (DESIGN.md §4.5, §8), kept in step with their
-- sources by the triggers below so a year's report reads a few thousand rows per part.

-- Teachers of each school now.
CREATE TABLE school_teachers (
    school_id  INTEGER PRIMARY KEY,
    teachers   INTEGER NOT NULL
);

-- Marks by school and month ('YYYY-MM'), one column per status (from school_month_marks).
CREATE TABLE school_month_attendance (
    school_id   INTEGER NOT NULL,
    month       TEXT NOT NULL,
    present     INTEGER NOT NULL DEFAULT 0,
    late        INTEGER NOT NULL DEFAULT 0,
    left_early  INTEGER NOT NULL DEFAULT 0,
    absent      INTEGER NOT NULL DEFAULT 0,
    excused     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (school_id, month)
) WITHOUT ROWID;

-- Places allotted by school and the project's start month ('YYYY-MM').
CREATE TABLE school_month_places (
    school_id  INTEGER NOT NULL,
    month      TEXT NOT NULL,
    places     INTEGER NOT NULL,
    PRIMARY KEY (school_id, month)
) WITHOUT ROWID;

-- Follow-ups by the teacher's current school and due month ('YYYY-MM'): due, and done or evaluated.
CREATE TABLE school_month_follow_ups (
    school_id  INTEGER NOT NULL,
    month      TEXT NOT NULL,
    due        INTEGER NOT NULL,
    done       INTEGER NOT NULL,
    PRIMARY KEY (school_id, month)
) WITHOUT ROWID;

-- Enrolments by sending school, teacher and the project's start month (months since year 0).
CREATE TABLE school_teacher_months (
    school_id    INTEGER NOT NULL,
    teacher_id   INTEGER NOT NULL,
    month        INTEGER NOT NULL,
    enrolments   INTEGER NOT NULL,
    PRIMARY KEY (school_id, teacher_id, month)
) WITHOUT ROWID;

-- Distinct teachers over any span of up to twelve whole months, by school: for kind 'sent'
-- (school_teacher_months) and 'veto' (school_month_vetoes), month m (months since year 0) and
-- k in 0..11, ck counts the teachers of month m whose previous month at the school is more
-- than k months earlier (or who have none). A span starting at month a counts each teacher
-- once, in their first month m of it: the sum of c(m - a) over the span's months.
CREATE TABLE school_month_firsts (
    kind       TEXT NOT NULL,
    school_id  INTEGER NOT NULL,
    month      INTEGER NOT NULL,
    c0 INTEGER NOT NULL, c1 INTEGER NOT NULL, c2 INTEGER NOT NULL, c3 INTEGER NOT NULL, c4 INTEGER NOT NULL, c5 INTEGER NOT NULL, c6 INTEGER NOT NULL, c7 INTEGER NOT NULL, c8 INTEGER NOT NULL, c9 INTEGER NOT NULL, c10 INTEGER NOT NULL, c11 INTEGER NOT NULL,
    PRIMARY KEY (kind, school_id, month)
) WITHOUT ROWID;
CREATE INDEX school_month_vetoes_teacher ON school_month_vetoes(school_id, teacher_id, month);

-- Credit cycles whose per-teacher totals are kept (registered by the first report of a cycle),
-- and each teacher's totals in them, with the teacher's current school.
CREATE TABLE credit_cycles (
    first_year  INTEGER NOT NULL,
    last_year   INTEGER NOT NULL,
    PRIMARY KEY (first_year, last_year)
) WITHOUT ROWID;

CREATE TABLE teacher_cycle_credits (
    teacher_id    INTEGER NOT NULL,
    first_year    INTEGER NOT NULL,
    last_year     INTEGER NOT NULL,
    school_id     INTEGER NOT NULL,
    total         REAL NOT NULL,
    concentrated  REAL NOT NULL,
    PRIMARY KEY (teacher_id, first_year, last_year)
) WITHOUT ROWID;
-- Ordered by total: the report reads only the teachers who could be on pace.
CREATE INDEX teacher_cycle_credits_total
    ON teacher_cycle_credits(first_year, last_year, total, concentrated, school_id);

-- Backfill before the triggers exist.
INSERT INTO school_teachers (school_id, teachers)
SELECT school_id, count(*) FROM teachers GROUP BY school_id;

INSERT INTO school_month_attendance (school_id, month, present, late, left_early, absent, excused)
SELECT school_id, month, sum(marks * (status = 'present')), sum(marks * (status = 'late')),
       sum(marks * (status = 'left_early')), sum(marks * (status = 'absent')), sum(marks * (status = 'excused'))
FROM school_month_marks GROUP BY school_id, month;

INSERT INTO school_month_places (school_id, month, places)
SELECT a.school_id, substr(p.start_date, 1, 7), sum(a.places)
FROM school_allotments a JOIN projects p ON p.id = a.project_id GROUP BY 1, 2;

INSERT INTO school_month_follow_ups (school_id, month, due, done)
SELECT t.school_id, substr(f.due_date, 1, 7), count(*), sum(f.status IN ('done', 'evaluated'))
FROM follow_ups f JOIN teachers t ON t.id = f.teacher_id GROUP BY 1, 2;

INSERT INTO school_teacher_months (school_id, teacher_id, month, enrolments)
SELECT e.school_id, e.teacher_id, (CAST(substr(p.start_date, 1, 4) AS INTEGER) * 12 + CAST(substr(p.start_date, 6, 2) AS INTEGER) - 1), count(*)
FROM enrolments e JOIN projects p ON p.id = e.project_id GROUP BY 1, 2, 3;

-- Keep the credit cycles of every year with entries and of this year (by the settings, or
-- their defaults); reports register any other cycle on first use.
INSERT INTO credit_cycles (first_year, last_year)
SELECT DISTINCT y - ((((y - f) % n) + n) % n), y - ((((y - f) % n) + n) % n) + n - 1
FROM (SELECT DISTINCT CAST(substr(earned_on, 1, 4) AS INTEGER) AS y FROM credit_entries
      UNION SELECT CAST(strftime('%Y', 'now', 'localtime') AS INTEGER)),
     (SELECT coalesce((SELECT CAST(trim(value) AS INTEGER) FROM settings WHERE key = 'cycle_first_year'
                       AND trim(value) GLOB '[0-9][0-9][0-9][0-9]'), 2021) AS f,
             coalesce((SELECT CAST(trim(value) AS INTEGER) FROM settings WHERE key = 'cycle_years'
                       AND trim(value) GLOB '[1-9]'), 5) AS n);

INSERT INTO teacher_cycle_credits (teacher_id, first_year, last_year, school_id, total, concentrated)
SELECT c.teacher_id, k.first_year, k.last_year, t.school_id, sum(c.credits),
       sum(CASE WHEN c.concentrated THEN c.credits ELSE 0 END)
FROM credit_cycles k
JOIN credit_entries c ON c.earned_on BETWEEN printf('%04d-01-01', k.first_year) AND printf('%04d-12-31', k.last_year)
JOIN teachers t ON t.id = c.teacher_id
GROUP BY k.first_year, k.last_year, c.teacher_id;

INSERT INTO school_month_firsts (kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)
SELECT 'sent', school_id, m, sum(g > 0), sum(g > 1), sum(g > 2), sum(g > 3), sum(g > 4), sum(g > 5), sum(g > 6), sum(g > 7), sum(g > 8), sum(g > 9), sum(g > 10), sum(g > 11)
FROM (SELECT school_id, m, min(coalesce(m - lag(m) OVER (PARTITION BY school_id, teacher_id ORDER BY m), 12), 12) AS g
      FROM (SELECT school_id, teacher_id, month AS m FROM school_teacher_months))
GROUP BY school_id, m;

INSERT INTO school_month_firsts (kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)
SELECT 'veto', school_id, m, sum(g > 0), sum(g > 1), sum(g > 2), sum(g > 3), sum(g > 4), sum(g > 5), sum(g > 6), sum(g > 7), sum(g > 8), sum(g > 9), sum(g > 10), sum(g > 11)
FROM (SELECT school_id, m, min(coalesce(m - lag(m) OVER (PARTITION BY school_id, teacher_id ORDER BY m), 12), 12) AS g
      FROM (SELECT school_id, teacher_id, (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1) AS m FROM school_month_vetoes))
GROUP BY school_id, m;

CREATE TRIGGER teachers_count_insert AFTER INSERT ON teachers BEGIN
    INSERT INTO school_teachers (school_id, teachers) VALUES (NEW.school_id, 1)
    ON CONFLICT (school_id) DO UPDATE SET teachers = teachers + 1;
END;

CREATE TRIGGER teachers_count_delete AFTER DELETE ON teachers BEGIN
    UPDATE school_teachers SET teachers = teachers - 1 WHERE school_id = OLD.school_id;
    DELETE FROM teacher_cycle_credits WHERE teacher_id = OLD.id;
END;

-- A transfer moves the teacher's count, follow-ups and credit totals to the new school.
CREATE TRIGGER teachers_count_transfer AFTER UPDATE OF school_id ON teachers
WHEN OLD.school_id IS NOT NEW.school_id BEGIN
    UPDATE school_teachers SET teachers = teachers - 1 WHERE school_id = OLD.school_id;
    INSERT INTO school_teachers (school_id, teachers) VALUES (NEW.school_id, 1)
    ON CONFLICT (school_id) DO UPDATE SET teachers = teachers + 1;
    INSERT INTO school_month_follow_ups (school_id, month, due, done)
    SELECT school_id, month, sign * due, sign * done FROM (
        SELECT OLD.school_id AS school_id, -1 AS sign, substr(due_date, 1, 7) AS month, count(*) AS due,
               sum(status IN ('done', 'evaluated')) AS done
        FROM follow_ups WHERE teacher_id = NEW.id GROUP BY substr(due_date, 1, 7)
        UNION ALL
        SELECT NEW.school_id, 1, substr(due_date, 1, 7), count(*), sum(status IN ('done', 'evaluated'))
        FROM follow_ups WHERE teacher_id = NEW.id GROUP BY substr(due_date, 1, 7))
    WHERE true
    ON CONFLICT (school_id, month) DO UPDATE SET due = due + excluded.due, done = done + excluded.done;
    UPDATE teacher_cycle_credits SET school_id = NEW.school_id WHERE teacher_id = NEW.id;
END;

CREATE TRIGGER school_month_marks_wide_insert AFTER INSERT ON school_month_marks BEGIN
    INSERT INTO school_month_attendance (school_id, month, present, late, left_early, absent, excused)
    VALUES (NEW.school_id, NEW.month, 1 * NEW.marks * (NEW.status = 'present'), 1 * NEW.marks * (NEW.status = 'late'), 1 * NEW.marks * (NEW.status = 'left_early'), 1 * NEW.marks * (NEW.status = 'absent'), 1 * NEW.marks * (NEW.status = 'excused'))
    ON CONFLICT (school_id, month) DO UPDATE SET present = present + excluded.present, late = late + excluded.late, left_early = left_early + excluded.left_early, absent = absent + excluded.absent, excused = excused + excluded.excused;
END;

CREATE TRIGGER school_month_marks_wide_update AFTER UPDATE ON school_month_marks BEGIN
    INSERT INTO school_month_attendance (school_id, month, present, late, left_early, absent, excused)
    VALUES (OLD.school_id, OLD.month, -1 * OLD.marks * (OLD.status = 'present'), -1 * OLD.marks * (OLD.status = 'late'), -1 * OLD.marks * (OLD.status = 'left_early'), -1 * OLD.marks * (OLD.status = 'absent'), -1 * OLD.marks * (OLD.status = 'excused'))
    ON CONFLICT (school_id, month) DO UPDATE SET present = present + excluded.present, late = late + excluded.late, left_early = left_early + excluded.left_early, absent = absent + excluded.absent, excused = excused + excluded.excused;
    INSERT INTO school_month_attendance (school_id, month, present, late, left_early, absent, excused)
    VALUES (NEW.school_id, NEW.month, 1 * NEW.marks * (NEW.status = 'present'), 1 * NEW.marks * (NEW.status = 'late'), 1 * NEW.marks * (NEW.status = 'left_early'), 1 * NEW.marks * (NEW.status = 'absent'), 1 * NEW.marks * (NEW.status = 'excused'))
    ON CONFLICT (school_id, month) DO UPDATE SET present = present + excluded.present, late = late + excluded.late, left_early = left_early + excluded.left_early, absent = absent + excluded.absent, excused = excused + excluded.excused;
END;

CREATE TRIGGER school_month_marks_wide_delete AFTER DELETE ON school_month_marks BEGIN
    INSERT INTO school_month_attendance (school_id, month, present, late, left_early, absent, excused)
    VALUES (OLD.school_id, OLD.month, -1 * OLD.marks * (OLD.status = 'present'), -1 * OLD.marks * (OLD.status = 'late'), -1 * OLD.marks * (OLD.status = 'left_early'), -1 * OLD.marks * (OLD.status = 'absent'), -1 * OLD.marks * (OLD.status = 'excused'))
    ON CONFLICT (school_id, month) DO UPDATE SET present = present + excluded.present, late = late + excluded.late, left_early = left_early + excluded.left_early, absent = absent + excluded.absent, excused = excused + excluded.excused;
END;

CREATE TRIGGER allotments_count_insert AFTER INSERT ON school_allotments BEGIN
    INSERT INTO school_month_places (school_id, month, places)
    SELECT NEW.school_id, substr(p.start_date, 1, 7), 1 * NEW.places FROM projects p WHERE p.id = NEW.project_id
    ON CONFLICT (school_id, month) DO UPDATE SET places = places + excluded.places;
END;

CREATE TRIGGER allotments_count_delete AFTER DELETE ON school_allotments BEGIN
    INSERT INTO school_month_places (school_id, month, places)
    SELECT OLD.school_id, substr(p.start_date, 1, 7), -1 * OLD.places FROM projects p WHERE p.id = OLD.project_id
    ON CONFLICT (school_id, month) DO UPDATE SET places = places + excluded.places;
END;

CREATE TRIGGER allotments_count_update AFTER UPDATE OF project_id, school_id, places ON school_allotments BEGIN
    INSERT INTO school_month_places (school_id, month, places)
    SELECT OLD.school_id, substr(p.start_date, 1, 7), -1 * OLD.places FROM projects p WHERE p.id = OLD.project_id
    ON CONFLICT (school_id, month) DO UPDATE SET places = places + excluded.places;
    INSERT INTO school_month_places (school_id, month, places)
    SELECT NEW.school_id, substr(p.start_date, 1, 7), 1 * NEW.places FROM projects p WHERE p.id = NEW.project_id
    ON CONFLICT (school_id, month) DO UPDATE SET places = places + excluded.places;
END;

CREATE TRIGGER follow_ups_count_insert AFTER INSERT ON follow_ups BEGIN
    INSERT INTO school_month_follow_ups (school_id, month, due, done)
    SELECT t.school_id, substr(NEW.due_date, 1, 7), 1, 1 * (NEW.status IN ('done', 'evaluated'))
    FROM teachers t WHERE t.id = NEW.teacher_id
    ON CONFLICT (school_id, month) DO UPDATE SET due = due + excluded.due, done = done + excluded.done;
END;

CREATE TRIGGER follow_ups_count_delete AFTER DELETE ON follow_ups BEGIN
    INSERT INTO school_month_follow_ups (school_id, month, due, done)
    SELECT t.school_id, substr(OLD.due_date, 1, 7), -1, -1 * (OLD.status IN ('done', 'evaluated'))
    FROM teachers t WHERE t.id = OLD.teacher_id
    ON CONFLICT (school_id, month) DO UPDATE SET due = due + excluded.due, done = done + excluded.done;
END;

CREATE TRIGGER follow_ups_count_update AFTER UPDATE OF teacher_id, due_date, status ON follow_ups BEGIN
    INSERT INTO school_month_follow_ups (school_id, month, due, done)
    SELECT t.school_id, substr(OLD.due_date, 1, 7), -1, -1 * (OLD.status IN ('done', 'evaluated'))
    FROM teachers t WHERE t.id = OLD.teacher_id
    ON CONFLICT (school_id, month) DO UPDATE SET due = due + excluded.due, done = done + excluded.done;
    INSERT INTO school_month_follow_ups (school_id, month, due, done)
    SELECT t.school_id, substr(NEW.due_date, 1, 7), 1, 1 * (NEW.status IN ('done', 'evaluated'))
    FROM teachers t WHERE t.id = NEW.teacher_id
    ON CONFLICT (school_id, month) DO UPDATE SET due = due + excluded.due, done = done + excluded.done;
END;

CREATE TRIGGER enrolments_count_insert AFTER INSERT ON enrolments BEGIN
    INSERT INTO school_teacher_months (school_id, teacher_id, month, enrolments)
    SELECT NEW.school_id, NEW.teacher_id, (CAST(substr(p.start_date, 1, 4) AS INTEGER) * 12 + CAST(substr(p.start_date, 6, 2) AS INTEGER) - 1), 1 FROM projects p WHERE p.id = NEW.project_id
    ON CONFLICT (school_id, teacher_id, month) DO UPDATE SET enrolments = enrolments + 1;
END;

CREATE TRIGGER enrolments_count_delete AFTER DELETE ON enrolments BEGIN
    UPDATE school_teacher_months SET enrolments = enrolments - 1 WHERE school_id = OLD.school_id AND teacher_id = OLD.teacher_id
      AND month = (SELECT (CAST(substr(p.start_date, 1, 4) AS INTEGER) * 12 + CAST(substr(p.start_date, 6, 2) AS INTEGER) - 1) FROM projects p WHERE p.id = OLD.project_id);
    DELETE FROM school_teacher_months WHERE enrolments <= 0 AND school_id = OLD.school_id AND teacher_id = OLD.teacher_id
      AND month = (SELECT (CAST(substr(p.start_date, 1, 4) AS INTEGER) * 12 + CAST(substr(p.start_date, 6, 2) AS INTEGER) - 1) FROM projects p WHERE p.id = OLD.project_id);
END;

CREATE TRIGGER enrolments_count_update AFTER UPDATE OF project_id, teacher_id, school_id ON enrolments BEGIN
    UPDATE school_teacher_months SET enrolments = enrolments - 1 WHERE school_id = OLD.school_id AND teacher_id = OLD.teacher_id
      AND month = (SELECT (CAST(substr(p.start_date, 1, 4) AS INTEGER) * 12 + CAST(substr(p.start_date, 6, 2) AS INTEGER) - 1) FROM projects p WHERE p.id = OLD.project_id);
    DELETE FROM school_teacher_months WHERE enrolments <= 0 AND school_id = OLD.school_id AND teacher_id = OLD.teacher_id
      AND month = (SELECT (CAST(substr(p.start_date, 1, 4) AS INTEGER) * 12 + CAST(substr(p.start_date, 6, 2) AS INTEGER) - 1) FROM projects p WHERE p.id = OLD.project_id);
    INSERT INTO school_teacher_months (school_id, teacher_id, month, enrolments)
    SELECT NEW.school_id, NEW.teacher_id, (CAST(substr(p.start_date, 1, 4) AS INTEGER) * 12 + CAST(substr(p.start_date, 6, 2) AS INTEGER) - 1), 1 FROM projects p WHERE p.id = NEW.project_id
    ON CONFLICT (school_id, teacher_id, month) DO UPDATE SET enrolments = enrolments + 1;
END;

-- Counts keyed by a project's start month need the project: remove its enrolments and
-- allotments before the row goes (the cascade would run after it is gone).
CREATE TRIGGER projects_count_delete BEFORE DELETE ON projects BEGIN
    DELETE FROM enrolments WHERE project_id = OLD.id;
    DELETE FROM school_allotments WHERE project_id = OLD.id;
END;

CREATE TRIGGER projects_count_move AFTER UPDATE OF start_date ON projects
WHEN substr(OLD.start_date, 1, 7) IS NOT substr(NEW.start_date, 1, 7) BEGIN
    INSERT INTO school_month_places (school_id, month, places)
    SELECT school_id, month, places FROM (
        SELECT school_id, substr(OLD.start_date, 1, 7) AS month, -places AS places
        FROM school_allotments WHERE project_id = NEW.id
        UNION ALL
        SELECT school_id, substr(NEW.start_date, 1, 7), places
        FROM school_allotments WHERE project_id = NEW.id)
    WHERE true
    ON CONFLICT (school_id, month) DO UPDATE SET places = places + excluded.places;
    UPDATE school_teacher_months SET enrolments = enrolments - 1
    WHERE month = (CAST(substr(OLD.start_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.start_date, 6, 2) AS INTEGER) - 1)
      AND (school_id, teacher_id) IN (SELECT school_id, teacher_id FROM enrolments WHERE project_id = NEW.id);
    DELETE FROM school_teacher_months
    WHERE month = (CAST(substr(OLD.start_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.start_date, 6, 2) AS INTEGER) - 1) AND enrolments <= 0
      AND (school_id, teacher_id) IN (SELECT school_id, teacher_id FROM enrolments WHERE project_id = NEW.id);
    INSERT INTO school_teacher_months (school_id, teacher_id, month, enrolments)
    SELECT school_id, teacher_id, (CAST(substr(NEW.start_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.start_date, 6, 2) AS INTEGER) - 1), 1 FROM enrolments WHERE project_id = NEW.id
    ON CONFLICT (school_id, teacher_id, month) DO UPDATE SET enrolments = enrolments + 1;
END;

CREATE TRIGGER school_teacher_months_firsts_insert AFTER INSERT ON school_teacher_months BEGIN
    INSERT INTO school_month_firsts (kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)
    SELECT 'sent', NEW.school_id, m, 1 * (g > 0), 1 * (g > 1), 1 * (g > 2), 1 * (g > 3), 1 * (g > 4), 1 * (g > 5), 1 * (g > 6), 1 * (g > 7), 1 * (g > 8), 1 * (g > 9), 1 * (g > 10), 1 * (g > 11)
    FROM (SELECT NEW.month AS m, min(coalesce(NEW.month - (SELECT max(month) FROM school_teacher_months WHERE school_id = NEW.school_id AND teacher_id = NEW.teacher_id AND month < NEW.month), 12), 12) AS g) WHERE m IS NOT NULL
    ON CONFLICT (kind, school_id, month) DO UPDATE SET c0 = c0 + excluded.c0, c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4, c5 = c5 + excluded.c5, c6 = c6 + excluded.c6, c7 = c7 + excluded.c7, c8 = c8 + excluded.c8, c9 = c9 + excluded.c9, c10 = c10 + excluded.c10, c11 = c11 + excluded.c11;
    INSERT INTO school_month_firsts (kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)
    SELECT 'sent', NEW.school_id, m, (min(m - NEW.month, 12) > 0) - (min(coalesce(m - p, 12), 12) > 0), (min(m - NEW.month, 12) > 1) - (min(coalesce(m - p, 12), 12) > 1), (min(m - NEW.month, 12) > 2) - (min(coalesce(m - p, 12), 12) > 2), (min(m - NEW.month, 12) > 3) - (min(coalesce(m - p, 12), 12) > 3), (min(m - NEW.month, 12) > 4) - (min(coalesce(m - p, 12), 12) > 4), (min(m - NEW.month, 12) > 5) - (min(coalesce(m - p, 12), 12) > 5), (min(m - NEW.month, 12) > 6) - (min(coalesce(m - p, 12), 12) > 6), (min(m - NEW.month, 12) > 7) - (min(coalesce(m - p, 12), 12) > 7), (min(m - NEW.month, 12) > 8) - (min(coalesce(m - p, 12), 12) > 8), (min(m - NEW.month, 12) > 9) - (min(coalesce(m - p, 12), 12) > 9), (min(m - NEW.month, 12) > 10) - (min(coalesce(m - p, 12), 12) > 10), (min(m - NEW.month, 12) > 11) - (min(coalesce(m - p, 12), 12) > 11)
    FROM (SELECT (SELECT min(month) FROM school_teacher_months WHERE school_id = NEW.school_id AND teacher_id = NEW.teacher_id AND month > NEW.month) AS m, (SELECT max(month) FROM school_teacher_months WHERE school_id = NEW.school_id AND teacher_id = NEW.teacher_id AND month < NEW.month) AS p) WHERE m IS NOT NULL
    ON CONFLICT (kind, school_id, month) DO UPDATE SET c0 = c0 + excluded.c0, c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4, c5 = c5 + excluded.c5, c6 = c6 + excluded.c6, c7 = c7 + excluded.c7, c8 = c8 + excluded.c8, c9 = c9 + excluded.c9, c10 = c10 + excluded.c10, c11 = c11 + excluded.c11;
END;

CREATE TRIGGER school_teacher_months_firsts_delete AFTER DELETE ON school_teacher_months BEGIN
    INSERT INTO school_month_firsts (kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)
    SELECT 'sent', OLD.school_id, m, -1 * (g > 0), -1 * (g > 1), -1 * (g > 2), -1 * (g > 3), -1 * (g > 4), -1 * (g > 5), -1 * (g > 6), -1 * (g > 7), -1 * (g > 8), -1 * (g > 9), -1 * (g > 10), -1 * (g > 11)
    FROM (SELECT OLD.month AS m, min(coalesce(OLD.month - (SELECT max(month) FROM school_teacher_months WHERE school_id = OLD.school_id AND teacher_id = OLD.teacher_id AND month < OLD.month), 12), 12) AS g) WHERE m IS NOT NULL
    ON CONFLICT (kind, school_id, month) DO UPDATE SET c0 = c0 + excluded.c0, c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4, c5 = c5 + excluded.c5, c6 = c6 + excluded.c6, c7 = c7 + excluded.c7, c8 = c8 + excluded.c8, c9 = c9 + excluded.c9, c10 = c10 + excluded.c10, c11 = c11 + excluded.c11;
    INSERT INTO school_month_firsts (kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)
    SELECT 'sent', OLD.school_id, m, (min(coalesce(m - p, 12), 12) > 0) - (min(m - OLD.month, 12) > 0), (min(coalesce(m - p, 12), 12) > 1) - (min(m - OLD.month, 12) > 1), (min(coalesce(m - p, 12), 12) > 2) - (min(m - OLD.month, 12) > 2), (min(coalesce(m - p, 12), 12) > 3) - (min(m - OLD.month, 12) > 3), (min(coalesce(m - p, 12), 12) > 4) - (min(m - OLD.month, 12) > 4), (min(coalesce(m - p, 12), 12) > 5) - (min(m - OLD.month, 12) > 5), (min(coalesce(m - p, 12), 12) > 6) - (min(m - OLD.month, 12) > 6), (min(coalesce(m - p, 12), 12) > 7) - (min(m - OLD.month, 12) > 7), (min(coalesce(m - p, 12), 12) > 8) - (min(m - OLD.month, 12) > 8), (min(coalesce(m - p, 12), 12) > 9) - (min(m - OLD.month, 12) > 9), (min(coalesce(m - p, 12), 12) > 10) - (min(m - OLD.month, 12) > 10), (min(coalesce(m - p, 12), 12) > 11) - (min(m - OLD.month, 12) > 11)
    FROM (SELECT (SELECT min(month) FROM school_teacher_months WHERE school_id = OLD.school_id AND teacher_id = OLD.teacher_id AND month > OLD.month) AS m, (SELECT max(month) FROM school_teacher_months WHERE school_id = OLD.school_id AND teacher_id = OLD.teacher_id AND month < OLD.month) AS p) WHERE m IS NOT NULL
    ON CONFLICT (kind, school_id, month) DO UPDATE SET c0 = c0 + excluded.c0, c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4, c5 = c5 + excluded.c5, c6 = c6 + excluded.c6, c7 = c7 + excluded.c7, c8 = c8 + excluded.c8, c9 = c9 + excluded.c9, c10 = c10 + excluded.c10, c11 = c11 + excluded.c11;
END;

CREATE TRIGGER school_month_vetoes_firsts_insert AFTER INSERT ON school_month_vetoes BEGIN
    INSERT INTO school_month_firsts (kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)
    SELECT 'veto', NEW.school_id, m, 1 * (g > 0), 1 * (g > 1), 1 * (g > 2), 1 * (g > 3), 1 * (g > 4), 1 * (g > 5), 1 * (g > 6), 1 * (g > 7), 1 * (g > 8), 1 * (g > 9), 1 * (g > 10), 1 * (g > 11)
    FROM (SELECT (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) AS m, min(coalesce((CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) - (SELECT max((CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1)) FROM school_month_vetoes WHERE school_id = NEW.school_id AND teacher_id = NEW.teacher_id AND (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1) < (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1)), 12), 12) AS g) WHERE m IS NOT NULL
    ON CONFLICT (kind, school_id, month) DO UPDATE SET c0 = c0 + excluded.c0, c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4, c5 = c5 + excluded.c5, c6 = c6 + excluded.c6, c7 = c7 + excluded.c7, c8 = c8 + excluded.c8, c9 = c9 + excluded.c9, c10 = c10 + excluded.c10, c11 = c11 + excluded.c11;
    INSERT INTO school_month_firsts (kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)
    SELECT 'veto', NEW.school_id, m, (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 0) - (min(coalesce(m - p, 12), 12) > 0), (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 1) - (min(coalesce(m - p, 12), 12) > 1), (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 2) - (min(coalesce(m - p, 12), 12) > 2), (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 3) - (min(coalesce(m - p, 12), 12) > 3), (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 4) - (min(coalesce(m - p, 12), 12) > 4), (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 5) - (min(coalesce(m - p, 12), 12) > 5), (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 6) - (min(coalesce(m - p, 12), 12) > 6), (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 7) - (min(coalesce(m - p, 12), 12) > 7), (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 8) - (min(coalesce(m - p, 12), 12) > 8), (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 9) - (min(coalesce(m - p, 12), 12) > 9), (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 10) - (min(coalesce(m - p, 12), 12) > 10), (min(m - (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1), 12) > 11) - (min(coalesce(m - p, 12), 12) > 11)
    FROM (SELECT (SELECT min((CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1)) FROM school_month_vetoes WHERE school_id = NEW.school_id AND teacher_id = NEW.teacher_id AND (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1) > (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1)) AS m, (SELECT max((CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1)) FROM school_month_vetoes WHERE school_id = NEW.school_id AND teacher_id = NEW.teacher_id AND (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1) < (CAST(substr(NEW.month, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1)) AS p) WHERE m IS NOT NULL
    ON CONFLICT (kind, school_id, month) DO UPDATE SET c0 = c0 + excluded.c0, c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4, c5 = c5 + excluded.c5, c6 = c6 + excluded.c6, c7 = c7 + excluded.c7, c8 = c8 + excluded.c8, c9 = c9 + excluded.c9, c10 = c10 + excluded.c10, c11 = c11 + excluded.c11;
END;

CREATE TRIGGER school_month_vetoes_firsts_delete AFTER DELETE ON school_month_vetoes BEGIN
    INSERT INTO school_month_firsts (kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)
    SELECT 'veto', OLD.school_id, m, -1 * (g > 0), -1 * (g > 1), -1 * (g > 2), -1 * (g > 3), -1 * (g > 4), -1 * (g > 5), -1 * (g > 6), -1 * (g > 7), -1 * (g > 8), -1 * (g > 9), -1 * (g > 10), -1 * (g > 11)
    FROM (SELECT (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) AS m, min(coalesce((CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) - (SELECT max((CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1)) FROM school_month_vetoes WHERE school_id = OLD.school_id AND teacher_id = OLD.teacher_id AND (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1) < (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1)), 12), 12) AS g) WHERE m IS NOT NULL
    ON CONFLICT (kind, school_id, month) DO UPDATE SET c0 = c0 + excluded.c0, c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4, c5 = c5 + excluded.c5, c6 = c6 + excluded.c6, c7 = c7 + excluded.c7, c8 = c8 + excluded.c8, c9 = c9 + excluded.c9, c10 = c10 + excluded.c10, c11 = c11 + excluded.c11;
    INSERT INTO school_month_firsts (kind, school_id, month, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)
    SELECT 'veto', OLD.school_id, m, (min(coalesce(m - p, 12), 12) > 0) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 0), (min(coalesce(m - p, 12), 12) > 1) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 1), (min(coalesce(m - p, 12), 12) > 2) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 2), (min(coalesce(m - p, 12), 12) > 3) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 3), (min(coalesce(m - p, 12), 12) > 4) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 4), (min(coalesce(m - p, 12), 12) > 5) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 5), (min(coalesce(m - p, 12), 12) > 6) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 6), (min(coalesce(m - p, 12), 12) > 7) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 7), (min(coalesce(m - p, 12), 12) > 8) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 8), (min(coalesce(m - p, 12), 12) > 9) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 9), (min(coalesce(m - p, 12), 12) > 10) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 10), (min(coalesce(m - p, 12), 12) > 11) - (min(m - (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1), 12) > 11)
    FROM (SELECT (SELECT min((CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1)) FROM school_month_vetoes WHERE school_id = OLD.school_id AND teacher_id = OLD.teacher_id AND (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1) > (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1)) AS m, (SELECT max((CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1)) FROM school_month_vetoes WHERE school_id = OLD.school_id AND teacher_id = OLD.teacher_id AND (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1) < (CAST(substr(OLD.month, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1)) AS p) WHERE m IS NOT NULL
    ON CONFLICT (kind, school_id, month) DO UPDATE SET c0 = c0 + excluded.c0, c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4, c5 = c5 + excluded.c5, c6 = c6 + excluded.c6, c7 = c7 + excluded.c7, c8 = c8 + excluded.c8, c9 = c9 + excluded.c9, c10 = c10 + excluded.c10, c11 = c11 + excluded.c11;
END;

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
