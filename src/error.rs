//! One error type whose messages a coordinator can act on.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file exists but is not a Liaoyuan/SQLite database.
    #[error("{path}: not a Liaoyuan database ({detail})")]
    NotADatabase { path: PathBuf, detail: String },
    /// The database was written by a newer Liaoyuan.
    #[error("{path}: database version {found} is newer than this program understands ({supported}); please upgrade Liaoyuan")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{0}: database not found")]
    Missing(PathBuf),
    #[error("the database is busy (another program holds a lock); try again in a moment")]
    Busy,
    /// Input the user can fix (bad value, unknown name, refused action).
    #[error("{0}")]
    Invalid(String),
    /// Several rows of an import were bad; nothing was written.
    #[error("{} problem(s) found, nothing written:\n{}", .0.len(), .0.join("\n"))]
    Rows(Vec<String>),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("database error: {0}")]
    Db(String),
    #[error("{0}")]
    Io(String),
}

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
                        detail: "file is not a database".into(),
                    }
                }
                ErrorCode::ReadOnly => {
                    return Error::Invalid(
                        "the database is read-only; this change was not saved".into(),
                    )
                }
                _ => {}
            }
        }
        Error::Db(e.to_string())
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e.to_string())
    }
}

impl Error {
    pub fn invalid(msg: impl Into<String>) -> Self {
        Error::Invalid(msg.into())
    }
}
