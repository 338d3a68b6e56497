//! Reports tab (报表): the school report of a year (学校综合目标考核, docs/rules.md §4.5) — per
//! school sent vs places, attendance rate with a bar, vetoes, follow-up completion and credit
//! pace, sortable by column — with the district's credit-cycle gauge above it; and a year
//! calendar of sessions (`c`), beside the table when the terminal is wide enough; and the seven
//! plans' summary of the year (`p`, `plans.rs`).

mod credit_queue;
mod evidence;
mod keys;
mod plans;
mod short_list;
mod survey;
mod survey_view;
mod table;
mod targets;
mod view;

use crate::domain::credits::cycle_of;
use crate::domain::veto::{veto_year, veto_year_range};
use crate::error::Result;
use crate::search::keys::pinyin_keys;
use crate::store::district_charts::{self, CycleStanding};
use crate::store::reports::{self, SchoolReport};
use crate::tui::action::{Action, Target};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Move};
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::calendar;
use crate::tui::widgets::text_input::{SearchKey, TextInput};
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use keys::{Cmd, KEYS};
use ratatui::layout::Rect;
use ratatui::Frame;
use std::cmp::Ordering;
use table::Column;

/// Columns a side-by-side calendar needs (four months across and a gap).
const SIDE_CALENDAR: u16 = 4 * calendar::MONTH_WIDTH + 3 * calendar::GAP + 2;

#[derive(Default)]
pub struct ReportsScreen {
    /// The report's year (a veto year: settings may start it in another month); None until
    /// the first reload picks the current one.
    year: Option<i32>,
    rows: Vec<SchoolReport>,
    /// Each row's school name in pinyin (the Vetoes tab's sort key), for name order.
    pinyin: Vec<String>,
    shown: Vec<usize>,
    standing: CycleStanding,
    cycle_label: String,
    sessions: Vec<(NaiveDate, u32)>,
    sort: Option<Column>,
    descending: bool,
    /// The figure column Enter opens (←/→).
    figure: Column,
    /// The open evidence list of one figure.
    evidence: Option<evidence::EvidenceView>,
    calendar: bool,
    calendar_row: u16,
    /// `p`: the seven plans' summary of the year instead of the school report.
    plans: bool,
    plan_rows: Vec<crate::store::principals::PlanYear>,
    search: TextInput,
    typing: bool,
    cursor: usize,
    page: usize,
    /// Width of the table in the last frame (the township column shows from 120).
    width: u16,
    /// What the figures were loaded for: a reload with the same key reads nothing.
    loaded: Option<LoadKey>,
    /// The Targets view, when shown (`t`).
    targets: Option<targets::TargetsView>,
    /// The registrar's queue (`g`), shown instead of the school report while open.
    queue: Option<credit_queue::CreditQueue>,
    /// The teachers short of credits (`u`), shown instead of the school report while open.
    short: Option<short_list::ShortList>,
    /// The needs survey (`n`), shown instead of the school report while open.
    survey: Option<survey::SurveyView>,
}

/// The inputs of the figures: the year, the day, the settings, and the database's state —
/// `PRAGMA data_version` (commits by other connections) and this connection's change count.
#[derive(Debug, Clone, PartialEq)]
struct LoadKey {
    year: i32,
    today: NaiveDate,
    settings: crate::domain::Settings,
    data_version: i64,
    own_changes: u64,
}

/// Orders two optional figures, schools without a figure last.
fn by_figure(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => Ordering::Equal,
    }
}

/// The order of two schools by `col`.
pub fn compare(a: &SchoolReport, b: &SchoolReport, col: Column) -> Ordering {
    match col {
        Column::School => a.school.cmp(&b.school),
        Column::Township => a.township.cmp(&b.township),
        Column::Sent => a.teachers_sent.cmp(&b.teachers_sent),
        Column::Attendance => by_figure(a.attendance_rate(), b.attendance_rate()),
        Column::Vetoes => a.vetoed_teachers.cmp(&b.vetoed_teachers),
        Column::FollowUps => by_figure(a.follow_up_rate(), b.follow_up_rate()),
        Column::CreditsMet => by_figure(a.met_share(), b.met_share()),
        Column::CreditsBehind => by_figure(a.behind_share(), b.behind_share()),
    }
}

/// The figure column left or right of `now` (Sent, Attendance, Vetoes, Follow-ups).
fn next_figure(now: Column, forward: bool) -> Column {
    const FIGURES: [Column; 6] = [
        Column::Sent,
        Column::Attendance,
        Column::Vetoes,
        Column::FollowUps,
        Column::CreditsMet,
        Column::CreditsBehind,
    ];
    let i = FIGURES.iter().position(|c| *c == now).unwrap_or(0);
    let n = FIGURES.len();
    FIGURES[if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }]
}

impl ReportsScreen {
    pub fn new() -> Self {
        ReportsScreen {
            page: 10,
            figure: Column::Sent,
            ..Self::default()
        }
    }

    fn year(&self, ctx: &Ctx) -> i32 {
        self.year
            .unwrap_or_else(|| veto_year(ctx.today(), ctx.settings.veto_year_start_month))
    }

    fn selected_id(&self) -> Option<i64> {
        self.shown.get(self.cursor).map(|i| self.rows[*i].school_id)
    }

    /// Applies search and sort, keeping the selected school.
    fn arrange(&mut self) {
        let keep = self.selected_id();
        let needle = self.search.text().trim().to_lowercase();
        self.shown = (0..self.rows.len())
            .filter(|i| {
                let r = &self.rows[*i];
                needle.is_empty()
                    || r.school.to_lowercase().contains(&needle)
                    || r.township.to_lowercase().contains(&needle)
            })
            .collect();
        // Schools in pinyin order (as the Vetoes tab), not by code point, unless a figure
        // is sorted on; ties of a figure in name order too.
        let rows = &self.rows;
        let keys = &self.pinyin;
        let by_name = |a: &usize, b: &usize| {
            keys.get(*a)
                .cmp(&keys.get(*b))
                .then_with(|| rows[*a].school.cmp(&rows[*b].school))
        };
        let col = self.sort.unwrap_or(Column::School);
        let desc = self.descending && self.sort.is_some();
        self.shown.sort_by(|a, b| {
            let o = match col {
                Column::School => by_name(a, b),
                _ => compare(&rows[*a], &rows[*b], col),
            };
            let o = if desc { o.reverse() } else { o };
            o.then_with(|| by_name(a, b))
        });
        self.cursor = keep
            .and_then(|id| {
                self.shown
                    .iter()
                    .position(|i| self.rows[*i].school_id == id)
            })
            .unwrap_or(0);
    }

    fn load(&mut self, ctx: &Ctx) -> Result<()> {
        let s = ctx.settings;
        let year = self.year(ctx);
        self.year = Some(year);
        let key = LoadKey {
            year,
            today: ctx.today(),
            settings: s.clone(),
            data_version: crate::store::data_version(ctx.conn())?,
            own_changes: ctx.conn().total_changes(),
        };
        if self.loaded.as_ref() == Some(&key) {
            return Ok(());
        }
        self.loaded = None;
        let (from, to) = veto_year_range(year, s.veto_year_start_month);
        let cycle = cycle_of(to.min(ctx.today()).max(from), s);
        // Credit standing as of today (an ended cycle reads 达标 / 未达标), never before the year.
        let as_of = ctx.today().max(from);
        self.rows = reports::school_report(ctx.conn(), from, to, &cycle, as_of, s)?;
        self.pinyin = self.rows.iter().map(|r| pinyin_keys(&r.school).0).collect();
        self.plan_rows = crate::store::principals::plan_summary(ctx.conn(), Some(year))?;
        self.standing = district_charts::cycle_standing(ctx.conn(), &cycle, as_of, s)?;
        self.cycle_label = cycle.label();
        let (jan, dec) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        );
        self.sessions = match (jan, dec) {
            (Some(a), Some(b)) => district_charts::sessions_per_day(ctx.conn(), a, b)?,
            _ => Vec::new(),
        };
        self.arrange();
        // Registering a credit cycle on first use writes: read the count after the queries.
        self.loaded = Some(LoadKey {
            own_changes: ctx.conn().total_changes(),
            ..key
        });
        Ok(())
    }

    /// Shows the Targets view (`t`).
    fn open_targets(&mut self, ctx: &Ctx) -> Option<Action> {
        let mut view = targets::TargetsView::default();
        if let Err(e) = view.load(ctx) {
            return Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            ));
        }
        self.calendar = false;
        self.targets = Some(view);
        None
    }

    fn reloaded(&mut self, ctx: &Ctx) -> Option<Action> {
        self.load(ctx)
            .err()
            .map(|e| Action::Fail(ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)])))
    }
}

impl ReportsScreen {
    /// Opens the registrar's queue (`g`).
    fn open_queue(&mut self, ctx: &Ctx) -> Option<Action> {
        let mut q = credit_queue::CreditQueue::default();
        if let Err(e) = q.load(ctx) {
            return Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            ));
        }
        self.queue = Some(q);
        None
    }

    /// Opens the list of teachers short of credits (`u`).
    fn open_short_list(&mut self, ctx: &Ctx) -> Option<Action> {
        match short_list::ShortList::load(self.year(ctx), ctx) {
            Ok(s) => self.short = Some(s),
            Err(e) => {
                return Some(Action::Fail(
                    ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
                ))
            }
        }
        None
    }

    /// Opens the needs survey (`n`).
    fn open_survey(&mut self, ctx: &Ctx) -> Option<Action> {
        let mut v = survey::SurveyView::default();
        if let Err(e) = v.load(ctx) {
            return Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            ));
        }
        self.survey = Some(v);
        None
    }

    /// A key while the needs survey is open.
    fn survey_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let v = self.survey.as_mut()?;
        match v.handle_key(key, ctx) {
            Ok(survey::SurveyKey::Close) => {
                self.survey = None;
                None
            }
            Ok(survey::SurveyKey::Act(a)) => Some(a),
            Ok(survey::SurveyKey::Nothing) => None,
            Err(e) => Some(Action::Fail(
                ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
            )),
        }
    }

    /// A key while the queue or the short list is open.
    fn queue_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        if let Some(s) = &mut self.short {
            if s.handle_key(key) {
                self.short = None;
            }
            return None;
        }
        let q = self.queue.as_mut()?;
        match q.handle_key(key, ctx) {
            credit_queue::QueueKey::Close => {
                self.queue = None;
                None
            }
            credit_queue::QueueKey::Act(a) => Some(a),
            credit_queue::QueueKey::Nothing => None,
        }
    }

    /// `s`: sort by the next column (the township only where it is shown).
    fn next_sort(&mut self) {
        let wide = self.width >= 120;
        let all: Vec<Column> = Column::ALL
            .iter()
            .copied()
            .filter(|c| *c != Column::Township || wide)
            .collect();
        let next = match self.sort {
            None => Column::Sent,
            Some(c) => {
                let i = all.iter().position(|x| *x == c).unwrap_or(0);
                all[(i + 1) % all.len()]
            }
        };
        self.sort = Some(next);
        // Names read best A→Z; figures best first.
        self.descending = !matches!(next, Column::School | Column::Township);
        self.arrange();
    }
}

impl Screen for ReportsScreen {
    fn title(&self) -> Msg {
        i18n::TAB_REPORTS
    }

    fn help(&self) -> Vec<HelpEntry> {
        KEYS.help()
    }

    fn wants_text_input(&self) -> bool {
        self.typing
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        if let Some(ev) = &mut self.evidence {
            if ev.handle_key(&key) {
                self.evidence = None;
            }
            return None;
        }
        if self.typing {
            match self.search.search_key(&key) {
                SearchKey::Cleared { .. } | SearchKey::Done => self.typing = false,
                SearchKey::Edited => self.cursor = 0,
                // ↑/↓ are not keys of the box here (the list does not move while typing).
                SearchKey::Move(_) | SearchKey::Ignored => return None,
            }
            self.arrange();
            return None;
        }
        if self.survey.is_some() {
            return self.survey_key(key, ctx);
        }
        if self.queue.is_some() || self.short.is_some() {
            return self.queue_key(key, ctx);
        }
        let cmd = KEYS.lookup(&key)?;
        if let Some(view) = self.targets.as_mut() {
            if !view.handle(cmd) {
                self.targets = None;
            }
            return None;
        }
        match cmd {
            Cmd::Targets => return self.open_targets(ctx),
            Cmd::TargetsBy => {}
            Cmd::CreditQueue => return self.open_queue(ctx),
            Cmd::ShortList => return self.open_short_list(ctx),
            Cmd::Survey => return self.open_survey(ctx),
            Cmd::Move(m) if self.calendar => {
                self.calendar_row = match m {
                    Move::Up | Move::PageUp | Move::Top => self.calendar_row.saturating_sub(1),
                    _ => self.calendar_row + 1,
                };
            }
            Cmd::Move(m) => {
                self.cursor = keymap::apply_move(self.cursor, self.shown.len(), self.page, m)
            }
            Cmd::Search => self.typing = true,
            Cmd::PrevYear | Cmd::NextYear => {
                let step = if key.code == KeyCode::Char('[') {
                    -1
                } else {
                    1
                };
                self.year = Some(self.year(ctx) + step);
                return self.reloaded(ctx);
            }
            Cmd::Sort => self.next_sort(),
            Cmd::Reverse => {
                if self.sort.is_none() {
                    self.sort = Some(Column::School);
                }
                self.descending = !self.descending;
                self.arrange();
            }
            Cmd::Calendar => self.calendar = !self.calendar,
            Cmd::PrevFigure => self.figure = next_figure(self.figure, false),
            Cmd::NextFigure => self.figure = next_figure(self.figure, true),
            // The evidence is of the school table's figures: not over the plans or the calendar.
            Cmd::Evidence if self.plans || self.calendar => {}
            Cmd::Evidence => return self.open_evidence(ctx),
            Cmd::Plans => self.plans = !self.plans,
            Cmd::Back => {
                if self.search.is_empty() && !self.calendar && !self.plans {
                    return Some(Action::Back);
                }
                self.search.clear();
                self.calendar = false;
                self.plans = false;
                self.arrange();
            }
        }
        None
    }

    fn handle_mouse(&mut self, ev: MouseEvent, _area: Rect, _ctx: &Ctx) -> Option<Action> {
        let m = match ev.kind {
            MouseEventKind::ScrollDown => Move::Down,
            MouseEventKind::ScrollUp => Move::Up,
            _ => return None,
        };
        self.cursor = keymap::apply_move(self.cursor, self.shown.len(), self.page, m);
        None
    }

    fn open(&mut self, target: &Target, _ctx: &Ctx) -> bool {
        let Target::School(id) = target else {
            return false;
        };
        self.search.clear();
        self.typing = false;
        self.calendar = false;
        self.arrange();
        if let Some(pos) = self
            .shown
            .iter()
            .position(|i| self.rows[*i].school_id == *id)
        {
            self.cursor = pos;
        }
        true
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        if let Some(view) = self.targets.as_mut() {
            view.load(ctx)?;
        }
        if let Some(q) = &mut self.queue {
            q.load(ctx)?;
        }
        if self.short.is_some() {
            self.short = Some(short_list::ShortList::load(self.year(ctx), ctx)?);
        }
        if let Some(v) = &mut self.survey {
            v.load(ctx)?;
        }
        self.load(ctx)
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if area.height < 6 || area.width < 30 {
            return;
        }
        if let Some(view) = &self.targets {
            return view.render(frame, area, ctx);
        }
        if let Some(q) = &mut self.queue {
            return q.render(frame, area, ctx);
        }
        if let Some(s) = &mut self.short {
            return s.render(frame, area, ctx);
        }
        if let Some(v) = &mut self.survey {
            return v.render(frame, area, ctx);
        }
        if self.plans {
            let year = self.year(ctx);
            return plans::render(frame, area, ctx, year, &self.plan_rows);
        }
        if self.calendar {
            return self.render_calendar(frame, area, ctx);
        }
        if let Some(ev) = &mut self.evidence {
            return ev.render(frame, area, ctx);
        }
        if area.width >= 80 + SIDE_CALENDAR {
            let tw = area.width - SIDE_CALENDAR;
            self.render_table(frame, Rect { width: tw, ..area }, ctx);
            let cal = Rect {
                x: area.x + tw + 2,
                width: SIDE_CALENDAR - 2,
                ..area
            };
            self.render_calendar(frame, cal, ctx);
        } else {
            self.render_table(frame, area, ctx);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(name: &str, attended: i64, absent: i64) -> SchoolReport {
        let mut r = SchoolReport {
            school: name.into(),
            ..SchoolReport::default()
        };
        r.marks.add(crate::domain::Status::Present, attended);
        r.marks.add(crate::domain::Status::Absent, absent);
        r.attended = attended;
        r
    }

    #[test]
    fn reload_reads_again_only_after_a_commit_or_another_year() {
        let mut db = crate::store::Db::open_in_memory().unwrap();
        db.conn
            .execute_batch("INSERT INTO schools (id, name, stage) VALUES (1, '甲', 'primary')")
            .unwrap();
        let settings = crate::domain::Settings::default();
        let theme = crate::tui::theme::Theme::built_in("mono");
        let index = crate::search::Index::default();
        let now = crate::domain::parse_datetime("2026-06-01 08:00:00").unwrap();
        let mut screen = ReportsScreen::new();
        let teachers = |screen: &ReportsScreen| screen.rows[0].teachers;
        {
            let ctx = Ctx {
                db: &db,
                settings: &settings,
                lang: crate::tui::i18n::Lang::Zh,
                theme: &theme,
                now,
                actor: "tester",
                index: &index,
            };
            screen.reload(&ctx).unwrap();
            assert_eq!(teachers(&screen), 0);
            // A row that bypasses the counts shows the reload did not query.
            screen.rows[0].teachers = 7;
            screen.reload(&ctx).unwrap();
            assert_eq!(teachers(&screen), 7, "nothing changed: nothing read");
        }
        let tx = db.write(&crate::store::Stamp::new(now, "tester")).unwrap();
        tx.execute_batch(
            "INSERT INTO teachers (staff_no, name, school_id) VALUES ('T1', '张伟', 1)",
        )
        .unwrap();
        tx.commit().unwrap();
        let ctx = Ctx {
            db: &db,
            settings: &settings,
            lang: crate::tui::i18n::Lang::Zh,
            theme: &theme,
            now,
            actor: "tester",
            index: &index,
        };
        screen.reload(&ctx).unwrap();
        assert_eq!(teachers(&screen), 1, "a commit reloads");
        screen.rows[0].teachers = 7;
        screen.year = Some(2025);
        screen.reload(&ctx).unwrap();
        assert_eq!(teachers(&screen), 1, "another year reloads");
    }

    #[test]
    fn schools_without_a_figure_sort_below_every_figure() {
        let none = school("甲", 0, 0);
        let low = school("乙", 1, 9);
        let high = school("丙", 9, 1);
        assert_eq!(compare(&high, &low, Column::Attendance), Ordering::Greater);
        assert_eq!(compare(&low, &none, Column::Attendance), Ordering::Greater);
        assert_eq!(compare(&none, &none, Column::Attendance), Ordering::Equal);
        assert_eq!(compare(&none, &low, Column::School), Ordering::Greater);
    }
}
