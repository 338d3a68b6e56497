//! Watching a process from outside through /proc (Linux): its CPU time while it lives, its
//! children, and whether it is gone.

use std::time::Duration;

/// CPU time (user + system) `pid` has used, or None once it has ended (gone or a zombie).
pub fn cpu_time(pid: libc::pid_t) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    if fields.first() == Some(&"Z") || fields.first() == Some(&"X") {
        return None;
    }
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // SAFETY: sysconf has no preconditions.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Some(Duration::from_micros(ticks * 1_000_000 / per_second))
}

/// The process ids of `pid`'s children.
pub fn children(pid: libc::pid_t) -> Vec<libc::pid_t> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect()
}

/// Kills `pid` with SIGKILL when dropped, unless it has ended: a failing test leaves no
/// spinning process behind.
pub struct KillOnDrop(pub libc::pid_t);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if cpu_time(self.0).is_some() {
            // SAFETY: a signal to a process this test started.
            unsafe { libc::kill(self.0, libc::SIGKILL) };
        }
    }
}
