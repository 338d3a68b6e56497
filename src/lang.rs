//! The language of messages built outside the TUI's own string table: refusals
//! and errors from `ops`/`store` that reach the TUI's status bar or the CLI's
//! stderr. Set once at start-up from `--lang` (Simplified Chinese by default).
//!
//! Build a message with both texts: `Error::invalid(lang::pick(format!("…中文…"),
//! format!("…English…")))`. The TUI and the CLI then show it in the user's language.

use std::sync::atomic::{AtomicBool, Ordering};

static ENGLISH: AtomicBool = AtomicBool::new(false);

/// Chooses the language of messages for the rest of the process.
pub fn set_english(english: bool) {
    ENGLISH.store(english, Ordering::Relaxed);
}

/// True when messages are in English (`--lang en`).
pub fn is_english() -> bool {
    ENGLISH.load(Ordering::Relaxed)
}

/// The text in the process's language.
pub fn pick(zh: impl Into<String>, en: impl Into<String>) -> String {
    if is_english() {
        en.into()
    } else {
        zh.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_by_default() {
        // Tests never switch the process to English, so the default shows here.
        assert_eq!(pick("否决", "veto"), "否决");
    }
}
