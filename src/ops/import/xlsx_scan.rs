//! A byte scanner for the plain XML most roster sheets are: cells with a reference, whose
//! value is a shared string, an inline string, a formula's string, a boolean or an unstyled
//! number. It gives the cells calamine's cell reader gives for such a sheet and answers
//! None on anything else (a styled number may be a date, a formula, rich text, an escape
//! it does not know), so the caller reads the file through calamine instead.

use super::reader::clean;
use super::spreadsheet::cell_text;
use calamine::Data;
use memchr::memmem;

/// A sheet's non-empty cell: (0-based row, 0-based column, text).
pub(super) type SheetCell = (u32, u32, String);

/// The cleaned texts of `xl/sharedStrings.xml`, each `<si>` a plain `<t>`.
pub(super) fn shared_strings(xml: &[u8]) -> Option<Vec<String>> {
    let (open, close) = (memmem::Finder::new(b"<si>"), memmem::Finder::new(b"</si>"));
    let mut strings = Vec::new();
    let mut at = 0;
    while let Some(start) = open.find(&xml[at..]).map(|i| at + i) {
        let body = start + 4;
        let end = close.find(&xml[body..]).map(|i| body + i)?;
        strings.push(clean(&string_item(&xml[body..end])?));
        at = end + 5;
    }
    // every item was a plain <si> (an <si/> or one with attributes would shift the indexes)
    (memmem::find_iter(xml, b"<si").count() == strings.len()).then_some(strings)
}

/// The text of one `<si>` (its first `<t>`, what follows it ignored as calamine does).
fn string_item(si: &[u8]) -> Option<String> {
    let si = si.trim_ascii_start();
    let after = si.strip_prefix(b"<t")?;
    if !matches!(after.first(), Some(b'>' | b' ')) {
        return None;
    }
    let open = after.iter().position(|&b| b == b'>')?;
    if open > 0 && after[open - 1] == b'/' {
        return None; // an empty <t/>: calamine skips the item
    }
    // well-formed attributes, so that a `>` inside a quoted value does not end the tag
    attributes(&after[..open], |_, _| {})?;
    let text = &after[open + 1..];
    let text = &text[..closing(text, b"</t>")?];
    // calamine keeps only the text events of a <t>: a CDATA section or a comment is dropped
    if has_escape(text) || text.contains(&b'<') {
        return None;
    }
    unescape(text)
}

/// The cells of the part of a sheet's `<sheetData>` between `from` and `to` (both at a
/// `<row` or the end), with `strings` for the shared-string cells.
pub(super) fn cells(xml: &[u8], strings: &[String]) -> Option<Vec<SheetCell>> {
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let Some(lt) = memchr::memchr(b'<', &xml[at..]).map(|i| at + i) else {
            return xml[at..].trim_ascii().is_empty().then_some(out);
        };
        if !xml[at..lt].trim_ascii().is_empty() {
            return None;
        }
        let gt = memchr::memchr(b'>', &xml[lt..]).map(|i| lt + i)?;
        let tag = &xml[lt + 1..gt];
        at = gt + 1;
        if tag.starts_with(b"row ") || tag == b"row" || tag == b"/row" {
            continue;
        }
        let attrs = tag.strip_prefix(b"c ")?;
        if attrs.ends_with(b"/") {
            continue; // a cell without a value
        }
        let close = cell_end(xml, at)?;
        if let Some(cell) = cell(attrs, &xml[at..close], strings)? {
            out.push(cell);
        }
        at = close + 4;
    }
}

/// One `<c>` cell: None when the scanner does not know it, Some(None) when it is empty.
fn cell(attrs: &[u8], body: &[u8], strings: &[String]) -> Option<Option<SheetCell>> {
    let (mut r, mut kind, mut styled) = (None, None, false);
    attributes(attrs, |name, value| match name {
        b"r" => r = Some(value),
        b"t" => kind = Some(value),
        b"s" => styled = true,
        _ => {}
    })?;
    let (row, col) = position(r?)?;
    let text = match kind {
        Some(b"inlineStr") => {
            let t = body.strip_prefix(b"<is>")?.strip_suffix(b"</is>")?;
            let t = t.strip_prefix(b"<t>")?.strip_suffix(b"</t>")?;
            if has_escape(t) || t.contains(&b'<') {
                return None;
            }
            Some(clean(&unescape(t)?))
        }
        _ if body.is_empty() => None,
        kind => {
            let v = body.strip_prefix(b"<v>")?.strip_suffix(b"</v>")?;
            if v.contains(&b'<') {
                return None;
            }
            if kind == Some(b"s") {
                // calamine reads an index that is not plain digits ("+1") as 0
                if !v.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                let index: usize = std::str::from_utf8(v).ok()?.parse().ok()?;
                return Some(Some((row, col, strings.get(index)?.clone())));
            }
            let v = unescape(v)?;
            match kind {
                Some(b"str") => Some(clean(&v)),
                Some(b"b") => Some(cell_text(&Data::Bool(v != "0"))),
                Some(b"n") | None if !styled && !v.is_empty() => {
                    Some(cell_text(&Data::Float(v.parse().ok()?)))
                }
                Some(b"n") if v.is_empty() => None,
                _ => return None,
            }
        }
    };
    Some(text.map(|t| (row, col, t)))
}

/// Calls `each` with a tag's attributes (`name="value"` pairs apart by spaces); None when
/// they are not so.
fn attributes<'a>(mut attrs: &'a [u8], mut each: impl FnMut(&'a [u8], &'a [u8])) -> Option<()> {
    loop {
        attrs = attrs.trim_ascii_start();
        if attrs.is_empty() {
            return Some(());
        }
        let eq = memchr::memchr(b'=', attrs)?;
        let value = attrs[eq + 1..].strip_prefix(b"\"")?;
        let end = memchr::memchr(b'"', value)?;
        each(&attrs[..eq], &value[..end]);
        attrs = &value[end + 1..];
    }
}

/// "B12" as (11, 1).
fn position(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_uppercase()).count();
    // only digits after the letters: `str::parse` would take "+1", calamine refuses it
    if letters == 0 || letters > 3 || !r[letters..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let col = r[..letters]
        .iter()
        .fold(0u32, |c, b| c * 26 + u32::from(b - b'A') + 1);
    let row: u32 = std::str::from_utf8(&r[letters..]).ok()?.parse().ok()?;
    (row > 0).then(|| (row - 1, col - 1))
}

/// XML text with the five named entities and character references; None on a `\r`
/// (calamine folds line ends), another entity, or bytes that are not UTF-8.
fn unescape(text: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(text).ok()?;
    if text.contains('\r') {
        return None;
    }
    if !text.contains('&') {
        return Some(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let semi = rest[amp..].find(';')? + amp;
        out.push(entity(&rest[amp + 1..semi])?);
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    Some(out)
}

fn entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        // quick-xml refuses a signed reference (which `from_str_radix` takes) and `&#0;`
        _ if name.contains(['+', '-']) => None,
        _ => {
            let code = match name.strip_prefix("#x") {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => name.strip_prefix('#')?.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')
        }
    }
}

/// Where the `</c>` closing the cell whose content starts at `from` is.
fn cell_end(xml: &[u8], from: usize) -> Option<usize> {
    Some(from + closing(xml.get(from..)?, b"</c>")?)
}

/// Where the first `tag` (a closing tag) in `xml` is.
fn closing(xml: &[u8], tag: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let lt = from + memchr::memchr(b'<', xml.get(from..)?)?;
        if xml[lt..].starts_with(tag) {
            return Some(lt);
        }
        from = lt + 1;
    }
}

/// Whether a text holds Excel's `_xHHHH_` escapes (calamine decodes them; the scan does not).
fn has_escape(text: &[u8]) -> bool {
    text.windows(2).any(|w| w == b"_x")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_of_each_kind_and_the_ones_left_to_calamine() {
        let strings = vec!["王芳".to_string()];
        let xml = br#"<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>13812345678</v></c><c r="C1" t="inlineStr"><is><t> a&amp;b </t></is></c><c r="D1" s="2"/></row><row r="2"><c r="AA2" t="b"><v>1</v></c><c r="B2" t="str"><v>x</v></c></row>"#;
        let got = cells(xml, &strings).unwrap();
        assert_eq!(
            got,
            vec![
                (0, 0, "王芳".to_string()),
                (0, 1, "13812345678".to_string()),
                (0, 2, "a&b".to_string()),
                (1, 26, "true".to_string()),
                (1, 1, "x".to_string()),
            ]
        );
        // a styled number may be a date; a formula is calamine's to read
        assert!(cells(br#"<row r="1"><c r="A1" s="1"><v>45000</v></c></row>"#, &[]).is_none());
        assert!(cells(br#"<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>"#, &[]).is_none());
    }

    #[test]
    fn shared_strings_take_the_first_t_and_refuse_rich_text() {
        let xml = "<sst><si><t>姓名</t><phoneticPr fontId=\"1\"/></si><si><t xml:space=\"preserve\"> T1 </t></si></sst>";
        assert_eq!(shared_strings(xml.as_bytes()).unwrap(), ["姓名", "T1"]);
        assert!(shared_strings(b"<sst><si><r><t>a</t></r></si></sst>").is_none());
        assert!(shared_strings(b"<sst><si><t/></si></sst>").is_none());
        assert!(shared_strings(b"<sst><si><t>a_x000D_</t></si></sst>").is_none());
    }
}
