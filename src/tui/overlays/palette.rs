//! The `:` command palette: type to filter (fuzzy, on the command's words and its label),
//! ↑/↓ to choose, Enter to run. Text after a command's name is its argument
//! (`set grace_minutes 10`, `import teachers ~/t.csv`).

use super::Outcome;
use crate::tui::action::Action;
use crate::tui::commands::{split_invocation, CommandRun, PaletteCommand};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{pad, width, wrap};
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

pub struct Palette {
    input: TextInput,
    commands: Vec<PaletteCommand>,
    /// Indices into `commands`, best first.
    shown: Vec<usize>,
    cursor: usize,
}

impl Palette {
    pub fn new(commands: Vec<PaletteCommand>) -> Self {
        let mut p = Palette {
            input: TextInput::new(),
            commands,
            shown: Vec::new(),
            cursor: 0,
        };
        p.filter();
        p
    }

    /// The labels currently listed (for tests).
    pub fn shown_names(&self) -> Vec<&str> {
        self.shown
            .iter()
            .map(|i| self.commands[*i].name.as_str())
            .collect()
    }

    fn filter(&mut self) {
        let q = self.input.text().trim();
        if q.is_empty() {
            self.shown = (0..self.commands.len()).collect();
        } else {
            let m = SkimMatcherV2::default();
            let mut scored: Vec<(i64, usize)> = self
                .commands
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let a = m.fuzzy_match(&c.name, q);
                    let b = m.fuzzy_match(&c.label, q);
                    a.max(b).map(|s| (s, i))
                })
                .collect();
            if let Some((c, _)) = split_invocation(&self.commands, q) {
                if let Some(i) = self.commands.iter().position(|x| x.name == c.name) {
                    scored.retain(|(_, j)| *j != i);
                    scored.push((i64::MAX, i));
                }
            }
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            self.shown = scored.into_iter().map(|(_, i)| i).collect();
        }
        self.cursor = self.cursor.min(self.shown.len().saturating_sub(1));
    }

    pub fn handle_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return Outcome::Close,
            KeyCode::Up => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Char('p') | KeyCode::Char('k') if ctrl => {
                self.cursor = self.cursor.saturating_sub(1)
            }
            KeyCode::Down => {
                self.cursor = (self.cursor + 1).min(self.shown.len().saturating_sub(1))
            }
            KeyCode::Char('n') | KeyCode::Char('j') if ctrl => {
                self.cursor = (self.cursor + 1).min(self.shown.len().saturating_sub(1))
            }
            KeyCode::Enter => return self.run(ctx),
            _ => {
                if self.input.handle_key(key) {
                    self.cursor = 0;
                    self.filter();
                }
            }
        }
        Outcome::Keep
    }

    fn run(&mut self, ctx: &Ctx) -> Outcome {
        let typed = self.input.text().to_string();
        if let Some((cmd, arg)) = split_invocation(&self.commands, &typed) {
            return match &cmd.run {
                CommandRun::Now(a) => Outcome::Run(a.clone()),
                CommandRun::WithArg(_) if arg.is_empty() => {
                    Outcome::Run(Action::Fail(ctx.tf(i18n::COMMAND_NEEDS_ARG, &[&cmd.name])))
                }
                CommandRun::WithArg(make) => Outcome::Run(make(&arg)),
            };
        }
        let Some(cmd) = self
            .shown
            .get(self.cursor)
            .and_then(|i| self.commands.get(*i))
        else {
            return Outcome::Keep;
        };
        match &cmd.run {
            CommandRun::Now(a) => Outcome::Run(a.clone()),
            CommandRun::WithArg(_) => {
                // Let the user type the argument after the name.
                let name = format!("{} ", cmd.name);
                self.input.set(&name);
                self.filter();
                Outcome::Keep
            }
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let w = area.width.min(60).saturating_sub(2) as usize;
        let name_w = 22.min(w / 2);
        let label_w = w.saturating_sub(name_w);
        // The chosen command's label in full under the list when its column cuts it (the
        // import kinds were lost: "导入文件：import 类型 路径（teacher…").
        let about: Vec<String> = self
            .shown
            .get(self.cursor)
            .and_then(|i| self.commands.get(*i))
            .filter(|c| width(&c.label) > label_w)
            .map(|c| wrap(&c.label, w).into_iter().take(3).collect())
            .unwrap_or_default();
        let h = (self.shown.len() as u16 + 4).clamp(5, 16) + about.len() as u16;
        // A fixed top, not centred: the window does not jump (nor redraw the whole screen
        // over a slow link) as typing shortens the list.
        let h = h.min(area.height);
        let width_px = area.width.min(60);
        let r = Rect {
            x: area.x + (area.width - width_px) / 2,
            y: area.y + ((area.height - h) / 2).min(2),
            width: width_px,
            height: h,
        };
        super::clear(frame, r);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ctx.theme.border())
            .title(Span::styled(
                format!(" {} ", ctx.t(i18n::PALETTE_TITLE)),
                ctx.theme.title(),
            ));
        let inner = block.inner(r);
        frame.render_widget(block, r);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let input_area = Rect { height: 1, ..inner };
        self.input.render(
            frame,
            input_area,
            Span::styled(": ", ctx.theme.accent()),
            ctx.theme.base(),
            true,
        );
        let about_h = (about.len() as u16).min(inner.height.saturating_sub(2));
        let list_h = inner.height.saturating_sub(1 + about_h) as usize;
        let first = self.cursor.saturating_sub(list_h.saturating_sub(1));
        let mut lines = Vec::new();
        if self.shown.is_empty() {
            lines.push(Line::from(Span::styled(
                ctx.t(i18n::PALETTE_NO_MATCH),
                ctx.theme.muted(),
            )));
        }
        for (row, i) in self.shown.iter().enumerate().skip(first).take(list_h) {
            let c = &self.commands[*i];
            let text = format!("{}{}", pad(&c.label, label_w), pad(&c.name, name_w));
            let style = if row == self.cursor {
                ctx.theme.selected()
            } else {
                ctx.theme.base()
            };
            lines.push(Line::from(Span::styled(text, style)));
        }
        if about_h > 0 {
            let about_area = Rect {
                y: inner.bottom() - about_h,
                height: about_h,
                ..inner
            };
            let about: Vec<Line> = about
                .into_iter()
                .take(about_h as usize)
                .map(|l| Line::from(Span::styled(l, ctx.theme.muted())))
                .collect();
            frame.render_widget(Paragraph::new(about), about_area);
        }
        let list_area = Rect {
            y: inner.y + 1,
            height: list_h as u16,
            ..inner
        };
        frame.render_widget(Paragraph::new(lines), list_area);
    }
}
