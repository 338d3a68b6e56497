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
