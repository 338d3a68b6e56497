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
use ratatui::{Frame, Terminal};
use std::io::{stdout, Stdout};

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
        match Terminal::new(CompactBackend::new(stdout())) {
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
        self.terminal.draw(f)?;
        Ok(())
    }

    pub fn stop(&mut self) {
        if self.active {
            self.active = false;
            restore();
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.stop();
    }
}
