-- Liaoyuan (燎原) schema: the one source of truth for the database layout.
-- Loaded by src/store/schema.rs. Version recorded in PRAGMA user_version
-- (see SCHEMA_VERSION there). Dates are ISO 'YYYY-MM-DD', times 'HH:MM',
-- timestamps 'YYYY-MM-DD HH:MM:SS' in local time.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE schools (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    township  TEXT NOT NULL DEFAULT '',
    stage     TEXT NOT NULL CHECK (stage IN ('kindergarten','primary','junior','senior','vocational','special'))
);

CREATE TABLE teachers (
    id         INTEGER PRIMARY KEY,
    staff_no   TEXT NOT NULL UNIQUE CHECK (length(trim(staff_no)) > 0),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    gender     TEXT CHECK (gender IN ('male','female')),
    school_id  INTEGER NOT NULL REFERENCES schools(id),
    subject    TEXT NOT NULL DEFAULT '',
    stage      TEXT CHECK (stage IN ('kindergarten','primary','junior','senior','vocational','special')),
    phone      TEXT NOT NULL DEFAULT '',
    tier       TEXT NOT NULL DEFAULT 'qualified' CHECK (tier IN ('rising','qualified','backbone','renowned','eminent')),
    -- search keys, stored so start-up does not recompute them:
    -- pinyin: full pinyin without tones, one syllable per character joined by
    -- an apostrophe so each letter knows its character ("zhang'wei");
    -- alternatives separated by '|' when a character has two name readings
    -- ("zeng'guo'qiang|ceng'guo'qiang"); initials likewise ("zgq|cgq")
    pinyin     TEXT NOT NULL DEFAULT '',
    initials   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX teachers_school ON teachers(school_id);
CREATE INDEX teachers_name ON teachers(name);

-- Each change of growth tier (五型), newest last.
CREATE TABLE tier_history (
    id          INTEGER PRIMARY KEY,
    teacher_id  INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    tier        TEXT NOT NULL CHECK (tier IN ('rising','qualified','backbone','renowned','eminent')),
    since       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tier_history_teacher ON tier_history(teacher_id, since);

-- Starlight trainers (星光讲师团): a district teacher, or an external expert by name.
CREATE TABLE trainers (
    id           INTEGER PRIMARY KEY,
    teacher_id   INTEGER UNIQUE REFERENCES teachers(id),
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    affiliation  TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate','training','certified','retired')),
    design       INTEGER NOT NULL DEFAULT 0 CHECK (design BETWEEN 0 AND 3),
    organize     INTEGER NOT NULL DEFAULT 0 CHECK (organize BETWEEN 0 AND 3),
    teach        INTEGER NOT NULL DEFAULT 0 CHECK (teach BETWEEN 0 AND 3),
    guide        INTEGER NOT NULL DEFAULT 0 CHECK (guide BETWEEN 0 AND 3),
    evaluate     INTEGER NOT NULL DEFAULT 0 CHECK (evaluate BETWEEN 0 AND 3),
    research     INTEGER NOT NULL DEFAULT 0 CHECK (research BETWEEN 0 AND 3),
    joined_on    TEXT
);
CREATE UNIQUE INDEX trainers_external_name ON trainers(name) WHERE teacher_id IS NULL;

CREATE TABLE projects (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    level          TEXT NOT NULL CHECK (level IN ('national','municipal','district','school')),
    plan           TEXT NOT NULL CHECK (plan IN ('continuing_education','principal_leadership','starlight','shortage_subjects','vocational','special_education','regional_collaboration')),
    concentrated   INTEGER NOT NULL DEFAULT 1 CHECK (concentrated IN (0,1)),
    credits        REAL NOT NULL DEFAULT 0 CHECK (credits >= 0),
    start_date     TEXT NOT NULL,
    end_date       TEXT NOT NULL,
    venue          TEXT NOT NULL DEFAULT '',
    capacity       INTEGER CHECK (capacity IS NULL OR capacity >= 0),
    threshold_pct  INTEGER NOT NULL DEFAULT 80 CHECK (threshold_pct BETWEEN 1 AND 100),
    completed_at   TEXT,   -- set when completion has been computed and credits granted
    CHECK (end_date >= start_date)
);
CREATE INDEX projects_dates ON projects(start_date, end_date);

-- Follow-up kinds a project requires, each due a number of days after the project's end.
CREATE TABLE project_follow_up_kinds (
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('report_back','forum','transplant_lesson','observation')),
    due_days    INTEGER NOT NULL CHECK (due_days >= 0),
    PRIMARY KEY (project_id, kind)
);

-- Places allotted to each sending school in a project (for the school report).
CREATE TABLE school_allotments (
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    school_id   INTEGER NOT NULL REFERENCES schools(id),
    places      INTEGER NOT NULL CHECK (places >= 0),
    PRIMARY KEY (project_id, school_id)
);

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    start_time  TEXT NOT NULL,
    end_time    TEXT NOT NULL,
    topic       TEXT NOT NULL DEFAULT '',
    trainer_id  INTEGER REFERENCES trainers(id),
    venue       TEXT NOT NULL DEFAULT '',
    closed_at   TEXT,
    closed_by   TEXT,
    CHECK (end_time > start_time)
);
CREATE INDEX sessions_project ON sessions(project_id, date, start_time);
CREATE INDEX sessions_date ON sessions(date, start_time);

CREATE TABLE enrolments (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    teacher_id   INTEGER NOT NULL REFERENCES teachers(id),
    school_id    INTEGER NOT NULL REFERENCES schools(id),  -- the sending school at enrolment
    enrolled_at  TEXT NOT NULL,
    walk_in      INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0,1)),
    UNIQUE (project_id, teacher_id)
);
CREATE INDEX enrolments_teacher ON enrolments(teacher_id);
CREATE INDEX enrolments_school ON enrolments(school_id, project_id);

-- Attendance marks: one per teacher per session. The mark carries the
-- session's date and the teacher's school so that veto lookups and school
-- reports over millions of marks read one index.
CREATE TABLE marks (
    id              INTEGER PRIMARY KEY,
    session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    teacher_id      INTEGER NOT NULL REFERENCES teachers(id),
    school_id       INTEGER NOT NULL REFERENCES schools(id),
    session_date    TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('present','late','left_early','absent','excused')),
    minutes_late    INTEGER NOT NULL DEFAULT 0 CHECK (minutes_late >= 0),
    minutes_early   INTEGER NOT NULL DEFAULT 0 CHECK (minutes_early >= 0),
    checked_in_at   TEXT,
    checked_out_at  TEXT,
    reason          TEXT NOT NULL DEFAULT '',
    recorded_by     TEXT NOT NULL DEFAULT '',
    recorded_at     TEXT NOT NULL,
    CHECK (status <> 'excused' OR length(trim(reason)) > 0),
    UNIQUE (session_id, teacher_id)
);
CREATE INDEX marks_teacher_date ON marks(teacher_id, session_date, status);
CREATE INDEX marks_school_date ON marks(school_id, session_date, status);

CREATE TABLE follow_ups (
    id                   INTEGER PRIMARY KEY,
    project_id           INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    teacher_id           INTEGER NOT NULL REFERENCES teachers(id),
    kind                 TEXT NOT NULL CHECK (kind IN ('report_back','forum','transplant_lesson','observation')),
    due_date             TEXT NOT NULL,
    held_date            TEXT,
    title                TEXT NOT NULL DEFAULT '',
    place                TEXT NOT NULL DEFAULT '',
    observer_trainer_id  INTEGER REFERENCES trainers(id),
    observer_staff       TEXT NOT NULL DEFAULT '',
    rating               TEXT CHECK (rating IS NULL OR rating IN ('excellent','good','pass','fail')),
    notes                TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','done','evaluated')),
    UNIQUE (project_id, teacher_id, kind)
);
CREATE INDEX follow_ups_teacher ON follow_ups(teacher_id);
CREATE INDEX follow_ups_due ON follow_ups(status, due_date);

-- Trainees' feedback on a project (反馈意见).
CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    teacher_id    INTEGER REFERENCES teachers(id),
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment       TEXT NOT NULL DEFAULT '',
    submitted_at  TEXT NOT NULL
);
CREATE INDEX feedback_project ON feedback(project_id);

-- Continuing-education credit ledger (继续教育学分).
CREATE TABLE credit_entries (
    id            INTEGER PRIMARY KEY,
    teacher_id    INTEGER NOT NULL REFERENCES teachers(id),
    project_id    INTEGER REFERENCES projects(id),
    credits       REAL NOT NULL CHECK (credits >= 0),
    concentrated  INTEGER NOT NULL DEFAULT 0 CHECK (concentrated IN (0,1)),
    earned_on     TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('project','manual')),
    note          TEXT NOT NULL DEFAULT '',
    recorded_by   TEXT NOT NULL DEFAULT '',
    CHECK (source = 'manual' OR project_id IS NOT NULL)
);
CREATE UNIQUE INDEX credit_entries_project ON credit_entries(teacher_id, project_id) WHERE source = 'project';
CREATE INDEX credit_entries_teacher ON credit_entries(teacher_id, earned_on);

-- Who changed what, when and why. before/after are JSON objects (NULL for create/delete).
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  INTEGER,
    action     TEXT NOT NULL,
    before     TEXT,
    after      TEXT,
    reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- Marks counted by school, month of the session ('YYYY-MM') and status, and
-- veto-causing marks by school, month and teacher, kept in step with `marks`
-- by the triggers below: the school report (§4.5) for a year reads a few
-- thousand rows instead of millions of marks. Rows may hold 0 after deletes.
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
