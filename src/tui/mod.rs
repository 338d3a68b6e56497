//! The terminal user interface (DESIGN.md §7). See `screen.rs` for how to add a screen and
//! `app/` for the router (state, input, and `update`, the only writer).

pub mod action;
pub mod app;
pub mod backend;
pub mod chrome;
pub mod commands;
pub mod escapes;
pub mod i18n;
pub mod idle;
pub mod index_loader;
pub mod keymap;
pub mod overlays;
pub mod screen;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod widgets;
pub mod write;

pub use app::{App, Options};

use crate::error::Result;
use crate::store::Db;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long the loop waits for a key before a tick (toasts, other processes' commits).
pub const TICK: Duration = Duration::from_millis(250);

/// True when the `NO_COLOR` convention asks for no colours (set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Runs the TUI on `db` until the user quits. The terminal is restored on every exit path,
/// including errors and panics.
pub fn run(db: Db, opts: Options) -> Result<()> {
    // Checkpoints run on the idle tick, not inside the desk's commits (see `idle`).
    db.defer_checkpoints()?;
    let mut app = App::start(db, &opts, crate::clock::now())?;
    let stop = stop_on_signals();
    let mut term = terminal::Session::start()?;
    let result = event_loop(&mut app, &mut term, &stop);
    term.stop();
    let _ = app.shared.db.checkpoint();
    result
}

/// While the index builds in the background, look for it this often.
const LOADING_POLL: Duration = Duration::from_millis(20);

/// Set when the process is asked to end (SIGTERM, or SIGHUP when an SSH link drops): the
/// loop then ends normally, so the terminal is restored and the WAL checkpointed. Every change
/// is already committed, so nothing is lost.
fn stop_on_signals() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        // Without the handler the signal keeps its default (ending the process at once).
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
    stop
}

fn event_loop(app: &mut App, term: &mut terminal::Session, stop: &AtomicBool) -> Result<()> {
    use crossterm::event;
    let mut last_tick = Instant::now();
    let mut checkpoints = idle::Checkpoints::new(last_tick);
    while !app.should_quit() && !stop.load(Ordering::Relaxed) {
        term.draw(|f| app.draw(f))?;
        // The first frame is drawn before any screen loads. The search index comes first (it
        // makes lookups possible); then the active screen loads and the frame is drawn again.
        if app.poll_background() || (!app.is_loading() && app.refresh()) {
            continue;
        }
        let wait = if app.is_loading() {
            LOADING_POLL
        } else {
            TICK.saturating_sub(last_tick.elapsed())
        };
        if event::poll(wait)? {
            checkpoints.input(Instant::now());
            app.set_now(crate::clock::now());
            app.handle_event(event::read()?);
            // Take every event already waiting before drawing again (fast typing, pastes).
            while !app.should_quit() && event::poll(Duration::ZERO)? {
                app.handle_event(event::read()?);
            }
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            app.set_now(crate::clock::now());
            app.tick();
            checkpoints.tick(&app.shared.db, last_tick);
        }
    }
    Ok(())
}
