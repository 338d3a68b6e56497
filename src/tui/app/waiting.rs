//! Writes that wait for another computer's write lock, visibly, without freezing the desk.
//!
//! Another process (a second desk, a CLI check-in, an import) may hold the database's write
//! lock when the desk writes. The TUI's connection gives up on the lock after
//! [`BUSY_ATTEMPT`] (not the 5 s of `Db::open`, which froze the desk), and the write goes on a
//! queue instead of failing: every tick (≈250 ms) the loop tries the queue again, oldest
//! first, each try waiting at most [`BUSY_ATTEMPT`], so keys keep working between tries.
//! Meanwhile the status bar shows a spinner and "另一台电脑正在写入…"; Esc cancels what waits.
//! A write that fails for the lock has written nothing (one transaction per intent), so
//! trying it again cannot write it twice. Each waiting write keeps the "now" of its key press:
//! a check-in that lands late is still recorded at the time the teacher came.
//!
//! Each write remembers the screen that asked; its outcome (`outcome::Written`) goes back to
//! that screen whenever it comes: `Waiting` when the lock keeps it out, then `Done` or
//! `Refused` when a tick gets it through, or `Cancelled` on Esc.
//!
//! Why the tick and not a writer thread: the connection is the App's (screens read through
//! it between writes); a thread would need its own connection, for a wait that is usually a
//! few milliseconds.

use super::App;
use crate::error::Error;
use crate::tui::action::Intent;
use crate::tui::i18n::{self, Msg};
use crate::tui::outcome::Written;
use crate::tui::write;
use chrono::NaiveDateTime;
use std::collections::VecDeque;
use std::time::Duration;

/// How long one try waits for another process's write lock.
pub const BUSY_ATTEMPT: Duration = Duration::from_millis(50);

const SPINNER: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

const WAITING: Msg = Msg::new(
    "{} 另一台电脑正在写入…已等 {} 秒，Esc 取消",
    "{} another computer is writing… {} s, Esc cancels",
);
const WAITING_MANY: Msg = Msg::new(
    "{} 另一台电脑正在写入…{} 项待写入，已等 {} 秒，Esc 取消",
    "{} another computer is writing… {} waiting, {} s, Esc cancels",
);
const CANCELLED: Msg = Msg::new(
    "已取消 {} 项未写入的修改",
    "Cancelled {} change(s) not yet written",
);
pub(super) const QUIT_WAITING: Msg = Msg::new(
    "还有 {} 项修改在等待写入（另一台电脑正在写入），仍要退出？",
    "{} change(s) still wait to be written (another computer is writing); quit anyway?",
);

/// A write the lock kept out, with the time of the key press that asked for it.
#[derive(Debug, Clone)]
struct Waiting {
    intent: Intent,
    reason: Option<String>,
    now: NaiveDateTime,
    /// The screen that asked: the tab shown when the write was asked for (overlays and
    /// palette commands run over it). Its outcome goes there.
    origin: usize,
}

/// The writes waiting for the lock, oldest first, and how many ticks they have waited.
#[derive(Debug, Default)]
pub struct WaitingWrites {
    queue: VecDeque<Waiting>,
    ticks: u32,
}

impl App {
    /// Writes `intent` now, or queues it behind the writes already waiting or when another
    /// process holds the write lock.
    pub(super) fn write(&mut self, intent: Intent, reason: Option<String>) {
        let origin = self.active;
        if self.shared.db.read_only {
            let text = self.shared.ctx().t(i18n::READ_ONLY_REFUSED).to_string();
            self.set_toast(text.clone(), true);
            return self.tell(origin, &intent, Written::Refused(text));
        }
        let w = Waiting {
            intent,
            reason,
            now: self.shared.now,
            origin,
        };
        if !self.waiting.queue.is_empty() {
            self.tell(origin, &w.intent, Written::Waiting);
            self.waiting.queue.push_back(w);
            return;
        }
        if !self.try_write(&w) {
            self.waiting.ticks = 0;
            self.tell(origin, &w.intent, Written::Waiting);
            self.waiting.queue.push_back(w);
        }
    }

    /// Tells screen `origin` what became of its write `intent`.
    fn tell(&mut self, origin: usize, intent: &Intent, written: Written) {
        let ctx = self.shared.ctx();
        if let Some(screen) = self.screens.get_mut(origin) {
            screen.on_written(intent, &written, &ctx);
        }
    }

    /// One try; false when the lock kept it out (nothing was written).
    fn try_write(&mut self, w: &Waiting) -> bool {
        let lang = self.shared.lang;
        let stamp = crate::store::Stamp::new(w.now, self.shared.actor.clone());
        let outcome = write::execute(
            &mut self.shared.db,
            &w.intent,
            w.reason.as_deref(),
            &stamp,
            lang,
        );
        match outcome {
            Ok(done) => {
                if let Some(s) = done.settings {
                    self.shared.settings = s;
                }
                for id in done.teachers_changed {
                    self.upsert_teacher(id);
                }
                // Neither `data_version` nor the index fingerprint is reset here: our own
                // commit does not change data_version, and resetting either could hide another
                // process's commit made since the last tick.
                if let Some(text) = done.message {
                    self.set_toast(text, false);
                }
                self.data_changed();
                let open = w.intent.opens_when_done(&done.changed);
                self.tell(w.origin, &w.intent, Written::Done(done.changed));
                if let Some(target) = open {
                    self.open(target);
                }
                true
            }
            Err(Error::Busy) => false,
            Err(Error::OverCapacity(text)) if w.intent.exceeding_places().is_some() => {
                let facts = text.get(self.shared.lang).to_string();
                let question = self
                    .shared
                    .ctx()
                    .tf(i18n::PJ_CONFIRM_OVER_CAPACITY, &[&facts]);
                if let Some(then) = w.intent.exceeding_places() {
                    self.overlay = Some(crate::tui::overlays::Overlay::Confirm(
                        crate::tui::overlays::dialog::Confirm {
                            question,
                            then: crate::tui::action::Action::write(then),
                        },
                    ));
                }
                self.tell(w.origin, &w.intent, Written::Refused(facts));
                true
            }
            Err(e) => {
                let why = e.text(self.shared.lang);
                let text = self.shared.ctx().tf(i18n::ERROR_PREFIX, &[&why]);
                self.set_toast(text, true);
                self.tell(w.origin, &w.intent, Written::Refused(why));
                true
            }
        }
    }

    /// On the tick: tries the waiting writes again, oldest first, until one is kept out.
    pub(super) fn retry_waiting_writes(&mut self) {
        if self.waiting.queue.is_empty() {
            return;
        }
        self.waiting.ticks = self.waiting.ticks.saturating_add(1);
        while let Some(w) = self.waiting.queue.pop_front() {
            if !self.try_write(&w) {
                self.waiting.queue.push_front(w);
                return;
            }
        }
    }

    /// Esc while writes wait: forgets them (nothing of them was written).
    pub(super) fn cancel_waiting_writes(&mut self) {
        let cancelled: Vec<Waiting> = self.waiting.queue.drain(..).collect();
        let n = cancelled.len();
        for w in cancelled {
            self.tell(w.origin, &w.intent, Written::Cancelled);
        }
        let text = self.shared.ctx().tf(CANCELLED, &[&n]);
        self.set_toast(text, true);
    }

    /// How many writes wait for another process's write lock.
    pub fn waiting_writes(&self) -> usize {
        self.waiting.queue.len()
    }

    /// The status bar's line while writes wait: spinner, what happens, how long, Esc.
    pub(super) fn waiting_line(&self) -> Option<String> {
        let n = self.waiting.queue.len();
        if n == 0 {
            return None;
        }
        let ticks = self.waiting.ticks as usize;
        let spin = SPINNER[ticks % SPINNER.len()];
        let seconds = (ticks as u128 * crate::tui::TICK.as_millis() / 1000) as u64;
        let ctx = self.shared.ctx();
        Some(if n == 1 {
            ctx.tf(WAITING, &[&spin, &seconds])
        } else {
            ctx.tf(WAITING_MANY, &[&spin, &n, &seconds])
        })
    }
}
