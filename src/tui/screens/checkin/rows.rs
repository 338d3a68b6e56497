//! The desk's teacher rows in fixed columns (name, school, this session's mark, strip), shared
//! by the candidates, the list after Esc and the session's latest marks.

use super::desk::{DeskData, DeskRow};
use super::render::mark_cell;
use crate::domain::{Mark, Status};
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::marks_strip;
use crate::tui::widgets::table::{Cell, Column, Columns};
use ratatui::text::Line;

/// Candidate rows shown while a query is typed (the benchmark's desk simulation counts ↓ to
/// a teacher among these).
pub(super) const CANDIDATES: u16 = crate::search::keystrokes::VISIBLE_CANDIDATES as u16;

/// The session's marks, latest recorded first.
pub(super) fn recent_marks(data: &DeskData, n: usize) -> Vec<&Mark> {
    let mut marks: Vec<&Mark> = data.marks.values().collect();
    marks.sort_by(|a, b| b.recorded_at.cmp(&a.recorded_at).then(b.id.cmp(&a.id)));
    marks.truncate(n);
    marks
}

/// How a row shows that it is highlighted.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Look {
    Plain,
    /// The selected-row bar across the row (the list after Esc).
    Bar,
    /// Only the name in the title style (candidates while typing).
    Name,
}

/// The desk's columns at width `w`: name, school, this session's mark, recent marks.
pub(super) fn columns(w: usize) -> Columns {
    Columns::fit(
        w,
        &[
            Column::flex(8, 1),
            Column::flex(10, 2),
            Column::flex(14, 1),
            Column::fixed(10),
        ],
    )
}

/// One teacher row in the desk's columns: name, school, this session's mark (or
/// "walk-in"), and the strip of recent marks when given.
pub(super) fn row_line(
    ctx: &Ctx,
    row: DeskRow,
    mark: Option<&Mark>,
    cols: &Columns,
    name_hl: &[usize],
    look: Look,
    strip: Option<&[Status]>,
) -> Line<'static> {
    let th = ctx.theme;
    let Some(e) = ctx.index.entry(row.teacher_id) else {
        return Line::from("");
    };
    let selected = look == Look::Bar;
    let base = if selected { th.selected() } else { th.base() };
    let hl = if selected {
        th.selected().patch(th.highlight())
    } else {
        th.highlight()
    };
    let (cell, cell_style) = if row.walk_in && mark.is_none() {
        (walk_in_label(ctx), th.warn())
    } else {
        mark_cell(mark, ctx)
    };
    let name_style = if look == Look::Name { th.title() } else { base };
    let mut cells = vec![
        Cell::Marked(e.name.clone(), name_hl.to_vec(), Some(name_style), hl),
        Cell::text(e.school.clone()),
        Cell::styled(cell, if selected { base } else { cell_style }),
    ];
    if let Some(strip) = strip {
        // The latest marks that fit (a glyph and a space each).
        let keep = strip.len().saturating_sub(cols.width(3) / 2);
        cells.push(Cell::Spans(marks_strip::strip(
            &strip[keep..],
            ctx.lang,
            th,
        )));
    }
    cols.line(cells, base, base)
}

pub(super) fn walk_in_label(ctx: &Ctx) -> String {
    ctx.t(i18n::DESK_WALK_INS)
        .trim_matches(|c| c == '─' || c == ' ')
        .to_string()
}
