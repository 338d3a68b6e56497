//! Every integration test in one binary (one link of the crate's tests): each former
//! `tests/*.rs` file or `tests/*/main.rs` folder is a module here, sharing `common` once.

mod common;

mod after_training;
mod allotments;
mod bulk_counts;
mod cli_foundation;
mod cli_registration;
mod completion;
mod concurrency;
mod credit_registration;
mod desks_under_load;
mod export;
mod export_files;
mod export_targets;
mod feedback;
mod hostile_text;
mod import;
mod import_completed;
mod import_desks;
mod import_limits;
mod import_messages;
mod import_real_world;
mod import_teacher_status;
mod lookup_keys;
mod open_refusals;
mod open_safety;
mod principals;
mod pty;
mod pty_desk;
mod pty_hangup;
mod pty_terminals;
mod redraw_bytes;
mod redraw_cells;
mod redraw_truth;
mod registration;
mod school_report;
mod search;

mod search_ranking;
mod staff_numbers;
mod starlight_life;
mod survey;
mod tiers;
mod tui_completion;
mod tui_credit_queue;
mod tui_desk;
mod tui_help_fit;
mod tui_import;
mod tui_observer_picker;
mod tui_overview_tabs;
mod tui_projects;
mod tui_shell;
mod tui_trainer_picker;
