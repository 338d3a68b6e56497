//! What `liaoyuan lookup` says besides the teachers it shows: that the best
//! match is shared, and how many more teachers the query finds and the command
//! that lists them (`--all`), so that a lookup never silently picks one.

use crate::lang::{pick, Lang, Text};
use crate::ops::lookup::{Lookup, LookupRow};

/// The notes under the answer (none when it is the only teacher found).
pub fn notes(query: &str, found: &Lookup, all: bool, lang: Lang) -> Vec<String> {
    let q = query.trim();
    let shown = found.rows.len();
    let mut out: Vec<Text> = Vec::new();
    if all {
        if found.found > shown {
            let n = found.found;
            out.push(pick(
                format!("共找到 {n} 位教师，只列出前 {shown} 位；请用更长的查询"),
                format!("{n} teachers found, the first {shown} listed; use a longer query"),
            ));
        }
        return render(out, lang);
    }
    if found.best > 1 {
        let n = found.best;
        out.push(if n > shown {
            pick(
                format!("“{q}”同样匹配 {n} 位教师（只列出前 {shown} 位）：请输入更长的查询，或用工号查询"),
                format!(
                    "'{q}' matches {n} teachers equally well (the first {shown} listed): type a \
                     longer query, or look up the staff number"
                ),
            )
        } else {
            pick(
                format!("“{q}”同样匹配 {n} 位教师：请按学校区分，或用工号查询"),
                format!(
                    "'{q}' matches {n} teachers equally well: tell them apart by school, or look \
                     up the staff number"
                ),
            )
        });
    }
    let more = found.found.saturating_sub(shown);
    if more > 0 {
        let cmd = format!("liaoyuan lookup {} --all", shell_word(q));
        out.push(pick(
            format!("另有 {more} 位教师也匹配“{q}”（匹配较弱或未列出）；全部列出：{cmd}"),
            format!(
                "{more} more teacher(s) also match '{q}' (weaker matches or not listed); \
                 to list them all: {cmd}"
            ),
        ));
    }
    render(out, lang)
}

fn render(notes: Vec<Text>, lang: Lang) -> Vec<String> {
    notes.iter().map(|n| n.get(lang).to_string()).collect()
}

/// The line above each teacher with `--all`: the rank and the rung.
pub fn rank_line(r: &LookupRow, zh: bool) -> String {
    let label = r.matched.label(zh);
    if zh {
        format!("第 {} 位 · {label}", r.rank)
    } else {
        format!("#{} · {label}", r.rank)
    }
}

/// The query as one shell word (quoted when it holds anything a shell reads).
fn shell_word(q: &str) -> String {
    let plain = !q.is_empty()
        && q.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '：'));
    if plain {
        q.to_string()
    } else {
        format!("'{}'", q.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words() {
        assert_eq!(shell_word("lin"), "lin");
        assert_eq!(shell_word("张伟"), "张伟");
        assert_eq!(shell_word("zw school:实验"), "'zw school:实验'");
        assert_eq!(shell_word("o'neil"), r"'o'\''neil'");
    }
}
