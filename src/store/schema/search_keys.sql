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
