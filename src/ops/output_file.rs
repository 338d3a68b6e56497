//! A file an export may write (`export -o FILE`), checked before anything is built and written
//! so that it can never destroy something else:
//! - never the database itself, nor its -wal, -shm or -journal, however the path is spelled
//!   (another folder spelling, a link to the database's folder, a hard link): paths are compared
//!   once their folders are resolved, and existing files by device and inode. Only metadata is
//!   read — nothing here opens the database or its side files (docs/rules.md §5);
//! - never an existing symbolic link (to anything), folder, pipe, device or socket: the export
//!   neither replaces one nor writes through one;
//! - a plain file is replaced whole: the bytes go to a new temporary file in the same folder,
//!   are synced, and are renamed over it (keeping its permissions). A failed write leaves the
//!   old file as it was and removes the temporary file.

use crate::error::{Error, Result};
use crate::lang::pick;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The side files SQLite keeps next to a database.
const SIDE_FILES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// A checked output file.
#[derive(Debug, Clone)]
pub struct OutputFile {
    path: PathBuf,
}

impl OutputFile {
    /// Checks that an export of the database at `database` may be written to `path`.
    pub fn new(path: &Path, database: &Path) -> Result<OutputFile> {
        check_kind(path)?;
        if is_database_file(path, database) {
            let (p, db) = (path.display(), database.display());
            return Err(Error::invalid(pick(
                format!(
                    "-o {p}：这是数据库 {db} 本身（或它的 -wal/-shm/-journal 文件），\
                     写入会毁掉数据；请另选一个文件名，例如 -o 报表.csv"
                ),
                format!(
                    "-o {p}: this is the database {db} itself (or its -wal/-shm/-journal file) \
                     and writing it would destroy the data; choose another file name, \
                     e.g. -o report.csv"
                ),
            )));
        }
        Ok(OutputFile {
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the file with `bytes`.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        self.write_with(|w| w.write_all(bytes))
    }

    /// Replaces the file with what `fill` writes, through a temporary file and a rename; when
    /// `fill` or any step fails, the old file stays and the temporary file is removed.
    pub fn write_with(&self, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
        // The file may have changed since the check: look again, just before.
        check_kind(&self.path)?;
        let (temp, file) = create_temp(&self.path).map_err(|e| self.io_error(e))?;
        let written = fill_and_sync(file, fill)
            .and_then(|()| keep_permissions(&self.path, &temp))
            .map_err(|e| self.io_error(e))
            .and_then(|()| check_kind(&self.path))
            .and_then(|()| fs::rename(&temp, &self.path).map_err(|e| self.io_error(e)));
        if written.is_err() {
            let _ = fs::remove_file(&temp);
            return written;
        }
        sync_folder(&self.path);
        Ok(())
    }

    fn io_error(&self, e: io::Error) -> Error {
        let p = self.path.display();
        Error::Io(pick(
            format!("无法写入 {p}：{e}"),
            format!("cannot write {p}: {e}"),
        ))
    }
}

/// Refuses an existing path that is not a plain file (a link is not followed).
fn check_kind(path: &Path) -> Result<()> {
    let p = path.display();
    if path.file_name().is_none() {
        return Err(folder(path));
    }
    let Ok(meta) = fs::symlink_metadata(path) else {
        return Ok(()); // a new file
    };
    let kind = meta.file_type();
    if kind.is_file() {
        Ok(())
    } else if kind.is_symlink() {
        Err(Error::invalid(pick(
            format!(
                "-o {p}：这是一个符号链接；导出不会替换它，也不会写入它指向的文件。\
                 请给出一个普通文件的路径"
            ),
            format!(
                "-o {p}: this is a symbolic link; an export neither replaces it nor writes \
                 to what it points to. Give the path of a plain file"
            ),
        )))
    } else if kind.is_dir() {
        Err(folder(path))
    } else {
        Err(Error::invalid(pick(
            format!(
                "-o {p}：这不是普通文件（设备、管道或套接字），导出不会替换它；\
                 请给出一个普通文件的路径（要输出到屏幕或管道，请去掉 -o）"
            ),
            format!(
                "-o {p}: this is not a regular file (a device, pipe or socket) and an export \
                 never replaces one; give the path of a plain file (to write to stdout, \
                 leave out -o)"
            ),
        )))
    }
}

fn folder(path: &Path) -> Error {
    let p = path.display();
    Error::invalid(pick(
        format!("-o {p}：这是一个文件夹，不是文件；请给出文件名，例如 -o 报表.csv"),
        format!("-o {p}: this is a folder, not a file; give a file name, e.g. -o report.csv"),
    ))
}

/// True when `path` names the database or one of its side files: the same path once folders
/// are resolved, or (for a file that exists) the same device and inode.
fn is_database_file(path: &Path, database: &Path) -> bool {
    let mut guarded = vec![database.to_path_buf()];
    if let Ok(real) = fs::canonicalize(database) {
        guarded.push(real);
    }
    for base in guarded.clone() {
        for suffix in SIDE_FILES {
            let mut name = base.clone().into_os_string();
            name.push(suffix);
            guarded.push(PathBuf::from(name));
        }
    }
    let target = resolved(path);
    if guarded.iter().any(|g| resolved(g) == target) {
        return true;
    }
    match fs::metadata(path) {
        Ok(meta) => guarded
            .iter()
            .filter_map(|g| fs::metadata(g).ok())
            .any(|g| same_file(&g, &meta)),
        Err(_) => false,
    }
}

/// The path with its folder (and the file itself, when it exists) resolved by the OS.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (fs::canonicalize(folder), path.file_name()) {
        (Ok(f), Some(name)) => f.join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &Metadata, _: &Metadata) -> bool {
    false
}

/// A new file next to `path` (never an existing one, never through a link).
fn create_temp(path: &Path) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut attempt = 0;
    loop {
        let temp = path.with_file_name(format!(".liaoyuan-export-{pid}-{attempt}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(f) => return Ok((temp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

fn fill_and_sync(
    file: File,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut w = BufWriter::new(file);
    fill(&mut w)?;
    let file = w.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

/// A replaced file keeps its permissions (a private report stays private).
fn keep_permissions(path: &Path, temp: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(old) if old.is_file() => fs::set_permissions(temp, old.permissions()),
        _ => Ok(()),
    }
}

/// Makes the rename durable; a folder that cannot be synced is not an error.
fn sync_folder(path: &Path) {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_writer_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        fs::write(&path, "old").unwrap();
        let out = OutputFile::new(&path, &dir.path().join("d.db")).unwrap();
        let e = out
            .write_with(|w| {
                w.write_all(&[b'x'; 100_000])?;
                Err(io::Error::other("disk full"))
            })
            .unwrap_err()
            .to_string();
        assert!(e.contains("disk full") && e.contains("x.csv"), "{e}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn side_files_of_a_database_not_yet_there_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("d.db");
        for name in ["d.db", "d.db-wal", "d.db-shm", "d.db-journal"] {
            assert!(
                OutputFile::new(&dir.path().join(name), &db).is_err(),
                "{name}"
            );
        }
        assert!(OutputFile::new(&dir.path().join("d.db.csv"), &db).is_ok());
        assert!(OutputFile::new(Path::new(""), &db).is_err());
    }
}
