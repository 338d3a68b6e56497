//! Tiers with levels and the plan's targets (issue 10, parts 2 and 3): exact counts of the
//! Teachers filter, the Targets view and the tier form at 80×24 in both languages, the import
//! of `区级骨干`, and both writes beside another process writing.

mod district;
mod import;
mod palette;
mod screens;
mod writers;
