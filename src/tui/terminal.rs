//! Terminal setup and restoration: raw mode, alternate screen, mouse reports; a panic hook and
//! `Drop` restore the terminal so that a message is never lost in the alternate screen.
//!
//! The mouse reports clicks and the wheel only. crossterm's `EnableMouseCapture` also turns on
//! motion tracking (modes 1002 and 1003): every move of the mouse then sends a report (about
//! 50 bytes each over SSH) that nothing here uses. So the modes are set here: 1000 (a report
//! for a button press or release; the wheel is buttons 4 and 5) in the SGR encoding (1006).

use super::backend::CompactBackend;
use crate::error::{Error, Result};
use crate::lang::pick;
use crossterm::execute;
use crossterm::style::Print;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::{Backend, ClearType};
use ratatui::{Frame, Terminal};
use std::io::{stdout, Stdout, Write};

pub struct Session {
    terminal: Terminal<CompactBackend<Stdout>>,
    active: bool,
}

/// Mouse reports for button presses and releases (clicks, the wheel), SGR-encoded.
pub const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
/// Undoes `MOUSE_ON`.
pub const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";

/// Puts the terminal back: leaves the alternate screen, mouse reports and raw mode.
pub fn restore() {
    let _ = execute!(
        stdout(),
        Print(MOUSE_OFF),
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // a panic caught on purpose (error::catch_quietly) does not end the TUI
        if crate::error::panicking_quietly() {
            return;
        }
        restore();
        previous(info);
    }));
}

impl Session {
    pub fn start() -> Result<Session> {
        enable_raw_mode().map_err(|e| {
            Error::Io(pick(
                format!("无法使用这个终端：{e}"),
                format!("cannot use this terminal: {e}"),
            ))
        })?;
        install_panic_hook();
        if let Err(e) = execute!(stdout(), EnterAlternateScreen, Print(MOUSE_ON)) {
            restore();
            return Err(Error::Io(pick(
                format!("无法使用这个终端：{e}"),
                format!("cannot use this terminal: {e}"),
            )));
        }
        // Cleared once at its size, the screen is known to the backend (which then writes
        // each frame's changes with erases and the cells between them).
        let started = Terminal::new(CompactBackend::new(stdout())).and_then(|mut t| {
            t.backend_mut().clear_region(ClearType::All)?;
            Ok(t)
        });
        match started {
            Ok(terminal) => Ok(Session {
                terminal,
                active: true,
            }),
            Err(e) => {
                restore();
                Err(Error::Io(pick(
                    format!("无法使用这个终端：{e}"),
                    format!("cannot use this terminal: {e}"),
                )))
            }
        }
    }

    pub fn draw(&mut self, f: impl FnOnce(&mut Frame)) -> Result<()> {
        draw(&mut self.terminal, f)?;
        Ok(())
    }

    pub fn stop(&mut self) {
        if self.active {
            self.active = false;
            restore();
        }
    }
}

/// Draws a frame with `f` and hands the backend a copy of the whole frame before ratatui
/// flushes its changes (see `backend::FrameCopy`). The app's frames go through here, and so
/// do the tests' and the benchmark's that count what the terminal receives.
pub fn draw<W: Write>(
    terminal: &mut Terminal<CompactBackend<W>>,
    f: impl FnOnce(&mut Frame),
) -> std::io::Result<()> {
    let copy = terminal.backend().frame_copy();
    terminal.draw(|frame| {
        f(frame);
        copy.keep(frame.buffer_mut());
    })?;
    Ok(())
}

impl Drop for Session {
    fn drop(&mut self) {
        self.stop();
    }
}
