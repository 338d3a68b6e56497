-- The upgrade to feedback with three ratings per session or project: every old row kept,
-- its one rating becoming the content rating, marked 'legacy'.
CREATE TABLE feedback_new (
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
INSERT INTO feedback_new (id, project_id, teacher_id, content, comment, submitted_at, source)
    SELECT id, project_id, teacher_id, rating, comment, submitted_at, 'legacy' FROM feedback;
DROP TABLE feedback;
ALTER TABLE feedback_new RENAME TO feedback;
CREATE INDEX feedback_project ON feedback(project_id);
CREATE INDEX feedback_trainer ON feedback(trainer_id);
CREATE UNIQUE INDEX feedback_one_per_teacher ON feedback(project_id, ifnull(session_id, 0), teacher_id)
    WHERE source <> 'legacy';
