//! Where `export -o FILE` may write, through the real binary: never the database itself (or its
//! -wal/-shm/-journal, however the path is spelled), never through or over a symbolic link, a
//! folder, a pipe or a device; a plain file is replaced whole via a temporary file and a rename,
//! keeping its permissions; a failed write leaves the old file and no temporary file.

use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{Db, OpenMode};
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");

/// A database with `n` teachers of one school.
fn district(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    let mut db = Db::open(&path, OpenMode::Create).unwrap();
    let tx = db.conn.transaction().unwrap();
    tx.execute(
        "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary')",
        [],
    )
    .unwrap();
    let (py, ini) = pinyin_keys("张伟");
    for i in 0..n {
        tx.execute(
            "INSERT INTO teachers (staff_no, name, school_id, pinyin, initials)
             VALUES (?1, '张伟', 1, ?2, ?3)",
            rusqlite::params![format!("T{i:05}"), py, ini],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    drop(db);
    (dir, path)
}

fn command(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--db")
        .arg(db)
        .args(args)
        .env("LIAOYUAN_NOW", "2026-06-01 10:00")
        .env_remove("LIAOYUAN_DB");
    c
}

fn export_to(db: &Path, out: &Path, extra: &[&str]) -> Output {
    command(db, &["export", "credits"])
        .args(extra)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The database still opens and `check` passes.
fn assert_database_intact(db: &Path, before: &[u8]) {
    assert_eq!(std::fs::read(db).unwrap(), before, "the database changed");
    let o = command(db, &["check"]).output().unwrap();
    assert!(o.status.success(), "check failed: {}", stderr(&o));
}

fn refused(o: &Output, zh: &str) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(zh), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn the_database_itself_is_refused_however_it_is_named() {
    let (dir, db) = district(3);
    let before = std::fs::read(&db).unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::hard_link(&db, d.join("hard-link.csv")).unwrap();
    std::os::unix::fs::symlink(&db, d.join("link.db")).unwrap();
    let spellings = [
        db.clone(),
        d.join(".").join("d.db"),
        d.join("sub").join("..").join("d.db"),
        d.join("hard-link.csv"),
        d.join("d.db-wal"),
        d.join("d.db-shm"),
        d.join("d.db-journal"),
    ];
    for out in &spellings {
        let o = export_to(&db, out, &[]);
        refused(&o, "数据库");
        assert_database_intact(&db, &before);
    }
    for name in ["d.db-wal", "d.db-shm", "d.db-journal"] {
        // Whatever SQLite left, no export text is in it.
        if let Ok(bytes) = std::fs::read(d.join(name)) {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("staff_no"),
                "{name}"
            );
        }
    }
    // The database reached through a link to it, and in English.
    let link = d.join("link.db");
    let o = export_to(&link, &db, &["--lang", "en", "--format", "json"]);
    let err = refused(&o, "database");
    assert!(err.contains("-o"), "{err}");
    assert_database_intact(&db, &before);
}

#[test]
fn links_folders_pipes_and_devices_are_refused_and_left_as_they_are() {
    let (dir, db) = district(3);
    let d = dir.path();
    let target = d.join("target.csv");
    std::fs::write(&target, "keep me\n").unwrap();
    std::os::unix::fs::symlink(&target, d.join("link.csv")).unwrap();
    std::os::unix::fs::symlink(d.join("nowhere.csv"), d.join("dangling.csv")).unwrap();

    let o = export_to(&db, &d.join("link.csv"), &[]);
    refused(&o, "符号链接");
    assert!(d.join("link.csv").symlink_metadata().unwrap().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");

    let o = export_to(&db, &d.join("dangling.csv"), &["--lang", "en"]);
    refused(&o, "symbolic link");
    assert!(!d.join("nowhere.csv").exists());

    std::fs::create_dir(d.join("reports")).unwrap();
    let o = export_to(&db, &d.join("reports"), &[]);
    refused(&o, "文件夹");
    assert!(d.join("reports").is_dir());

    let fifo = d.join("pipe.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let o = export_to(&db, &fifo, &[]);
    refused(&o, "不是普通文件");
    assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());

    // A character device: the null device made here when allowed (as root), never /dev/null
    // itself, so a regression cannot damage the machine.
    let dev = d.join("null.csv");
    let made = Command::new("mknod")
        .arg(&dev)
        .args(["c", "1", "3"])
        .output();
    if made.is_ok_and(|m| m.status.success()) {
        let o = export_to(&db, &dev, &["--lang", "en"]);
        refused(&o, "not a regular file");
        assert!(dev.symlink_metadata().unwrap().file_type().is_char_device());
    } else {
        eprintln!("mknod not allowed here: the device case is covered by the FIFO's");
    }
    let names: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn a_plain_file_is_replaced_whole_and_keeps_its_permissions() {
    let (dir, db) = district(3);
    let out = dir.path().join("credits.csv");
    std::fs::write(&out, "old report\n".repeat(1000)).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    let o = export_to(&db, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("\u{feff}staff_no,name"), "{text}");
    assert!(!text.contains("old report"));
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
}

#[test]
fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
    use std::os::unix::process::CommandExt;
    let (dir, db) = district(4000);
    let out = dir.path().join("credits.csv");
    std::fs::write(&out, "old report\n").unwrap();
    let mut c = command(&db, &["export", "credits", "-o"]);
    c.arg(&out);
    // Files may not grow past 64 KiB (the export is larger); with SIGXFSZ ignored (an ignored
    // signal stays ignored across exec) the write fails with EFBIG instead of killing the process.
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        c.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: 64 * 1024,
                rlim_max: 64 * 1024,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let o = c.output().unwrap();
    let err = refused(&o, "无法写入");
    assert!(err.contains("credits.csv"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old report\n");
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("d.db"))
        .collect();
    names.sort();
    assert_eq!(names, ["credits.csv"]);
}
