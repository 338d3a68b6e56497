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
    initials   TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','transferred','retired','left')),
    tier_level TEXT CHECK (tier_level IN ('district','municipal','national'))
                    CHECK (tier_level IS NULL OR tier IN ('backbone','renowned')),
    role       TEXT CHECK (role IN ('principal','vice_principal','kindergarten_head','party_secretary','middle_manager','reserve_cadre')),
    role_since TEXT CHECK (role_since IS NULL OR (role IS NOT NULL AND date(role_since) = role_since))
);
-- teachers.role, role_since: a school leader's or cadre's post (校长, 副校长, 园长, 书记, 中层,
-- 后备干部) and its appointment date (任职时间); NULL for a teacher with none (principals'
-- track, added with projects' training metadata).
-- teachers.status, the employment status (在职/调离/退休/离职, version 5): only active
-- teachers are offered at the desk, enrolled or checked in. It is the table's last column
-- (the upgrade adds it there).
-- teachers.tier_level (version 6, after status): the level of the current tier
-- (区级/市级/国家级), only for tiers held at a level (domain::tiers::has_levels); kept equal
-- to the latest tier_history step.
CREATE INDEX teachers_school ON teachers(school_id);
CREATE INDEX teachers_role ON teachers(role) WHERE role IS NOT NULL;
CREATE INDEX teachers_name ON teachers(name);
-- One teacher per staff number whatever its case: Liaoyuan stores staff
-- numbers in upper case (version 2 upgraded older rows) and this index refuses
-- 't000013' beside 'T000013' from any writer.
CREATE UNIQUE INDEX teachers_staff_no_nocase ON teachers(staff_no COLLATE NOCASE);

-- Each change of growth tier (五型), newest last.
CREATE TABLE tier_history (
    id          INTEGER PRIMARY KEY,
    teacher_id  INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    tier        TEXT NOT NULL CHECK (tier IN ('rising','qualified','backbone','renowned','eminent')),
    since       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    level       TEXT CHECK (level IN ('district','municipal','national'))
                     CHECK (level IS NULL OR tier IN ('backbone','renowned')),
    doc_no      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tier_history_teacher ON tier_history(teacher_id, since);
-- tier_history.level and doc_no (version 6): the step's level (区级/市级/国家级, only for
-- tiers held at a level) and the source document's number (文号, e.g. 潼教发〔2024〕12号).

-- The plan's headline numbers (目标任务), per target and year (version 6). `what` is a
-- domain::TargetKind code: which tiers and levels (or which role) the target counts.
CREATE TABLE targets (
    what    TEXT NOT NULL CHECK (what IN ('district_backbone','district_renowned','municipal_teachers','municipal_principals','principal_reserve')),
    year    INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    number  INTEGER NOT NULL CHECK (number >= 0),
    PRIMARY KEY (what, year)
);
-- The numbers of the district plan 2023–2025 (三 and 五), for its last year.
INSERT INTO targets (what, year, number) VALUES
    ('district_backbone', 2025, 500),
    ('district_renowned', 2025, 200),
    ('municipal_teachers', 2025, 50),
    ('municipal_principals', 2025, 5),
    ('principal_reserve', 2025, 300);

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
    joined_on    TEXT,
    -- Selection (遴选) and exit (专家库动态调整); an exited trainer is 'retired'.
    selected_on     TEXT,
    selection_note  TEXT NOT NULL DEFAULT '',
    exited_on       TEXT,
    exit_reason     TEXT NOT NULL DEFAULT ''
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
    -- Can this project's marks cause a one-vote veto (docs/rules.md §4.2)? Written by Liaoyuan;
    -- a row inserted without it takes the default of domain::veto::default_veto_scope
    -- (concentrated training: yes, otherwise no) from projects_veto_scope_default.
    veto_scope     INTEGER CHECK (veto_scope IN (0,1)),
    -- Training metadata:
    -- hours (学时) a completer is credited, the training form, the budget planned and spent
    -- (yuan), and whether completing it is a principal's qualification (任职资格培训).
    hours          REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
    form           TEXT CHECK (form IN ('send_teaching','shadowing','workshop','online','offline','blended')),
    budget_planned REAL CHECK (budget_planned IS NULL OR budget_planned >= 0),
    budget_spent   REAL CHECK (budget_spent IS NULL OR budget_spent >= 0),
    qualification  INTEGER NOT NULL DEFAULT 0 CHECK (qualification IN (0,1)),
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
    -- 1 when the teacher came (present, late, left early) but was there for less than the
    -- setting min_presence_pct of the session: written by Liaoyuan from
    -- domain::attendance::Presence::short (store/presence.rs), never by a trigger.
    presence_short  INTEGER NOT NULL DEFAULT 0 CHECK (presence_short IN (0,1)),
    -- The project's veto_scope, copied by marks_veto_scope_insert and kept in step by
    -- projects_veto_scope_marks (leave it out when inserting).
    in_veto_scope   INTEGER CHECK (in_veto_scope IN (0,1)),
    -- The two rules SQL needs, stated once here and tied to the domain by contract tests
    -- (store/contract_tests.rs): the mark counts as attended (domain::attendance::Presence
    -- ::attended), and the mark causes a one-vote veto (domain::veto::causes_veto).
    attended        INTEGER GENERATED ALWAYS AS (status IN ('present','late','left_early') AND NOT presence_short) VIRTUAL,
    causes_veto     INTEGER GENERATED ALWAYS AS (in_veto_scope AND status IN ('late','left_early','absent')) VIRTUAL,
    CHECK (status <> 'excused' OR length(trim(reason)) > 0),
    UNIQUE (session_id, teacher_id)
);
CREATE INDEX marks_teacher_date ON marks(teacher_id, session_date, status);
CREATE INDEX marks_school_date ON marks(school_id, session_date, status);

-- Absences written by closing a session ("no mark → absent"), so that reopening can offer
-- to remove exactly those. A mark changed by hand afterwards is no longer the close's.
CREATE TABLE close_absences (
    mark_id     INTEGER PRIMARY KEY REFERENCES marks(id) ON DELETE CASCADE,
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    closed_at   TEXT NOT NULL
);
CREATE INDEX close_absences_session ON close_absences(session_id);
CREATE TRIGGER close_absences_changed_by_hand
AFTER UPDATE OF status, minutes_late, minutes_early, checked_in_at, checked_out_at, reason ON marks
BEGIN
    DELETE FROM close_absences WHERE mark_id = OLD.id;
END;

-- An assessment of one Starlight competency (level, date, assessor, evidence: a session taught,
-- an observation, or a feedback average as a number or text).
CREATE TABLE trainer_assessments (
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
CREATE INDEX trainer_assessments_trainer ON trainer_assessments(trainer_id, assessed_on);

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

-- Trainees' feedback (反馈意见) on a session, or on a whole project when session_id is NULL:
-- three ratings 1–5 (content, trainer, organisation; any may be missing), a comment, and where
-- it came from. Only a teacher who attended may give it (ops::feedback). `trainer_id` is the
-- trainer the trainer rating is about: the session's, or the project's only trainer.
-- Rows kept from schema version 5 have source 'legacy' and no teacher rule applied.
CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    session_id    INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
    teacher_id    INTEGER REFERENCES teachers(id),
    trainer_id    INTEGER REFERENCES trainers(id) ON DELETE SET NULL,
    content       INTEGER CHECK (content BETWEEN 1 AND 5),
    trainer       INTEGER CHECK (trainer BETWEEN 1 AND 5),
    organisation  INTEGER CHECK (organisation BETWEEN 1 AND 5),
    comment       TEXT NOT NULL DEFAULT '',
    submitted_at  TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT 'desk' CHECK (source IN ('desk','form','import','legacy'))
);
CREATE INDEX feedback_project ON feedback(project_id);
CREATE INDEX feedback_trainer ON feedback(trainer_id);
CREATE UNIQUE INDEX feedback_one_per_teacher ON feedback(project_id, ifnull(session_id, 0), teacher_id)
    WHERE source <> 'legacy';

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
    -- Credit registration (学分登记): the category (a name from the setting credit_categories,
    -- '' for entries older than registration), hours, the certificate no., and the registrar's
    -- status. Only recognised entries count toward a cycle's standing.
    category      TEXT NOT NULL DEFAULT '',
    hours         REAL CHECK (hours IS NULL OR hours >= 0),
    evidence      TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'recognised' CHECK (status IN ('pending','recognised','returned')),
    reviewed_by   TEXT NOT NULL DEFAULT '',
    reviewed_at   TEXT,
    return_reason TEXT NOT NULL DEFAULT '',
    CHECK (source = 'manual' OR project_id IS NOT NULL)
);
CREATE UNIQUE INDEX credit_entries_project ON credit_entries(teacher_id, project_id) WHERE source = 'project';
CREATE INDEX credit_entries_teacher ON credit_entries(teacher_id, earned_on);
CREATE INDEX credit_entries_pending ON credit_entries(status, earned_on) WHERE status <> 'recognised';

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

-- Marks counted by school, month of the session ('YYYY-MM') and status (and how
-- many of them count as attended), and veto-causing marks by school, month and
-- teacher, kept in step with `marks` by the triggers below: the school report
-- (§4.5) for a year reads a few thousand rows instead of millions of marks.
-- Rows may hold 0 after deletes.
CREATE TABLE school_month_marks (
    school_id  INTEGER NOT NULL,
    month      TEXT NOT NULL,
    status     TEXT NOT NULL,
    marks      INTEGER NOT NULL,
    attended   INTEGER NOT NULL DEFAULT 0,
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

-- Derived counts for the school report (docs/rules.md §4.5, §8), kept in step with their
-- sources by the triggers below so a year's report reads a few thousand rows per part.

-- Teachers of each school now.
CREATE TABLE school_teachers (
    school_id  INTEGER PRIMARY KEY,
    teachers   INTEGER NOT NULL
);

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
-- stored search keys: the teachers' search columns packed per block of 1,024 ids
-- (src/store/search_keys); a block row, when present, is current: any write to a
-- teacher deletes its block, which the write path stores again
CREATE TABLE IF NOT EXISTS teacher_search_keys (
    block   INTEGER PRIMARY KEY,  -- teachers.id >> 10
    entries BLOB NOT NULL
);
CREATE TRIGGER IF NOT EXISTS teacher_search_keys_insert AFTER INSERT ON teachers BEGIN
    DELETE FROM teacher_search_keys WHERE block = NEW.id >> 10;
END;
CREATE TRIGGER IF NOT EXISTS teacher_search_keys_update AFTER UPDATE ON teachers BEGIN
    DELETE FROM teacher_search_keys WHERE block IN (OLD.id >> 10, NEW.id >> 10);
END;
CREATE TRIGGER IF NOT EXISTS teacher_search_keys_delete AFTER DELETE ON teachers BEGIN
    DELETE FROM teacher_search_keys WHERE block = OLD.id >> 10;
END;
-- Needs surveys (训前调研): a survey export imported once or more (its title names it), each
-- teacher's latest answer (subject, stage, preferred form, the topics wanted), and the draft
-- projects made from a topic with the audience they were made for.
CREATE TABLE IF NOT EXISTS surveys (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL UNIQUE CHECK (length(trim(title)) > 0),
    held_on      TEXT NOT NULL CHECK (date(held_on) = held_on),
    source_file  TEXT NOT NULL DEFAULT '',
    imported_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS survey_responses (
    id            INTEGER PRIMARY KEY,
    survey_id     INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    teacher_id    INTEGER NOT NULL REFERENCES teachers(id),
    subject       TEXT NOT NULL DEFAULT '',
    stage         TEXT CHECK (stage IN ('kindergarten','primary','junior','senior','vocational','special')),
    form          TEXT CHECK (form IN ('send_teaching','shadowing','workshop','online','offline','blended')),
    submitted_at  TEXT NOT NULL,
    UNIQUE (survey_id, teacher_id)
);
CREATE TABLE IF NOT EXISTS survey_topics (
    response_id  INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
    topic        TEXT NOT NULL CHECK (length(trim(topic)) > 0),
    PRIMARY KEY (response_id, topic)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS survey_topics_topic ON survey_topics(topic);
CREATE TABLE IF NOT EXISTS survey_drafts (
    project_id  INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
    survey_id   INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    topic       TEXT NOT NULL,
    subject     TEXT NOT NULL DEFAULT '',
    stage       TEXT CHECK (stage IN ('kindergarten','primary','junior','senior','vocational','special')),
    asked       INTEGER NOT NULL CHECK (asked >= 0)
);
