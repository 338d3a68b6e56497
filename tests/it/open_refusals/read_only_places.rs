//! A read-only folder and a read-only file: commands that write are told to add --read-only
//! (never "not a Liaoyuan database"), and in a read-only folder the commands that only read
//! still work, changing nothing.

use super::{liaoyuan, ours, refused_untouched, roster, snapshot, with_roster, WRITERS};
use std::path::Path;

/// Makes `dir` read-only for the process that runs the commands: as root, which may write
/// anywhere, the commands run as `nobody`, who owns the files but not the folder.
fn read_only_folder(dir: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let mode = if root { 0o755 } else { 0o555 };
    if root {
        for e in std::fs::read_dir(dir).unwrap() {
            std::os::unix::fs::chown(e.unwrap().path(), Some(65534), Some(65534)).unwrap();
        }
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
    root.then_some(65534)
}

#[test]
fn a_read_only_folder_is_named_and_read_only_commands_still_work_there() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let roster = roster(files.path());
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(files.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = ours(dir.path(), "ours.db");
    let user = read_only_folder(dir.path());
    for args in WRITERS {
        let args = with_roster(args, roster.to_str().unwrap());
        refused_untouched(
            &db,
            &args,
            &["只读", "--read-only"],
            &["不是燎原数据库"],
            user,
        );
    }
    let before = snapshot(dir.path());
    let p = db.to_str().unwrap();
    for args in [
        vec!["--db", p, "lookup", "张伟"],
        vec!["--read-only", "--db", p, "lookup", "张伟"],
        vec!["--db", p, "check"],
        vec!["--db", p, "export", "vetoes"],
    ] {
        let out = liaoyuan(&args, &[], user);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            snapshot(dir.path()) == before,
            "{args:?} changed the folder"
        );
    }
    let out = liaoyuan(&["--db", p, "lookup", "张伟"], &[], user);
    assert!(String::from_utf8_lossy(&out.stdout).contains("张伟"));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_read_only_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let roster = roster(files.path());
    std::fs::set_permissions(files.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = ours(dir.path(), "ours.db");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    // As root, run as `nobody` in a folder anyone may write to.
    // SAFETY: geteuid has no preconditions.
    let user = (unsafe { libc::geteuid() } == 0).then_some(65534);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    for args in WRITERS {
        let args = with_roster(args, roster.to_str().unwrap());
        refused_untouched(
            &db,
            &args,
            &["只读", "--read-only"],
            &["不是燎原数据库"],
            user,
        );
    }
}
