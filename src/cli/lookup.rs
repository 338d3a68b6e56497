//! `liaoyuan lookup QUERY [--year Y] [--json]`: quick attendance and veto
//! lookup. Opens the database read-only (works on a read-only file).

use super::args::Lang;
use crate::domain::veto::veto_year;
use crate::error::Result;
use crate::ops::lookup::{lookup, LookupRow};
use crate::store::{Db, OpenMode};
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct LookupArgs {
    /// Name, pinyin, initials, staff number or phone tail (as the TUI search)
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Veto year (default: the current one)
    #[arg(long, value_name = "Y")]
    pub year: Option<i32>,
    /// Print JSON (stable keys, see docs/rules.md §6)
    #[arg(long)]
    pub json: bool,
    /// Show every teacher the query finds (best first), not only the best match
    #[arg(long)]
    pub all: bool,
}

/// Runs the lookup and prints the result to stdout.
pub fn run(path: &Path, lang: Lang, args: &LookupArgs, today: chrono::NaiveDate) -> Result<()> {
    let db = Db::open(path, OpenMode::ReadOnly)?;
    let settings = crate::store::settings::load(&db.conn)?;
    let year = args
        .year
        .unwrap_or_else(|| veto_year(today, settings.veto_year_start_month));
    let query = args.query.join(" ");
    let found = lookup(&db.conn, &query, year, &settings, today, args.all)?;
    let notes = super::lookup_notes::notes(&query, &found, args.all, lang);
    if args.json {
        let text = serde_json::to_string_pretty(&found.rows).map_err(|e| {
            crate::Error::Io(crate::lang::pick(
                format!("无法写出 JSON：{e}"),
                format!("cannot write JSON: {e}"),
            ))
        })?;
        emit(&crate::text::escape_json_controls(&text))?;
        // stdout stays JSON; the notes go to stderr
        for note in notes {
            eprintln!("{}", crate::text::printable_lines(&note));
        }
    } else {
        let zh = lang == Lang::Zh;
        let mut blocks: Vec<String> = found
            .rows
            .iter()
            .map(|r| {
                let block = human(r, zh);
                if args.all {
                    format!("{}\n{block}", super::lookup_notes::rank_line(r, zh))
                } else {
                    block
                }
            })
            .collect();
        if !notes.is_empty() {
            blocks.push(notes.join("\n"));
        }
        emit(&blocks.join("\n\n"))?;
    }
    Ok(())
}

/// Writes a line to stdout without control characters but line breaks; a closed pipe
/// (`| head`) is not an error.
pub(crate) fn emit(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let text = crate::text::printable_lines(text); // stored names may hold escapes
    match writeln!(out, "{text}").and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// A short readable block for one teacher.
pub fn human(r: &LookupRow, zh: bool) -> String {
    use crate::domain::Status;
    let mut out = Vec::new();
    let mut who = format!("{}  {}  {}", r.name, r.staff_no, r.school);
    if !r.status.is_active() {
        // Still found, but not offered at the desk: say why.
        let (label, status) = (if zh { "状态：" } else { "status: " }, r.status.label(zh));
        who.push_str(&format!("  {label}{status}"));
    }
    out.push(who);
    let counts: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("{} {}", s.label(zh), r.attendance.get(*s)))
        .collect();
    let year = if zh {
        format!("{}年", r.year)
    } else {
        r.year.to_string()
    };
    out.push(format!("{year}  {}", counts.join("  ")));
    let veto = match (r.veto, zh) {
        (true, true) => "一票否决：是".to_string(),
        (false, true) => "一票否决：否".to_string(),
        (true, false) => "One-vote veto: YES".to_string(),
        (false, false) => "One-vote veto: no".to_string(),
    };
    out.push(veto);
    for v in &r.veto_reasons {
        // Each piece of evidence names why its project counts for the veto.
        out.push(format!(
            "  {}  {}  {}  {}",
            v.date,
            v.project,
            v.status.label(zh),
            v.scope.label(zh)
        ));
    }
    let c = &r.credits;
    out.push(if zh {
        format!(
            "学分 {}：{} / {}，集中培训 {} / {}",
            c.cycle,
            num(c.total),
            num(c.required_total),
            num(c.concentrated),
            num(c.required_concentrated)
        )
    } else {
        format!(
            "Credits {}: {} / {}, concentrated {} / {}",
            c.cycle,
            num(c.total),
            num(c.required_total),
            num(c.concentrated),
            num(c.required_concentrated)
        )
    });
    out.join("\n")
}

/// 12 → "12", 2.5 → "2.5".
fn num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}
