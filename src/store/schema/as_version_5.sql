-- Takes away what the principals' track and training metadata upgrade added
-- (principals_and_training_metadata.sql): today's schema.sql as version 5 wrote it.
DROP INDEX teachers_role;
ALTER TABLE teachers DROP COLUMN role_since;
ALTER TABLE teachers DROP COLUMN role;
ALTER TABLE projects DROP COLUMN qualification;
ALTER TABLE projects DROP COLUMN budget_spent;
ALTER TABLE projects DROP COLUMN budget_planned;
ALTER TABLE projects DROP COLUMN form;
ALTER TABLE projects DROP COLUMN hours;
