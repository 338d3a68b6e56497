//! The tabs and the screen behind each. To give a tab its real screen: add `pub mod NAME;`
//! below and change that tab's arm in `make_screen` (one line each).

pub mod checkin;
pub mod dashboard;
pub mod follow_ups;
pub mod import_preview;
pub mod import_source;
pub mod projects;
pub mod reason_prompt;
pub mod reports;
pub mod starlight;
pub mod teachers;
pub mod vetoes;

use super::i18n::{self, Msg};
use super::screen::Screen;

/// The eight tabs, in order (digit keys 1–8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TabId {
    Dashboard,
    Projects,
    CheckIn,
    Teachers,
    Starlight,
    FollowUps,
    Vetoes,
    Reports,
}

impl TabId {
    pub const ALL: &'static [TabId] = &[
        TabId::Dashboard,
        TabId::Projects,
        TabId::CheckIn,
        TabId::Teachers,
        TabId::Starlight,
        TabId::FollowUps,
        TabId::Vetoes,
        TabId::Reports,
    ];

    pub fn index(self) -> usize {
        TabId::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn title(self) -> Msg {
        match self {
            TabId::Dashboard => i18n::TAB_DASHBOARD,
            TabId::Projects => i18n::TAB_PROJECTS,
            TabId::CheckIn => i18n::TAB_CHECK_IN,
            TabId::Teachers => i18n::TAB_TEACHERS,
            TabId::Starlight => i18n::TAB_STARLIGHT,
            TabId::FollowUps => i18n::TAB_FOLLOW_UPS,
            TabId::Vetoes => i18n::TAB_VETOES,
            TabId::Reports => i18n::TAB_REPORTS,
        }
    }

    /// A shorter name for narrow terminals.
    pub fn short_title(self) -> Msg {
        match self {
            TabId::Dashboard => i18n::TAB_DASHBOARD_SHORT,
            TabId::Projects => i18n::TAB_PROJECTS_SHORT,
            TabId::CheckIn => i18n::TAB_CHECK_IN_SHORT,
            TabId::Teachers => i18n::TAB_TEACHERS_SHORT,
            TabId::Starlight => i18n::TAB_STARLIGHT_SHORT,
            TabId::FollowUps => i18n::TAB_FOLLOW_UPS_SHORT,
            TabId::Vetoes => i18n::TAB_VETOES_SHORT,
            TabId::Reports => i18n::TAB_REPORTS_SHORT,
        }
    }

    /// The English word used in palette commands (`go teachers`).
    pub fn slug(self) -> &'static str {
        match self {
            TabId::Dashboard => "dashboard",
            TabId::Projects => "projects",
            TabId::CheckIn => "checkin",
            TabId::Teachers => "teachers",
            TabId::Starlight => "starlight",
            TabId::FollowUps => "followups",
            TabId::Vetoes => "vetoes",
            TabId::Reports => "reports",
        }
    }
}

/// The screen shown in `tab`.
pub fn make_screen(tab: TabId) -> Box<dyn Screen> {
    match tab {
        TabId::Dashboard => Box::new(dashboard::DashboardScreen::new()),
        TabId::Projects => Box::new(projects::ProjectsScreen::new()),
        TabId::CheckIn => Box::new(checkin::CheckInScreen::new()),
        TabId::Teachers => Box::new(teachers::TeachersScreen::new()),
        TabId::Starlight => Box::new(starlight::StarlightScreen::new()),
        TabId::FollowUps => Box::new(follow_ups::FollowUpsScreen::new()),
        TabId::Vetoes => Box::new(vetoes::VetoesScreen::new()),
        TabId::Reports => Box::new(reports::ReportsScreen::new()),
    }
}
