//! How the TUI learns that it must end — a signal, or its terminal gone — and why it cannot
//! miss it.
//!
//! When the terminal goes away under a running TUI (an SSH link drops, `tmux kill-session`),
//! the kernel hangs it up: from then on every read of it returns end-of-file at once, and
//! `poll` reports POLLHUP. crossterm 0.29 reads the terminal (its mio event source,
//! `event/source/unix/mio.rs`, `try_read`) in an inner loop that is left only when a read
//! yields an event or fails with `WouldBlock`. A read returning 0 (end of file) or failing
//! with EIO does neither, so the loop reads again, forever: `event::poll`/`event::read` never
//! return, the process spins on `read(0)` and never looks at the flag its SIGTERM/SIGHUP
//! handlers set. (Its timeout is not checked inside that loop either.) So:
//!
//! 1. The loop waits in its own `poll(2)` on the terminal (descriptor 0) and on a pipe that
//!    the signal handlers write to ([`Ending::wait`]); crossterm is asked for events only when
//!    the terminal has input and has not hung up ([`Ending::input_safe`]). SIGTERM, SIGHUP
//!    and SIGINT end the loop; SIGWINCH only wakes it to redraw at the new size.
//! 2. A watchdog thread covers the one case the loop cannot see: crossterm already inside
//!    that read loop when the hang-up comes (waiting for the rest of a paste or of an escape
//!    sequence). Once the terminal has hung up, it puts a pipe holding a few bytes on
//!    descriptor 0, where crossterm reads: the spinning loop reads them, returns an event, and
//!    the TUI loop, seeing the terminal gone, ends.
//!
//! Either way the loop ends normally: the terminal is restored where it still exists and the
//! database is checkpointed and closed.

use crate::error::{Error, Result};
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, IntoRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The terminal crossterm reads: stdin (made so by [`Ending::start`] when it was not).
const TTY: RawFd = 0;
/// How often the watchdog looks at the terminal.
const WATCH_EVERY: Duration = Duration::from_millis(50);
/// Fed to crossterm's reader in place of the dead terminal. Whatever the parser holds, these
/// make at least one event: the end of a bracketed paste, then plain NULs (Ctrl-Space).
const RESCUE_BYTES: &[u8] = b"\x1b[201~\0\0\0\0";

/// What ended a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// The terminal has input for crossterm.
    Input,
    /// The time ran out, or a resize: draw again.
    Nothing,
    /// A signal asked to end, or the terminal is gone.
    End,
}

#[derive(Default)]
struct Flags {
    /// SIGTERM, SIGHUP or SIGINT arrived.
    stop: Arc<AtomicBool>,
    /// The terminal hung up or failed.
    gone: AtomicBool,
    /// The loop has ended (the watchdog leaves).
    finished: AtomicBool,
}

/// Signals and the terminal's state, for the loop; the watchdog runs while it lives.
pub struct Ending {
    flags: Arc<Flags>,
    /// The read end of the pipe the signal handlers write to.
    wake: UnixStream,
    signals: Vec<signal_hook::SigId>,
}

fn io_error(e: std::io::Error) -> Error {
    Error::Io(crate::lang::pick(
        format!("无法使用这个终端：{e}"),
        format!("cannot use this terminal: {e}"),
    ))
}

impl Ending {
    /// Installs the signal handlers and starts the watchdog.
    pub fn start() -> Result<Ending> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
        terminal_on_stdin();
        let flags = Arc::new(Flags::default());
        let (wake, notify) = UnixStream::pair().map_err(io_error)?;
        wake.set_nonblocking(true).map_err(io_error)?;
        notify.set_nonblocking(true).map_err(io_error)?;
        let mut signals = Vec::new();
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGWINCH] {
            if signal != SIGWINCH {
                let id = signal_hook::flag::register(signal, Arc::clone(&flags.stop));
                signals.push(id.map_err(io_error)?);
            }
            let pipe = notify.try_clone().map_err(io_error)?;
            let id = signal_hook::low_level::pipe::register(signal, pipe);
            signals.push(id.map_err(io_error)?);
        }
        let watched = Arc::clone(&flags);
        std::thread::Builder::new()
            .name("terminal watchdog".into())
            .spawn(move || watch(&watched))
            .map_err(io_error)?;
        Ok(Ending {
            flags,
            wake,
            signals,
        })
    }

    /// True once a signal asked to end or the terminal is gone.
    pub fn should_end(&self) -> bool {
        self.flags.stop.load(Ordering::SeqCst) || self.flags.gone.load(Ordering::SeqCst)
    }

    /// True when the terminal is gone (not merely a signal).
    pub fn terminal_gone(&self) -> bool {
        self.flags.gone.load(Ordering::SeqCst) || {
            let hung = matches!(poll_tty(0, Duration::ZERO), Ok(r) if r & HUNG_UP != 0);
            if hung {
                self.flags.gone.store(true, Ordering::SeqCst);
            }
            hung
        }
    }

    /// Waits up to `timeout` for terminal input, a signal or the terminal's end.
    pub fn wait(&self, timeout: Duration) -> Wake {
        let mut fds = [
            pollfd(TTY, libc::POLLIN),
            pollfd(self.wake.as_raw_fd(), libc::POLLIN),
        ];
        // SAFETY: two valid pollfd structs.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, millis(timeout)) };
        if n > 0 && fds[1].revents != 0 {
            let mut sink = [0u8; 64];
            while matches!((&self.wake).read(&mut sink), Ok(n) if n > 0) {}
        }
        if n > 0 && fds[0].revents & HUNG_UP != 0 {
            self.flags.gone.store(true, Ordering::SeqCst);
        }
        if self.should_end() {
            Wake::End
        } else if n > 0 && fds[0].revents & libc::POLLIN != 0 {
            Wake::Input
        } else {
            Wake::Nothing
        }
    }

    /// True when crossterm may read the terminal now: nothing asked to end and the terminal
    /// has not hung up (crossterm would spin on a hung-up terminal).
    pub fn input_safe(&self) -> bool {
        !self.should_end() && !self.terminal_gone()
    }
}

impl Drop for Ending {
    fn drop(&mut self) {
        self.flags.finished.store(true, Ordering::SeqCst);
        for id in self.signals.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

const HUNG_UP: libc::c_short = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;

fn pollfd(fd: RawFd, events: libc::c_short) -> libc::pollfd {
    libc::pollfd {
        fd,
        events,
        revents: 0,
    }
}

fn millis(d: Duration) -> libc::c_int {
    d.as_millis().min(libc::c_int::MAX as u128) as libc::c_int
}

/// The terminal's poll events (`events` plus hang-up and errors, always reported).
fn poll_tty(events: libc::c_short, timeout: Duration) -> std::io::Result<libc::c_short> {
    let mut fd = pollfd(TTY, events);
    // SAFETY: one valid pollfd.
    match unsafe { libc::poll(&mut fd, 1, millis(timeout)) } {
        n if n < 0 => Err(std::io::Error::last_os_error()),
        _ => Ok(fd.revents),
    }
}

/// crossterm reads stdin when it is a terminal and its own `/dev/tty` otherwise; the rescue
/// needs to know where, so put `/dev/tty` on stdin when stdin is not a terminal. (When that
/// fails, starting the terminal fails with the reason.)
fn terminal_on_stdin() {
    // SAFETY: isatty and dup2 on descriptors; the opened file is closed after the dup.
    unsafe {
        if libc::isatty(TTY) == 1 {
            return;
        }
        if let Ok(tty) = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
        {
            libc::dup2(tty.as_raw_fd(), TTY);
        }
    }
}

/// The watchdog (see the module's comment): once the terminal has hung up, it gives crossterm
/// something else to read and is done; it also leaves when the loop has ended.
fn watch(flags: &Flags) {
    while !flags.finished.load(Ordering::SeqCst) {
        std::thread::sleep(WATCH_EVERY);
        if matches!(poll_tty(0, Duration::ZERO), Ok(r) if r & HUNG_UP != 0) {
            flags.gone.store(true, Ordering::SeqCst);
            feed_crossterm_instead_of_the_terminal();
            return;
        }
    }
}

/// Replaces the hung-up terminal on descriptor 0 with a pipe holding [`RESCUE_BYTES`], its
/// writing end closed: crossterm's next read gets an event instead of end-of-file.
fn feed_crossterm_instead_of_the_terminal() {
    let Ok((reader, mut writer)) = std::io::pipe() else {
        return;
    };
    if writer.write_all(RESCUE_BYTES).is_err() {
        return;
    }
    drop(writer);
    let fd = reader.into_raw_fd();
    // SAFETY: dup2 of a pipe we own onto descriptor 0 (atomic: a concurrent read of
    // descriptor 0 sees either the dead terminal or the pipe); then our copy is closed.
    unsafe {
        libc::dup2(fd, TTY);
        libc::close(fd);
    }
}
