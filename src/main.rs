// Enforced by CI (`cargo clippy --all-targets -- -D warnings`) for all non-test code; the
// threshold of too_many_lines (80) is in clippy.toml.
#![cfg_attr(
    not(test),
    warn(clippy::too_many_lines, clippy::unwrap_used, clippy::expect_used)
)]

use clap::Parser;
use liaoyuan::cli::{self, Cli};

fn main() {
    restore_default_sigpipe();
    liaoyuan::error::install_quiet_hook();
    let args = match Cli::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { cli::EXIT_USAGE } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    let lang = args.lang;
    // The one reading of the clock and the user for a command; the TUI reads the clock per
    // event itself.
    let stamp = liaoyuan::clock::stamp();
    let result = match &args.command {
        Some(command) => cli::run::run(&args, command, &stamp),
        None => start_tui(&args, &stamp),
    };
    let code = match result {
        Ok(()) => 0,
        Err(e) => {
            // Messages quote stored and user data: no control character reaches the terminal.
            let message = e.text(lang);
            eprintln!("liaoyuan: {}", liaoyuan::text::printable_lines(&message));
            cli::EXIT_ERROR
        }
    };
    std::process::exit(code);
}

/// Opens the database the arguments name and runs the TUI on it.
fn start_tui(args: &Cli, stamp: &liaoyuan::store::Stamp) -> liaoyuan::Result<()> {
    let db = cli::run::open_for_tui(args, stamp)?;
    let tui = liaoyuan::tui::Options {
        lang: args.lang,
        theme: args.theme.clone(),
        no_color: liaoyuan::tui::no_color(),
        colors: args
            .colors
            .map(Into::into)
            .unwrap_or_else(liaoyuan::tui::colors::ColorDepth::from_env),
        actor: stamp.actor.clone(),
    };
    liaoyuan::tui::run(db, tui)
}

/// Rust ignores SIGPIPE, so `println!` panics when stdout is a closed pipe
/// (`liaoyuan export vetoes | head`). Restore the default: the process ends
/// quietly like any other Unix tool when its reader goes away.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up before any thread exists; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
