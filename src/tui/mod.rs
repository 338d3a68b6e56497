//! The terminal user interface (docs/rules.md §7). See `screen.rs` for how to add a screen and
//! `app/` for the router (state, input, and `update`, the only writer).

pub mod action;
pub mod app;
pub mod backend;
pub mod chrome;
pub mod colors;
pub mod commands;
pub mod ending;
pub mod escapes;
pub mod i18n;
pub mod idle;
pub mod index_loader;
pub mod keymap;
pub mod outcome;
pub mod overlays;
pub mod screen;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod widgets;
pub mod write;
mod write_after;
mod write_starlight;
mod write_tiers;

pub use app::{App, Options};

use crate::error::Result;
use crate::store::Db;
use std::time::{Duration, Instant};

/// How long the loop waits for a key before a tick (toasts, other processes' commits).
pub const TICK: Duration = Duration::from_millis(250);

/// True when the `NO_COLOR` convention asks for no colours (set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Runs the TUI on `db` until the user quits, a signal (SIGTERM, SIGHUP, SIGINT) asks it to
/// end, or its terminal goes away. The terminal is restored on every exit path, including
/// errors and panics, and the database is checkpointed and closed.
pub fn run(db: Db, opts: Options) -> Result<()> {
    // Checkpoints run on the idle tick, not inside the desk's commits (see `idle`).
    db.defer_checkpoints()?;
    let mut app = App::start(db, &opts, crate::clock::now())?;
    let ending = ending::Ending::start()?;
    let mut term = terminal::Session::start()?;
    let result = event_loop(&mut app, &mut term, &ending);
    drop(ending);
    term.stop();
    let _ = app.shared.db.checkpoint();
    drop(app);
    result
}

/// While the index builds in the background, look for it this often.
const LOADING_POLL: Duration = Duration::from_millis(20);

fn event_loop(app: &mut App, term: &mut terminal::Session, ending: &ending::Ending) -> Result<()> {
    use crossterm::event;
    let mut last_tick = Instant::now();
    let mut checkpoints = idle::Checkpoints::new(last_tick);
    while !app.should_quit() && !ending.should_end() {
        if let Err(e) = term.draw(|f| app.draw(f)) {
            // Drawing fails when the terminal went away: that is an end, not an error.
            return if ending.terminal_gone() {
                Ok(())
            } else {
                Err(e)
            };
        }
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
        match ending.wait(wait) {
            ending::Wake::End => break,
            ending::Wake::Nothing => {}
            ending::Wake::Input => {
                checkpoints.input(Instant::now());
                app.set_now(crate::clock::now());
                // Take every event already waiting before drawing again (fast typing,
                // pastes). crossterm is only asked while the terminal is alive: on a hung-up
                // terminal it would read end-of-file forever (see `ending`).
                while !app.should_quit() && ending.input_safe() && event::poll(Duration::ZERO)? {
                    let event = event::read()?;
                    if ending.should_end() {
                        // Not a key: the watchdog's stand-in for a dead terminal.
                        break;
                    }
                    app.handle_event(event);
                }
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
