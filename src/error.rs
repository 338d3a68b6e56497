//! One error type whose messages a coordinator can act on.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::lang::{pick, Lang, Text};

/// Each message exists in Simplified Chinese and English ([`Text`]); the edges render it for
/// the user's language with [`Error::text`]. `Display` shows the Chinese text (for logs and
/// tests); nothing user-facing relies on it for English.
#[derive(Debug)]
pub enum Error {
    /// The file exists but is not a Liaoyuan/SQLite database.
    NotADatabase {
        path: PathBuf,
        detail: Text,
    },
    /// The database was written by a newer Liaoyuan.
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    Missing(PathBuf),
    /// A writer was stopped halfway: its rollback journal (`-journal`) is still beside the
    /// file, and only a connection that may write can roll it back.
    HotJournal(PathBuf),
    /// The folder does not let SQLite create the `-wal`/`-shm` it needs beside the file.
    ReadOnlyFolder(PathBuf),
    /// The file itself cannot be written.
    ReadOnlyFile(PathBuf),
    Busy,
    /// Input the user can fix (bad value, unknown name, refused action).
    Invalid(Text),
    /// Several rows of an import were bad; nothing was written.
    Rows(Vec<Text>),
    /// An enrolment would go beyond a school's places or the project's capacity; nothing was
    /// written. The TUI asks for confirmation, the CLI needs `--over-capacity`.
    OverCapacity(Text),
    NotFound(Text),
    Db(Text),
    Io(Text),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().zh)
    }
}

impl Error {
    /// The message in `lang`, as the CLI prints it and the TUI shows it.
    pub fn text(&self, lang: Lang) -> String {
        self.message().get(lang).to_string()
    }

    /// The message in both languages.
    pub fn message(&self) -> Text {
        match self {
            Error::NotADatabase { path, detail } => {
                let p = path.display();
                pick(
                    format!("{p}：不是燎原数据库（{}）", detail.zh),
                    format!("{p}: not a Liaoyuan database ({})", detail.en),
                )
            }
            Error::TooNew {
                path,
                found,
                supported,
            } => {
                let p = path.display();
                pick(
                    format!(
                        "{p}：数据库版本 {found} 高于本程序支持的版本（{supported}），请升级燎原"
                    ),
                    format!(
                        "{p}: database version {found} is newer than this program understands \
                         ({supported}); please upgrade Liaoyuan"
                    ),
                )
            }
            Error::Missing(path) => {
                let p = path.display();
                pick(
                    format!("{p}：找不到数据库"),
                    format!("{p}: database not found"),
                )
            }
            Error::HotJournal(path) => hot_journal(path),
            Error::ReadOnlyFolder(path) => read_only_folder(path),
            Error::ReadOnlyFile(path) => read_only_file(path),
            Error::Busy => pick(
                "数据库正忙（另一个程序占用着它），请稍后再试",
                "the database is busy (another program holds a lock); try again in a moment",
            ),
            Error::Invalid(msg) | Error::Io(msg) | Error::OverCapacity(msg) => msg.clone(),
            Error::Rows(rows) => {
                let n = rows.len();
                let list = |lang| {
                    rows.iter()
                        .map(|r| r.get(lang))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                pick(
                    format!("发现 {n} 个问题，未写入任何数据：\n{}", list(Lang::Zh)),
                    format!("{n} problem(s) found, nothing written:\n{}", list(Lang::En)),
                )
            }
            Error::NotFound(what) => pick(
                format!("找不到{}", what.zh),
                format!("not found: {}", what.en),
            ),
            Error::Db(msg) => pick(
                format!("数据库出错：{}", msg.zh),
                format!("database error: {}", msg.en),
            ),
        }
    }
}

/// A rollback journal left by a writer stopped halfway.
fn hot_journal(path: &Path) -> Text {
    let p = path.display();
    pick(
        format!(
            "{p}：上次写入它的程序在写到一半时被终止了，未完成的修改还留在 {p}-journal 里，\
         只读打开无法撤销它。如果这是燎原数据库，请不加 --read-only 打开一次\
         （例如 liaoyuan --db {p}），SQLite 会先撤销那次未完成的修改；\
         不要删除 {p}-journal"
        ),
        format!(
            "{p}: the program that last wrote to it was stopped halfway, and its \
         unfinished change is still in {p}-journal, which a read-only open cannot \
         undo. If this is a Liaoyuan database, open it once without --read-only \
         (e.g. liaoyuan --db {p}) and SQLite first rolls the unfinished change \
         back; do not delete {p}-journal"
        ),
    )
}

/// A folder where SQLite cannot create its -wal and -shm files.
fn read_only_folder(path: &Path) -> Text {
    let p = path.display();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.display().to_string(),
        _ => ".".to_string(),
    };
    pick(
        format!(
            "{p}：所在的文件夹 {dir} 是只读的，SQLite 无法在数据库旁建立写入所需的 \
         -wal、-shm 文件。只查看请加 --read-only；要修改，请把数据库复制到可写的\
         文件夹，或请管理员开放这个文件夹的写权限"
        ),
        format!(
            "{p}: the folder {dir} is read-only, so SQLite cannot create the -wal and \
         -shm files it needs beside the database to write. To look only, add \
         --read-only; to make changes, copy the database to a writable folder or \
         ask for write access to this folder"
        ),
    )
}

/// A database file without write permission.
fn read_only_file(path: &Path) -> Text {
    let p = path.display();
    pick(
        format!(
            "{p}：这个文件是只读的（没有写权限）。只查看请加 --read-only；\
         要修改，请管理员开放这个文件的写权限"
        ),
        format!(
            "{p}: the file is read-only (no write permission). To look only, add \
         --read-only; to make changes, ask for write permission on the file"
        ),
    )
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            match f.code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => return Error::Busy,
                ErrorCode::NotADatabase => {
                    return Error::NotADatabase {
                        path: PathBuf::new(),
                        detail: pick("文件不是数据库", "file is not a database"),
                    }
                }
                ErrorCode::ReadOnly => {
                    return Error::Invalid(pick(
                        "数据库是只读的，这项修改没有保存",
                        "the database is read-only; this change was not saved",
                    ))
                }
                _ => {}
            }
        }
        if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = &e {
            if let Some(carried) = inner.downcast_ref::<CarriedText>() {
                return Error::Db(carried.0.clone());
            }
        }
        Error::Db(Text::plain(e.to_string()))
    }
}

/// A message in both languages carried through a rusqlite error (a stored value that cannot
/// be read, `store::decode`); `From<rusqlite::Error>` takes it back out.
#[derive(Debug)]
pub struct CarriedText(pub Text);

impl fmt::Display for CarriedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl std::error::Error for CarriedText {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(Text::plain(e.to_string()))
    }
}

impl Error {
    pub fn invalid(msg: impl Into<Text>) -> Self {
        Error::Invalid(msg.into())
    }
}

/// Runs `f` and turns a panic inside it into `None`, without the panic hook's output: for a
/// crate that panics on hostile input (calamine on some malformed workbooks) where the file is
/// then unreadable, not a crash. The TUI's hook, which would otherwise restore the terminal as
/// if the program were ending, and the process's hook (`install_quiet_hook`) stay silent.
pub fn catch_quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    let before = QUIET.with(|q| q.replace(true));
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
    QUIET.with(|q| q.set(before));
    out
}

/// True while this thread runs inside `catch_quietly` (panic hooks check it).
pub fn panicking_quietly() -> bool {
    QUIET.with(|q| q.get())
}

/// Wraps the process's panic hook so that panics caught by `catch_quietly` print nothing.
pub fn install_quiet_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !panicking_quietly() {
            previous(info);
        }
    }));
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_chinese_by_default() {
        // Tests never switch the process to English (crate::lang).
        assert_eq!(
            Error::NotFound("编号 7 的场次".into()).to_string(),
            "找不到编号 7 的场次"
        );
        let rows = Error::Rows(vec!["line 2: a".into(), "line 3: b".into()]);
        assert_eq!(
            rows.to_string(),
            "发现 2 个问题，未写入任何数据：\nline 2: a\nline 3: b"
        );
        let missing = Error::Missing(PathBuf::from("x.db")).to_string();
        assert_eq!(missing, "x.db：找不到数据库");
        assert!(Error::Busy.to_string().contains("数据库正忙"));
        assert_eq!(Error::invalid("原文").to_string(), "原文");
    }

    #[test]
    fn one_refusal_renders_in_chinese_and_english_in_parallel() {
        let e = Error::NotFound(pick("编号 7 的场次", "session 7"));
        std::thread::scope(|s| {
            let zh = s.spawn(|| e.text(Lang::Zh));
            let en = s.spawn(|| e.text(Lang::En));
            assert_eq!(zh.join().ok().as_deref(), Some("找不到编号 7 的场次"));
            assert_eq!(en.join().ok().as_deref(), Some("not found: session 7"));
        });
    }

    #[test]
    fn a_quiet_catch_turns_a_panic_into_none_and_ends_quiet() {
        assert_eq!(catch_quietly(|| 7), Some(7));
        let v: Vec<u8> = Vec::new();
        let index = v.len() + 3;
        assert_eq!(catch_quietly(|| v[index]), None);
        assert!(!panicking_quietly());
        assert_eq!(
            catch_quietly(|| catch_quietly(|| 1).map(|_| panicking_quietly())),
            Some(Some(true))
        );
        assert!(!panicking_quietly());
    }
}
