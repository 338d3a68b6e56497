//! The real binary in an 80×24 pseudo-terminal, its output parsed by vt100. Polls with a
//! generous timeout; nothing here measures time.

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

pub const PATIENCE: Duration = Duration::from_secs(30);

pub struct Term {
    pub parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    // Keep the master open as long as the terminal lives.
    _master: Box<dyn MasterPty + Send>,
}

/// Starts the real binary with `args` in an 80×24 pseudo-terminal, LIAOYUAN_NOW pinned to
/// `now`, TERM=xterm-256color, NO_COLOR and LIAOYUAN_DB removed, then `env` set, in `cwd`.
pub fn spawn(now: &str, args: &[&OsStr], env: &[(&str, &OsStr)], cwd: &Path) -> Term {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liaoyuan"));
    for a in args {
        cmd.arg(a);
    }
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
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    Term {
        parser: vt100::Parser::new(24, 80, 0),
        rx,
        writer,
        child,
        _master: pair.master,
    }
}

impl Term {
    /// Waits up to `wait` for output and feeds everything that arrived to the parser.
    pub fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.rx.recv_timeout(wait) {
            self.parser.process(&bytes);
            while let Ok(more) = self.rx.try_recv() {
                self.parser.process(&more);
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
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }
}
