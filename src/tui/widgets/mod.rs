//! Reusable drawing pieces. No database access here.

pub mod bars;
pub mod calendar;
pub mod candidates;
pub mod marks_strip;
pub mod table;
pub mod text;
pub mod text_input;
pub mod window;
