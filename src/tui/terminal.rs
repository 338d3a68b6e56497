//! Terminal setup and restoration: raw mode, alternate screen, mouse capture; a panic hook and
//! `Drop` restore the terminal so that a message is never lost in the alternate screen.

use super::backend::CompactBackend;
use crate::error::{Error, Result};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::{Frame, Terminal};
use std::io::{stdout, Stdout};

pub struct Session {
    terminal: Terminal<CompactBackend<Stdout>>,
    active: bool,
}

/// Puts the terminal back: leaves the alternate screen, mouse capture and raw mode.
pub fn restore() {
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
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
        enable_raw_mode().map_err(|e| Error::Io(format!("cannot use this terminal: {e}")))?;
        install_panic_hook();
        if let Err(e) = execute!(stdout(), EnterAlternateScreen, EnableMouseCapture) {
            restore();
            return Err(Error::Io(format!("cannot use this terminal: {e}")));
        }
        match Terminal::new(CompactBackend::new(stdout())) {
            Ok(terminal) => Ok(Session {
                terminal,
                active: true,
            }),
            Err(e) => {
                restore();
                Err(Error::Io(format!("cannot use this terminal: {e}")))
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
