-- Upgrade: tier steps with a level (区级/市级/国家级) and a 文号, the teacher's current level,
-- and the plan's targets seeded with its numbers. The same objects as schema.sql.

ALTER TABLE teachers ADD COLUMN tier_level TEXT CHECK (tier_level IN ('district','municipal','national'))
                    CHECK (tier_level IS NULL OR tier IN ('backbone','renowned'));

ALTER TABLE tier_history ADD COLUMN level TEXT CHECK (level IN ('district','municipal','national'))
                     CHECK (level IS NULL OR tier IN ('backbone','renowned'));
ALTER TABLE tier_history ADD COLUMN doc_no TEXT NOT NULL DEFAULT '';

CREATE TABLE targets (
    what    TEXT NOT NULL CHECK (what IN ('district_backbone','district_renowned','municipal_teachers','municipal_principals','principal_reserve')),
    year    INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    number  INTEGER NOT NULL CHECK (number >= 0),
    PRIMARY KEY (what, year)
);
INSERT INTO targets (what, year, number) VALUES
    ('district_backbone', 2025, 500),
    ('district_renowned', 2025, 200),
    ('municipal_teachers', 2025, 50),
    ('municipal_principals', 2025, 5),
    ('principal_reserve', 2025, 300);
