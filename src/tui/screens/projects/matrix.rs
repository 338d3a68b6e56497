//! The attendance matrix of a project: teachers × sessions, one coloured glyph per mark
//! (the desk's glyphs, widgets::marks_strip), per-teacher totals at the right, per-session
//! totals by status at the bottom. `o` sorts by school or by name; ←/→ (h/l) move across
//! sessions and scroll when they exceed the width.

use crate::error::Result;
use crate::store::attendance_matrix::{self, AttendanceMatrix, MatrixOrder};
use crate::tui::keymap::{self, Move};
use crate::tui::screen::Ctx;

#[derive(Default)]
pub struct MatrixView {
    pub matrix: AttendanceMatrix,
    pub order: MatrixOrder,
    pub row: usize,
    pub col: usize,
    first_col: usize,
    page: usize,
}

impl MatrixView {
    pub fn reload(&mut self, ctx: &Ctx, project_id: i64) -> Result<()> {
        let keep = self.matrix.rows.get(self.row).map(|r| r.teacher_id);
        self.matrix = attendance_matrix::load(ctx.conn(), project_id, self.order)?;
        self.row = keep
            .and_then(|id| self.matrix.rows.iter().position(|r| r.teacher_id == id))
            .unwrap_or(0)
            .min(self.matrix.rows.len().saturating_sub(1));
        self.col = self.col.min(self.matrix.sessions.len().saturating_sub(1));
        Ok(())
    }

    pub fn toggle_order(&mut self) {
        let keep = self.matrix.rows.get(self.row).map(|r| r.teacher_id);
        self.order = match self.order {
            MatrixOrder::School => MatrixOrder::Name,
            MatrixOrder::Name => MatrixOrder::School,
        };
        self.matrix.sort(self.order);
        if let Some(id) = keep {
            self.row = self
                .matrix
                .rows
                .iter()
                .position(|r| r.teacher_id == id)
                .unwrap_or(0);
        }
    }

    pub fn moved(&mut self, m: Move) {
        self.row = keymap::apply_move(self.row, self.matrix.rows.len(), self.page.max(1), m);
    }

    pub fn left(&mut self) {
        self.col = self.col.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.col = (self.col + 1).min(self.matrix.sessions.len().saturating_sub(1));
    }
}

#[path = "matrix_draw.rs"]
mod draw;
