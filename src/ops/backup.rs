//! Online backup (`liaoyuan backup DEST`): SQLite's backup API copies a
//! consistent snapshot while other desks keep working, to a new file only.

use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::{self, Db, OpenMode};
use std::path::Path;

/// What was copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub bytes: u64,
    pub teachers: i64,
    pub marks: i64,
}

/// Copies the database at `source` to `dest`, which must not exist, then
/// checks that the copy opens and is sound. On failure nothing is left at `dest`.
pub fn backup(source: &Path, dest: &Path) -> Result<BackupInfo> {
    if dest.exists() {
        return Err({
            let d = dest.display();
            Error::invalid(pick(
                format!("{d} 已存在；备份只写入新文件"),
                format!("{d} already exists; a backup is only written to a new file"),
            ))
        });
    }
    if is_journal_of(source, dest) {
        let d = dest.display();
        return Err(Error::invalid(pick(
            format!("{d} 是数据库自己的日志文件名；请换一个备份文件名"),
            format!(
                "{d} is the name of the database's own journal; choose another name for the backup"
            ),
        )));
    }
    let src = Db::open(source, OpenMode::ReadOnly)?;
    // Claim the name atomically so two backups never write the same file. `dest` is neither
    // the database nor its journals (checked above), and O_EXCL opens nothing that exists, so
    // this descriptor never touches a file SQLite holds locks on.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(dest)
        .map_err(|e| {
            let d = dest.display();
            Error::Io(pick(
                format!("无法创建 {d}：{e}"),
                format!("cannot create {d}: {e}"),
            ))
        })?;
    let result = store::backup::copy(&src.conn, dest).and_then(|()| verify(dest));
    if result.is_err() {
        remove_copy(dest);
    }
    result
}

/// Whether `dest` names the `-wal`, `-shm` or `-journal` of the database at `source`: a file
/// there would be taken by SQLite for the database's own journal.
fn is_journal_of(source: &Path, dest: &Path) -> bool {
    let real = |p: &Path| -> Option<std::path::PathBuf> {
        let dir = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        Some(std::fs::canonicalize(dir).ok()?.join(p.file_name()?))
    };
    let (Some(source), Some(dest)) = (std::fs::canonicalize(source).ok(), real(dest)) else {
        return false;
    };
    ["-wal", "-shm", "-journal"].iter().any(|suffix| {
        let mut name = source.clone().into_os_string();
        name.push(suffix);
        dest.as_os_str() == name
    })
}

fn verify(dest: &Path) -> Result<BackupInfo> {
    let copy = Db::open(dest, OpenMode::ReadOnly)?;
    let quick = store::backup::quick_check(&copy.conn)?;
    if quick != "ok" {
        return Err({
            let d = dest.display();
            Error::Db(pick(
                format!("{d} 处的副本未通过检查：{quick}"),
                format!("the copy at {d} failed its check: {quick}"),
            ))
        });
    }
    let (teachers, marks) = store::backup::teachers_and_marks(&copy.conn)?;
    drop(copy);
    let bytes = std::fs::metadata(dest)?.len();
    Ok(BackupInfo {
        bytes,
        teachers,
        marks,
    })
}

fn remove_copy(dest: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = dest.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(&p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::demo::{generate, DemoOptions};

    #[test]
    fn copies_to_a_new_file_and_refuses_an_existing_one() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src.db");
        let opts = DemoOptions {
            teachers: 100,
            seed: 1,
            progress: false,
        };
        generate(&src, &opts, &crate::store::test_stamp("2026-03-02 09:00")).unwrap();
        let dest = dir.path().join("copy.db");
        let info = backup(&src, &dest).unwrap();
        assert_eq!(info.teachers, 100);
        assert!(info.marks > 0);
        let before = std::fs::read(&dest).unwrap();
        let err = backup(&src, &dest).unwrap_err().to_string();
        assert!(err.contains("已存在"), "{err}");
        assert_eq!(std::fs::read(&dest).unwrap(), before);
    }

    #[test]
    fn a_failed_backup_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let garbage = dir.path().join("garbage.db");
        std::fs::write(&garbage, "not a database at all, just text").unwrap();
        let dest = dir.path().join("copy.db");
        assert!(backup(&garbage, &dest).is_err());
        assert!(!dest.exists());
        assert!(backup(&dir.path().join("missing.db"), &dest).is_err());
        assert!(!dest.exists());
    }
}
