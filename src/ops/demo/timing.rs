//! Per-stage timing of the demo generator: with `LIAOYUAN_DEMO_TIMING=1` in the
//! environment each stage prints its seconds to stderr (`demo: stage  1.23 s`), so a
//! slow stage can be found without a profiler. Off by default; never changes the data.

use std::time::{Duration, Instant};

/// The environment variable that turns the stage timings on.
pub const ENV: &str = "LIAOYUAN_DEMO_TIMING";

/// A stopwatch that reports laps when the environment asks for them.
pub struct Timing {
    on: bool,
    last: Instant,
    started: Instant,
    /// Time summed per named part over many calls (the per-project loop).
    sums: Vec<(&'static str, Duration)>,
}

impl Timing {
    pub fn from_env() -> Timing {
        let on = std::env::var_os(ENV).is_some_and(|v| !v.is_empty() && v != "0");
        let now = Instant::now();
        Timing {
            on,
            last: now,
            started: now,
            sums: Vec::new(),
        }
    }

    /// Ends the stage `what` (the time since the previous lap) and reports it.
    pub fn lap(&mut self, what: &str) {
        if !self.on {
            return;
        }
        let now = Instant::now();
        let secs = (now - self.last).as_secs_f64();
        self.last = now;
        eprintln!("demo: {what:<28} {secs:7.2} s");
    }

    /// Adds the time since the previous lap to the part `what` without reporting it
    /// (reported by `report_sums`).
    pub fn add(&mut self, what: &'static str) {
        if !self.on {
            return;
        }
        let now = Instant::now();
        let spent = now - self.last;
        self.last = now;
        match self.sums.iter_mut().find(|(w, _)| *w == what) {
            Some((_, d)) => *d += spent,
            None => self.sums.push((what, spent)),
        }
    }

    /// Reports and clears the summed parts.
    pub fn report_sums(&mut self) {
        for (what, d) in self.sums.drain(..) {
            if self.on {
                eprintln!("demo: {what:<28} {:7.2} s", d.as_secs_f64());
            }
        }
        self.last = Instant::now();
    }

    /// Reports the time since the stopwatch started.
    pub fn total(&self, what: &str) {
        if self.on {
            let secs = self.started.elapsed().as_secs_f64();
            eprintln!("demo: {what:<28} {secs:7.2} s");
        }
    }
}
