//! Finding a teacher by a query (exactly as the TUI search finds them) and the
//! quick attendance/veto lookup of `liaoyuan lookup` (docs/rules.md §6).

use crate::domain::attendance::StatusCounts;
use crate::domain::credits::{cycle_of, standing};
use crate::domain::veto::{veto_reasons, veto_year_range, VetoReason};
use crate::domain::{Settings, TeacherStatus};
use crate::error::{Error, Result};
use crate::lang::{pick, Lang, Text};
use crate::search::{Hit, Index, Match, Probe};
use crate::store::enrolments::{self, TeacherBrief};
use crate::store::{marks, teacher_record};
use chrono::NaiveDate;
use rusqlite::Connection;

/// How many hits are examined for ties with the best one.
const HIT_LIMIT: usize = 50;

/// The search index over all teachers, built from the database.
pub fn teacher_index(conn: &Connection) -> Result<Index> {
    // Built straight from the rows: faster and about half the memory of
    // collecting the entries first.
    crate::store::search_source::teacher_index(conn)
}

/// The search index over some teachers only (e.g. a project's enrolled
/// teachers): scores are per entry, so a match ranks as in the full index.
pub fn index_of(conn: &Connection, teacher_ids: &[i64]) -> Result<Index> {
    let mut entries = Vec::with_capacity(teacher_ids.len());
    for &id in teacher_ids {
        if let Some(e) = crate::store::search_source::teacher_entry(conn, id)? {
            entries.push(e);
        }
    }
    Ok(Index::new(entries))
}

/// The teachers a query finds best: an exact staff number wins outright;
/// otherwise every hit as good as the first (more than one = ambiguous).
/// `among` restricts the search to those teacher ids. Empty when nothing matches.
pub fn best_matches(
    conn: &Connection,
    index: &Index,
    query: &str,
    among: Option<&[i64]>,
) -> Result<Vec<i64>> {
    let q = query.trim();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    if let Some(id) = enrolments::teacher_id_by_staff_no(conn, q)? {
        if among.is_none_or(|ids| ids.contains(&id)) {
            return Ok(vec![id]);
        }
    }
    let hits: Vec<Hit> = match among {
        Some(ids) => index.search_among(q, ids, HIT_LIMIT),
        None => index.search(q, HIT_LIMIT),
    };
    let Some(first) = hits.first() else {
        return Ok(Vec::new());
    };
    Ok(hits
        .iter()
        .take_while(|h| h.ties_with(first))
        .map(|h| h.id)
        .collect())
}

/// Briefs (name, school, staff number) of teacher ids, in the given order.
pub fn briefs(conn: &Connection, ids: &[i64]) -> Result<Vec<TeacherBrief>> {
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        if let Some(t) = enrolments::teacher_brief(conn, id)? {
            out.push(t);
        }
    }
    Ok(out)
}

/// How many teachers a refusal lists at most.
const LISTED: usize = 10;

/// One line per teacher ("  T001  张伟  实验小学"), at most ten, then how many more.
pub fn teacher_list(teachers: &[TeacherBrief]) -> Text {
    Text::each(|lang| teacher_list_in(teachers, lang))
}

fn teacher_list_in(teachers: &[TeacherBrief], lang: Lang) -> String {
    let mut lines: Vec<String> = teachers
        .iter()
        .take(LISTED)
        .map(|t| format!("  {}  {}  {}", t.staff_no, t.name, t.school))
        .collect();
    if teachers.len() > LISTED {
        let more = teachers.len() - LISTED;
        lines.push(
            pick(format!("  …还有 {more} 人"), format!("  … and {more} more"))
                .get(lang)
                .to_string(),
        );
    }
    lines.join("\n")
}

/// The refusal of an ambiguous query, listing the equally good matches.
pub fn ambiguous(query: &str, teachers: &[TeacherBrief]) -> Error {
    let (q, n, list) = (query.trim(), teachers.len(), teacher_list(teachers));
    let (list_zh, list_en) = (&list.zh, &list.en);
    Error::Invalid(pick(
        format!("“{q}”同样匹配 {n} 位教师，请用工号或更长的查询：\n{list_zh}"),
        format!(
            "'{q}' matches {n} teachers equally well; use a staff number or a longer query:\n{list_en}"
        ),
    ))
}

/// The refusal of a query that finds nobody (or is empty).
pub fn no_match(query: &str) -> Error {
    let q = query.trim();
    if q.is_empty() {
        Error::invalid(pick(
            "查询为空：请输入姓名、拼音、首字母或工号",
            "the query is empty: give a name, pinyin, initials or a staff number",
        ))
    } else {
        Error::Invalid(pick(
            format!("没有教师匹配“{q}”（可试工号、全拼或首字母）"),
            format!("no teacher matches '{q}' (try a staff number, full pinyin or initials)"),
        ))
    }
}

/// Exactly one teacher for a query, or a clear refusal (none / ambiguous).
pub fn find_one(conn: &Connection, index: &Index, query: &str) -> Result<TeacherBrief> {
    let ids = best_matches(conn, index, query, None)?;
    let found = briefs(conn, &ids)?;
    match found.len() {
        0 => Err(no_match(query)),
        1 => Ok(found
            .into_iter()
            .next()
            .ok_or_else(|| Error::Db(pick("匹配结果丢失", "lost a match")))?),
        _ => Err(ambiguous(query, &found)),
    }
}

/// Credit standing in the lookup's JSON shape.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LookupCredits {
    /// The cycle containing today, e.g. "2026–2030".
    pub cycle: String,
    pub total: f64,
    pub concentrated: f64,
    pub required_total: f64,
    pub required_concentrated: f64,
}

/// One teacher's lookup; serialises to the stable keys of docs/rules.md §6.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LookupRow {
    pub staff_no: String,
    pub name: String,
    pub school: String,
    /// Employment status (its code in JSON: active, transferred, retired, left).
    pub status: TeacherStatus,
    /// The veto year looked at.
    pub year: i32,
    pub attendance: StatusCounts,
    pub veto: bool,
    pub veto_reasons: Vec<VetoReason>,
    pub credits: LookupCredits,
    /// Position in the search's ranking, 1 = first.
    pub rank: usize,
    /// The rung of the ranking rule (its `code` in JSON).
    #[serde(rename = "match")]
    pub matched: Match,
}

/// Attendance, veto and credits of one teacher for veto year `year`
/// (credits: the cycle containing `today`).
pub fn lookup_teacher(
    conn: &Connection,
    teacher: &TeacherBrief,
    year: i32,
    settings: &Settings,
    today: NaiveDate,
) -> Result<LookupRow> {
    let (from, to) = veto_year_range(year, settings.veto_year_start_month);
    let year_marks = marks::teacher_marks_between(conn, teacher.id, from, to)?;
    let mut attendance = StatusCounts::default();
    for m in &year_marks {
        attendance.add(m.status, 1);
    }
    let reasons = veto_reasons(
        year_marks.iter().map(|m| m.veto_mark()),
        year,
        settings.veto_year_start_month,
    );
    let cycle = cycle_of(today, settings);
    let entries =
        teacher_record::credit_entries_between(conn, teacher.id, cycle.start(), cycle.end())?;
    let st = standing(entries, &cycle, settings);
    Ok(LookupRow {
        staff_no: teacher.staff_no.clone(),
        name: teacher.name.clone(),
        school: teacher.school.clone(),
        status: teacher.status,
        year,
        attendance,
        veto: !reasons.is_empty(),
        veto_reasons: reasons,
        credits: LookupCredits {
            cycle: cycle.label(),
            total: st.total,
            concentrated: st.concentrated,
            required_total: st.required_total,
            required_concentrated: st.required_concentrated,
        },
        rank: 1,
        matched: Match::Exact,
    })
}

/// What `lookup` found: the rows shown, best first, and how many teachers
/// the query finds in all (`found`) and equally well as the first (`best`).
#[derive(Debug, Clone, PartialEq)]
pub struct Lookup {
    pub rows: Vec<LookupRow>,
    pub found: usize,
    pub best: usize,
}

/// Teachers shown without `--all`: the best tie group, at most this many.
pub const BEST_SHOWN: usize = 10;
/// Teachers shown with `--all`, at most.
pub const ALL_SHOWN: usize = 100;

/// The lookup with a ready index: the teachers exactly as the TUI search ranks
/// them (`Index::search`, the one ranking function). Shows the best tie group
/// (at most `BEST_SHOWN`), or with `all` every match (at most `ALL_SHOWN`).
pub fn lookup_with_index(
    conn: &Connection,
    index: &Index,
    query: &str,
    year: i32,
    settings: &Settings,
    today: NaiveDate,
    all: bool,
) -> Result<Lookup> {
    let q = query.trim();
    let hits = if q.is_empty() {
        Vec::new()
    } else {
        index.search(q, index.len())
    };
    let Some(first) = hits.first() else {
        return Err(no_match(query));
    };
    let best = hits.iter().take_while(|h| h.ties_with(first)).count();
    let shown = if all {
        hits.len().min(ALL_SHOWN)
    } else {
        best.min(BEST_SHOWN)
    };
    let mut rows = Vec::with_capacity(shown);
    for (i, hit) in hits.iter().take(shown).enumerate() {
        for t in briefs(conn, &[hit.id])? {
            let mut row = lookup_teacher(conn, &t, year, settings, today)?;
            row.rank = i + 1;
            row.matched = hit.matched().unwrap_or(Match::Exact);
            rows.push(row);
        }
    }
    Ok(Lookup {
        rows,
        found: hits.len(),
        best,
    })
}

/// `liaoyuan lookup`: the index of the teachers the query can find (`matching_index`),
/// then `lookup_with_index`. An exact
/// staff number needs no index (unless `all` asks for every match).
pub fn lookup(
    conn: &Connection,
    query: &str,
    year: i32,
    settings: &Settings,
    today: NaiveDate,
    all: bool,
) -> Result<Lookup> {
    if query.trim().is_empty() {
        return Err(no_match(query));
    }
    if !all {
        if let Some(id) = enrolments::teacher_id_by_staff_no(conn, query.trim())? {
            let rows = briefs(conn, &[id])?
                .iter()
                .map(|t| lookup_teacher(conn, t, year, settings, today))
                .collect::<Result<Vec<_>>>()?;
            return Ok(Lookup {
                found: rows.len(),
                best: rows.len(),
                rows,
            });
        }
    }
    let index = matching_index(conn, query)?;
    lookup_with_index(conn, &index, query, year, settings, today, all)
}

/// The index of just the teachers whose text can match `query`, from the stored search
/// keys: it ranks them exactly as the index of everyone does (scores are per entry and
/// the tie order is a total order), without building that index.
pub fn matching_index(conn: &Connection, query: &str) -> Result<Index> {
    let mut probe = Probe::new(query);
    let need = probe.mask();
    crate::store::search_keys::index_of_admitted(conn, need, |e| probe.admits(e))
}
