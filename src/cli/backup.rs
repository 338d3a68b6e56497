//! `liaoyuan backup DEST`.
use super::args::{BackupArgs, Lang};
use crate::error::Result;
use std::path::Path;

pub fn run(_path: &Path, _lang: Lang, _args: &BackupArgs) -> Result<()> {
    Err(crate::Error::invalid("not available yet"))
}
