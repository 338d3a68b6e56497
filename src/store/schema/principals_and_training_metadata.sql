-- The principals' track and projects' training metadata: a teacher's role (校长, 副校长, 园长,
-- 书记, 中层, 后备干部) with its appointment date; a project's hours (学时), training form,
-- budget planned and spent, and whether it is a principal's qualification training (任职资格).
-- Existing teachers have no role; existing projects have 0 hours and no form or budget.
ALTER TABLE teachers ADD COLUMN role TEXT CHECK (role IN ('principal','vice_principal','kindergarten_head','party_secretary','middle_manager','reserve_cadre'));
ALTER TABLE teachers ADD COLUMN role_since TEXT CHECK (role_since IS NULL OR (role IS NOT NULL AND date(role_since) = role_since));
CREATE INDEX teachers_role ON teachers(role) WHERE role IS NOT NULL;
ALTER TABLE projects ADD COLUMN hours REAL NOT NULL DEFAULT 0 CHECK (hours >= 0);
ALTER TABLE projects ADD COLUMN form TEXT CHECK (form IN ('send_teaching','shadowing','workshop','online','offline','blended'));
ALTER TABLE projects ADD COLUMN budget_planned REAL CHECK (budget_planned IS NULL OR budget_planned >= 0);
ALTER TABLE projects ADD COLUMN budget_spent REAL CHECK (budget_spent IS NULL OR budget_spent >= 0);
ALTER TABLE projects ADD COLUMN qualification INTEGER NOT NULL DEFAULT 0 CHECK (qualification IN (0,1));
