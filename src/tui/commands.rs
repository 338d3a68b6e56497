//! The `:` command palette's commands. Global ones are listed here; a screen adds its own with
//! `Screen::commands` (e.g. `import teachers PATH`). A command is matched by its `name` (what is
//! typed, English words) or its `label` (shown, in the UI language).

use super::action::{Action, Intent};
use super::i18n::{self, Lang};
use super::screens::TabId;
use super::theme;

/// How a command runs.
#[derive(Clone)]
pub enum CommandRun {
    /// Runs as is.
    Now(Action),
    /// Needs the text typed after its name (a path, a value …).
    WithArg(fn(&str) -> Action),
}

/// One palette entry.
#[derive(Clone)]
pub struct PaletteCommand {
    /// The words typed to run it, e.g. "theme dark", "import teachers".
    pub name: String,
    /// What the palette shows, in the UI language.
    pub label: String,
    pub run: CommandRun,
}

impl PaletteCommand {
    pub fn now(name: impl Into<String>, label: impl Into<String>, action: Action) -> Self {
        PaletteCommand {
            name: name.into(),
            label: label.into(),
            run: CommandRun::Now(action),
        }
    }
    pub fn with_arg(
        name: impl Into<String>,
        label: impl Into<String>,
        make: fn(&str) -> Action,
    ) -> Self {
        PaletteCommand {
            name: name.into(),
            label: label.into(),
            run: CommandRun::WithArg(make),
        }
    }
}

/// The commands available everywhere.
pub fn global(lang: Lang) -> Vec<PaletteCommand> {
    let mut out = Vec::new();
    for tab in TabId::ALL {
        out.push(PaletteCommand::now(
            format!("go {}", tab.slug()),
            i18n::fill(i18n::CMD_GO_TO.get(lang), &[&tab.title().get(lang)]),
            Action::GoToTab(*tab),
        ));
    }
    for name in theme::BUILT_IN {
        out.push(PaletteCommand::now(
            format!("theme {name}"),
            i18n::fill(i18n::CMD_THEME.get(lang), &[name]),
            Action::SetTheme((*name).to_string()),
        ));
    }
    out.push(PaletteCommand::now(
        "lang zh",
        i18n::CMD_LANG_ZH.get(lang),
        Action::SetLanguage(Lang::Zh),
    ));
    out.push(PaletteCommand::now(
        "lang en",
        i18n::CMD_LANG_EN.get(lang),
        Action::SetLanguage(Lang::En),
    ));
    out.push(PaletteCommand::with_arg(
        "set",
        i18n::CMD_SET.get(lang),
        set_setting,
    ));
    out.push(PaletteCommand::with_arg(
        "import",
        i18n::CMD_IMPORT.get(lang),
        super::screens::import_preview::palette_command,
    ));
    out.push(PaletteCommand::with_arg(
        "target",
        i18n::CMD_TARGET.get(lang),
        |arg| {
            Action::write(Intent::SetTarget {
                text: arg.to_string(),
            })
        },
    ));
    out.push(PaletteCommand::now(
        "credit add",
        i18n::CMD_CREDIT_ADD.get(lang),
        Action::Open(super::action::Target::NewCreditEntry),
    ));
    out.push(PaletteCommand::now(
        "reload",
        i18n::CMD_RELOAD.get(lang),
        Action::Reload,
    ));
    out.push(PaletteCommand::now(
        "help",
        i18n::CMD_HELP.get(lang),
        Action::OpenHelp,
    ));
    out.push(PaletteCommand::now(
        "quit",
        i18n::CMD_QUIT.get(lang),
        Action::Quit,
    ));
    out
}

/// `set KEY VALUE` → a SetSetting write (validated by `write.rs`).
fn set_setting(arg: &str) -> Action {
    let mut parts = arg.trim().splitn(2, char::is_whitespace);
    let key = parts.next().unwrap_or("").trim().to_string();
    let value = parts.next().unwrap_or("").trim().to_string();
    Action::write(Intent::SetSetting { key, value })
}

/// Splits typed palette text into (command, argument) when it starts with a command's name
/// followed by a space or the end: "import teachers a.csv" → ("import teachers", "a.csv").
pub fn split_invocation<'c>(
    commands: &'c [PaletteCommand],
    typed: &str,
) -> Option<(&'c PaletteCommand, String)> {
    let typed = typed.trim_start();
    commands
        .iter()
        .filter(|c| {
            typed == c.name
                || typed
                    .strip_prefix(c.name.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
        })
        .max_by_key(|c| c.name.len())
        .map(|c| (c, typed[c.name.len()..].trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invocation_takes_longest_name_and_rest_as_argument() {
        let cmds = global(Lang::En);
        let (c, arg) = split_invocation(&cmds, "set grace_minutes 10").unwrap();
        assert_eq!(c.name, "set");
        assert_eq!(arg, "grace_minutes 10");
        let (c, arg) = split_invocation(&cmds, "theme dark").unwrap();
        assert_eq!(c.name, "theme dark");
        assert_eq!(arg, "");
        assert!(split_invocation(&cmds, "settle").is_none());
    }

    #[test]
    fn set_parses_key_and_value() {
        assert_eq!(
            set_setting(" grace_minutes  10 "),
            Action::write(Intent::SetSetting {
                key: "grace_minutes".into(),
                value: "10".into()
            })
        );
    }
}
