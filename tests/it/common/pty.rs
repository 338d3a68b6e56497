//! The real binary in an 80×24 pseudo-terminal, its output parsed by vt100. Polls with a
//! generous timeout; nothing here measures time.
//!
//! The terminal's side is one descriptor of the pty master (plus portable-pty's own), read by
//! a thread that polls so that it can let go of it: `hang_up` closes every master descriptor,
//! which is what an SSH link that drops or `tmux kill-session` does to the program.

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::ffi::OsStr;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub const PATIENCE: Duration = Duration::from_secs(30);

pub struct Term {
    pub parser: vt100::Parser,
    /// Every byte the program wrote so far, as it came.
    pub raw: Vec<u8>,
    rx: Receiver<Vec<u8>>,
    /// Our descriptor of the master: keys are written to it, output read from it.
    io: Option<Arc<File>>,
    reader: Option<(Arc<AtomicBool>, JoinHandle<()>)>,
    pub child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
}

/// Starts the real binary with `args` in an 80×24 pseudo-terminal, LIAOYUAN_NOW pinned to
/// `now`, TERM=xterm-256color, NO_COLOR and LIAOYUAN_DB removed, then `env` set, in `cwd`.
/// The program is the session leader, so closing the terminal also sends it SIGHUP.
pub fn spawn(now: &str, args: &[&OsStr], env: &[(&str, &OsStr)], cwd: &Path) -> Term {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liaoyuan"));
    for a in args {
        cmd.arg(a);
    }
    spawn_command(cmd, now, env, cwd)
}

/// Like `spawn`, but the program runs under `sh`, which leads the session and ignores SIGHUP:
/// when the terminal closes, the kernel's SIGHUP goes to `sh` alone (which stays), so the
/// program gets no signal and sees only that its terminal hung up. The program's pid is the
/// shell's child (`procs::children`).
pub fn spawn_under_shell(now: &str, args: &[&OsStr], env: &[(&str, &OsStr)], cwd: &Path) -> Term {
    let mut cmd = CommandBuilder::new("sh");
    // A second command keeps `sh` from replacing itself with the program.
    cmd.args(["-c", "trap '' HUP; \"$0\" \"$@\"; exit $?"]);
    cmd.arg(env!("CARGO_BIN_EXE_liaoyuan"));
    for a in args {
        cmd.arg(a);
    }
    spawn_command(cmd, now, env, cwd)
}

fn spawn_command(mut cmd: CommandBuilder, now: &str, env: &[(&str, &OsStr)], cwd: &Path) -> Term {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    cmd.env("LIAOYUAN_NOW", now);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("LIAOYUAN_DB");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.cwd(cwd);
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let master_fd = pair.master.as_raw_fd().unwrap();
    // SAFETY: dup of a descriptor we own; the File owns the copy (close-on-exec set below).
    let io = unsafe {
        let fd = libc::fcntl(master_fd, libc::F_DUPFD_CLOEXEC, 3);
        assert!(fd >= 0, "dup of the pty master");
        Arc::new(File::from_raw_fd(fd))
    };
    let (tx, rx) = channel();
    let stop = Arc::new(AtomicBool::new(false));
    let thread = {
        let (io, stop) = (Arc::clone(&io), Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(Ordering::Relaxed) {
                if !readable(&io, 50) {
                    continue;
                }
                match (&*io).read(&mut buf) {
                    Ok(n) if n > 0 && tx.send(buf[..n].to_vec()).is_ok() => {}
                    _ => break,
                }
            }
        })
    };
    Term {
        parser: vt100::Parser::new(24, 80, 0),
        raw: Vec::new(),
        rx,
        io: Some(io),
        reader: Some((stop, thread)),
        child,
        master: Some(pair.master),
    }
}

/// Waits up to `ms` for `f` to have something to read (or to be at its end).
fn readable(f: &File, ms: i32) -> bool {
    let mut p = libc::pollfd {
        fd: f.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd.
    unsafe { libc::poll(&mut p, 1, ms) > 0 }
}

impl Term {
    /// Waits up to `wait` for output and feeds everything that arrived to the parser.
    pub fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.rx.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
            while let Ok(more) = self.rx.try_recv() {
                self.parser.process(&more);
                self.raw.extend_from_slice(&more);
            }
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen satisfies `ok`; panics with the screen after PATIENCE.
    pub fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            if ok(&self.screen()) {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {what}; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let io = self.io.as_ref().expect("the terminal is still open");
        (&**io).write_all(bytes).unwrap();
    }

    /// The program's process id (with `spawn_under_shell`, the shell's).
    pub fn pid(&self) -> libc::pid_t {
        self.child.process_id().expect("the child's process id") as libc::pid_t
    }

    /// The terminal's settings as the program left them (shared by both ends of the pty).
    pub fn termios(&self) -> libc::termios {
        let io = self.io.as_ref().expect("the terminal is still open");
        // SAFETY: tcgetattr fills the zeroed struct; the descriptor is open.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            assert_eq!(libc::tcgetattr(io.as_raw_fd(), &mut t), 0);
            t
        }
    }

    /// Closes the terminal: every descriptor of the master, as a dropped SSH link does.
    pub fn hang_up(&mut self) {
        self.stop_reading();
        self.io = None;
        self.master = None;
    }

    fn stop_reading(&mut self) {
        if let Some((stop, thread)) = self.reader.take() {
            stop.store(true, Ordering::Relaxed);
            let _ = thread.join();
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        self.stop_reading();
    }
}
