//! `liaoyuan check`.
use super::args::Lang;
use crate::error::Result;
use std::path::Path;

pub fn run(_path: &Path, _lang: Lang) -> Result<()> {
    Err(crate::Error::invalid("not available yet"))
}
