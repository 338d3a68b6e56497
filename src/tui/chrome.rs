//! The frame around the screens: tab bar, status bar, and the "terminal too small" notice.

use super::i18n;
use super::screen::Ctx;
use super::screens::TabId;
use super::widgets::text::{truncate, width};
use chrono::Datelike;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Below this size the screens are not drawn.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Tab bar (1 line), body, status bar (1 line).
pub fn split(area: Rect) -> (Rect, Rect, Rect) {
    let tabs = Rect { height: 1, ..area };
    let status = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    (tabs, body, status)
}

/// Makes one tab's label from its position and id.
type LabelFn<'a> = &'a dyn Fn(usize, &TabId) -> String;

/// The tab labels in the widest form that fits `room` columns: (texts, separator width).
/// Forms: " 1 Dashboard " padded, "1 Dashboard" spaced, "1Dashboard", then short labels.
fn tab_labels(ctx: &Ctx, room: usize) -> (Vec<String>, usize) {
    let full = |i: usize, t: &TabId| format!("{} {}", i + 1, ctx.t(t.title()));
    let forms: [(LabelFn, usize); 5] = [
        (&|i, t| format!(" {} ", full(i, t)), 0),
        (&full, 1),
        (&|i, t| format!("{}{}", i + 1, ctx.t(t.title())), 1),
        (&|i, t| format!("{}{}", i + 1, ctx.t(t.short_title())), 1),
        (&|i, _| format!("{}", i + 1), 1),
    ];
    let mut last = (Vec::new(), 1);
    for (make, sep) in forms {
        let labels: Vec<String> = TabId::ALL
            .iter()
            .enumerate()
            .map(|(i, t)| make(i, t))
            .collect();
        let total: usize =
            labels.iter().map(|l| width(l)).sum::<usize>() + sep * (labels.len() - 1);
        last = (labels, sep);
        if total <= room {
            break;
        }
    }
    last
}

/// Draws the tabs ("1 总览  2 项目 …"); returns each label's rectangle for mouse clicks.
pub fn tab_bar(frame: &mut Frame, area: Rect, active: usize, ctx: &Ctx) -> Vec<(Rect, usize)> {
    let room = area.width as usize;
    let app = format!(" {} ", ctx.t(i18n::APP_NAME));
    let (labels, sep) = tab_labels(ctx, room);
    let total = labels.iter().map(|x| width(x)).sum::<usize>() + sep * (labels.len() - 1);
    let show_app = total + width(&app) <= room;
    let mut spans = Vec::new();
    let mut hits = Vec::new();
    let mut x = area.x;
    if show_app {
        spans.push(Span::styled(app.clone(), ctx.theme.title()));
        x += width(&app) as u16;
    }
    for (i, text) in labels.into_iter().enumerate() {
        if i > 0 && sep > 0 {
            spans.push(Span::styled(" ".repeat(sep), ctx.theme.base()));
            x += sep as u16;
        }
        let w = width(&text) as u16;
        let style = if i == active {
            ctx.theme.tab_active()
        } else {
            ctx.theme.base()
        };
        if x + w > area.right() {
            break;
        }
        hits.push((Rect::new(x, area.y, w, 1), i));
        spans.push(Span::styled(text, style));
        x += w;
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(ctx.theme.base()),
        area,
    );
    hits
}

/// "~/…/demo.db" style shortening of a path to at most `max` columns.
pub fn short_path(path: &std::path::Path, max: usize) -> String {
    let mut s = path.display().to_string();
    if let Some(home) = std::env::var_os("HOME") {
        let home = home.to_string_lossy().to_string();
        if !home.is_empty() && s.starts_with(&home) {
            s = format!("~{}", &s[home.len()..]);
        }
    }
    if width(&s) <= max {
        return s;
    }
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    let short = format!("…/{file}");
    truncate(&short, max)
}

/// Database · user · date · read-only · the message (a toast, or the writes waiting for the
/// lock) in its style. The message is cut with "…" by display width when it does not fit.
pub fn status_bar(frame: &mut Frame, area: Rect, message: Option<(&str, Style)>, ctx: &Ctx) {
    let today = ctx.today();
    let weekday = ctx.t(i18n::WEEKDAYS[today.weekday().num_days_from_monday() as usize]);
    let right = format!(" {} · {} {} ", ctx.actor, today.format("%Y-%m-%d"), weekday);
    let ro = if ctx.read_only() {
        format!(" [{}]", ctx.t(i18n::READ_ONLY))
    } else {
        String::new()
    };
    let total = area.width as usize;
    let (msg, msg_style) = match message {
        Some((text, style)) => (text.to_string(), style),
        None => (String::new(), ctx.theme.base()),
    };
    // A message is what the user must read (a refusal's reason comes last): it gets the
    // room, before the user and date (dropped when it needs their room) and the path (what
    // is left, dropped rather than cut to a useless "…/").
    let right = if width(&msg) + 2 > total.saturating_sub(width(&right) + width(&ro)) {
        String::new()
    } else {
        right
    };
    let room = total.saturating_sub(width(&right) + width(&ro));
    let msg = truncate(&msg, room.saturating_sub(2));
    let path_room = room.saturating_sub(width(&msg) + 1);
    let path = if msg.is_empty() || path_room >= 12 {
        let p = format!(" {}", short_path(&ctx.db.path, path_room.saturating_sub(1)));
        truncate(&p, path_room)
    } else {
        String::new()
    };
    // With nothing to say, the bar tells where help is (on the right, before the user).
    let hint = format!("{}  ", ctx.t(i18n::STATUS_HELP_HINT));
    let hint = if msg.is_empty() && width(&path) + width(&hint) < room {
        hint
    } else {
        String::new()
    };
    let gap = room.saturating_sub(width(&path) + width(&msg) + width(&hint) + 1);
    let spans = vec![
        Span::styled(path, ctx.theme.muted()),
        Span::styled(ro, ctx.theme.warn()),
        Span::raw(" "),
        Span::styled(msg, msg_style),
        Span::raw(" ".repeat(gap)),
        Span::styled(hint, ctx.theme.muted()),
        Span::styled(right, ctx.theme.muted()),
    ];
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(ctx.theme.base()),
        area,
    );
}

/// The centred notice shown instead of the screens when the terminal is below the minimum.
pub fn too_small(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let need = ctx.tf(
        i18n::TOO_SMALL_NEED,
        &[&MIN_WIDTH, &MIN_HEIGHT, &area.width, &area.height],
    );
    let lines = [ctx.t(i18n::TOO_SMALL).to_string(), need];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, text) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let text = truncate(text, area.width as usize);
        let w = width(&text) as u16;
        let r = Rect::new(
            area.x + (area.width - w.min(area.width)) / 2,
            y,
            w.min(area.width),
            1,
        );
        frame.render_widget(Paragraph::new(Span::styled(text, ctx.theme.warn())), r);
    }
}
