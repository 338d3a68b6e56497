//! Plain types and the rules of docs/rules.md §4. No rusqlite, no ratatui, no clock:
//! "now" and "today" are always arguments.

pub mod allotment;
pub mod attendance;
pub mod booking;
#[macro_use]
pub mod codes;
pub mod credit_registration;
pub mod credits;
pub mod feedback;
pub mod follow_up;
pub mod mark_rules;
pub mod model;
pub mod principals;
pub mod settings;
pub mod staff_no;
pub mod starlight;
pub mod survey;
pub mod tiers;
pub mod veto;

pub use codes::*;
pub use model::*;
pub use settings::Settings;
pub use staff_no::{canonical_staff_no, canonical_staff_no_cow};
