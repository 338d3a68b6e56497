-- Schema version 2 → 3 (src/store/schema/migrations.rs): a project's veto scope, and the
-- marks columns that let SQL follow the domain's "attended" and "causes a veto" rules.
-- One transaction; the same objects are in schema.sql (a test compares them).
-- Existing projects: concentrated training → veto scope on, otherwise off (the plan's
-- words: 集中培训实行脱产管理，对迟到、早退、旷课的教师，实行当年度评优评先"一票否决").
-- presence_short starts at 0; the upgrade then settles it in Rust (store/presence.rs).

DROP TRIGGER marks_count_insert;
DROP TRIGGER marks_count_delete;
DROP TRIGGER marks_count_update;

ALTER TABLE projects ADD COLUMN veto_scope INTEGER CHECK (veto_scope IN (0,1));
UPDATE projects SET veto_scope = concentrated;

ALTER TABLE marks ADD COLUMN presence_short INTEGER NOT NULL DEFAULT 0 CHECK (presence_short IN (0,1));
ALTER TABLE marks ADD COLUMN in_veto_scope INTEGER CHECK (in_veto_scope IN (0,1));
ALTER TABLE marks ADD COLUMN attended INTEGER GENERATED ALWAYS AS (status IN ('present','late','left_early') AND NOT presence_short) VIRTUAL;
ALTER TABLE marks ADD COLUMN causes_veto INTEGER GENERATED ALWAYS AS (in_veto_scope AND status IN ('late','left_early','absent')) VIRTUAL;
UPDATE marks SET in_veto_scope = (SELECT p.veto_scope FROM sessions s JOIN projects p ON p.id = s.project_id
                                  WHERE s.id = marks.session_id);

ALTER TABLE school_month_marks ADD COLUMN attended INTEGER NOT NULL DEFAULT 0;
UPDATE school_month_marks SET attended = (
    SELECT count(*) FROM marks m
    WHERE m.school_id = school_month_marks.school_id AND m.status = school_month_marks.status
      AND m.session_date BETWEEN school_month_marks.month || '-01' AND school_month_marks.month || '-31'
      AND m.attended);

-- Marks of projects out of veto scope no longer count (the firsts triggers follow the deletes).
DELETE FROM school_month_vetoes
WHERE NOT EXISTS (
    SELECT 1 FROM marks m
    WHERE m.teacher_id = school_month_vetoes.teacher_id AND m.school_id = school_month_vetoes.school_id
      AND m.session_date BETWEEN school_month_vetoes.month || '-01' AND school_month_vetoes.month || '-31'
      AND m.causes_veto);
UPDATE school_month_vetoes SET marks = (
    SELECT count(*) FROM marks m
    WHERE m.teacher_id = school_month_vetoes.teacher_id AND m.school_id = school_month_vetoes.school_id
      AND m.session_date BETWEEN school_month_vetoes.month || '-01' AND school_month_vetoes.month || '-31'
      AND m.causes_veto);

CREATE TRIGGER marks_count_insert AFTER INSERT ON marks BEGIN
    INSERT INTO school_month_marks (school_id, month, status, marks, attended)
    VALUES (NEW.school_id, substr(NEW.session_date, 1, 7), NEW.status, 1, NEW.attended)
    ON CONFLICT (school_id, month, status) DO UPDATE SET marks = marks + 1, attended = attended + excluded.attended;
    INSERT INTO school_month_vetoes (school_id, month, teacher_id, marks)
    SELECT NEW.school_id, substr(NEW.session_date, 1, 7), NEW.teacher_id, 1
    WHERE NEW.causes_veto
    ON CONFLICT (school_id, month, teacher_id) DO UPDATE SET marks = marks + 1;
END;

-- A new mark takes its project's veto scope (the UPDATE lets marks_veto_update count it).
CREATE TRIGGER marks_veto_scope_insert AFTER INSERT ON marks
WHEN NEW.in_veto_scope IS NULL BEGIN
    UPDATE marks SET in_veto_scope = (SELECT p.veto_scope FROM sessions s JOIN projects p ON p.id = s.project_id
                                      WHERE s.id = NEW.session_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER marks_count_delete AFTER DELETE ON marks BEGIN
    UPDATE school_month_marks SET marks = marks - 1, attended = attended - OLD.attended
    WHERE school_id = OLD.school_id AND month = substr(OLD.session_date, 1, 7)
      AND status = OLD.status;
    DELETE FROM school_month_vetoes
    WHERE OLD.causes_veto AND school_id = OLD.school_id
      AND month = substr(OLD.session_date, 1, 7) AND teacher_id = OLD.teacher_id AND marks <= 1;
    UPDATE school_month_vetoes SET marks = marks - 1
    WHERE OLD.causes_veto AND school_id = OLD.school_id
      AND month = substr(OLD.session_date, 1, 7) AND teacher_id = OLD.teacher_id;
END;

CREATE TRIGGER marks_count_update
AFTER UPDATE OF school_id, session_date, status, presence_short ON marks BEGIN
    UPDATE school_month_marks SET marks = marks - 1, attended = attended - OLD.attended
    WHERE school_id = OLD.school_id AND month = substr(OLD.session_date, 1, 7)
      AND status = OLD.status;
    INSERT INTO school_month_marks (school_id, month, status, marks, attended)
    VALUES (NEW.school_id, substr(NEW.session_date, 1, 7), NEW.status, 1, NEW.attended)
    ON CONFLICT (school_id, month, status) DO UPDATE SET marks = marks + 1, attended = attended + excluded.attended;
END;

CREATE TRIGGER marks_veto_update
AFTER UPDATE OF school_id, teacher_id, session_date, status, in_veto_scope ON marks BEGIN
    DELETE FROM school_month_vetoes
    WHERE OLD.causes_veto AND school_id = OLD.school_id
      AND month = substr(OLD.session_date, 1, 7) AND teacher_id = OLD.teacher_id AND marks <= 1;
    UPDATE school_month_vetoes SET marks = marks - 1
    WHERE OLD.causes_veto AND school_id = OLD.school_id
      AND month = substr(OLD.session_date, 1, 7) AND teacher_id = OLD.teacher_id;
    INSERT INTO school_month_vetoes (school_id, month, teacher_id, marks)
    SELECT NEW.school_id, substr(NEW.session_date, 1, 7), NEW.teacher_id, 1
    WHERE NEW.causes_veto
    ON CONFLICT (school_id, month, teacher_id) DO UPDATE SET marks = marks + 1;
END;

-- A project inserted without a veto scope takes the default (domain::veto::default_veto_scope).
CREATE TRIGGER projects_veto_scope_default AFTER INSERT ON projects
WHEN NEW.veto_scope IS NULL BEGIN
    UPDATE projects SET veto_scope = NEW.concentrated WHERE id = NEW.id;
END;

-- A project's marks follow a change of its veto scope, and a session's marks its project.
CREATE TRIGGER projects_veto_scope_marks AFTER UPDATE OF veto_scope ON projects
WHEN OLD.veto_scope IS NOT NEW.veto_scope BEGIN
    UPDATE marks SET in_veto_scope = NEW.veto_scope
    WHERE session_id IN (SELECT id FROM sessions WHERE project_id = NEW.id)
      AND in_veto_scope IS NOT NEW.veto_scope;
END;

CREATE TRIGGER sessions_veto_scope_move AFTER UPDATE OF project_id ON sessions
WHEN OLD.project_id IS NOT NEW.project_id BEGIN
    UPDATE marks SET in_veto_scope = (SELECT veto_scope FROM projects WHERE id = NEW.project_id)
    WHERE session_id = NEW.id;
END;
