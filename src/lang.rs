//! Languages as values. Messages built outside the TUI's own string table (refusals and
//! errors from `ops`/`store` that reach the TUI's status bar or the CLI's stderr) carry both
//! texts as a [`Text`]; the edges render it for the user's language ([`Text::get`]).
//! Nothing here is process-global: two threads may render one message in two languages.
//!
//! Build a message with both texts: `Error::invalid(lang::pick(format!("…中文…"),
//! format!("…English…")))`; main prints `e.text(lang)`, the TUI renders with its `lang`.

/// The interface language (`--lang`): Simplified Chinese by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// True for Chinese (the argument that `label(zh)` functions of `domain::codes` take).
    pub fn is_zh(self) -> bool {
        self == Lang::Zh
    }
}

/// One message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    /// The same text in both languages (data, a path, a system message).
    pub fn plain(text: impl Into<String>) -> Text {
        let text = text.into();
        Text {
            zh: text.clone(),
            en: text,
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Applies `f` to each language's text (e.g. to add a prefix or a quoted value).
    pub fn map(&self, f: impl Fn(&str) -> String) -> Text {
        Text {
            zh: f(&self.zh),
            en: f(&self.en),
        }
    }

    /// Builds a text per language from the language (e.g. from labels of domain codes).
    pub fn each(f: impl Fn(Lang) -> String) -> Text {
        Text {
            zh: f(Lang::Zh),
            en: f(Lang::En),
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::plain(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::plain(text)
    }
}

/// A message in both languages, rendered later for the user's language.
pub fn pick(zh: impl Into<String>, en: impl Into<String>) -> Text {
    Text {
        zh: zh.into(),
        en: en.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_renders_for_the_language_asked() {
        let t = pick("否决", "veto");
        assert_eq!(t.get(Lang::Zh), "否决");
        assert_eq!(t.get(Lang::En), "veto");
        assert_eq!(Lang::default(), Lang::Zh);
    }

    #[test]
    fn two_threads_render_one_text_in_two_languages() {
        let t = pick("否决", "veto");
        std::thread::scope(|s| {
            let zh = s.spawn(|| (0..1000).all(|_| t.get(Lang::Zh) == "否决"));
            let en = s.spawn(|| (0..1000).all(|_| t.get(Lang::En) == "veto"));
            assert!(zh.join().unwrap_or(false));
            assert!(en.join().unwrap_or(false));
        });
    }
}
