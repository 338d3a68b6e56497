//! Hand-built workbooks with unusual XML: the fast scan (`xlsx_fast`) must give the rows
//! calamine gives or leave the file to calamine, and no file may panic the import.

use super::limits::Limits;
use super::reader::{read_bytes, RawRow};
use super::xlsx_fast::first_sheet_rows;
use std::io::Write;
use std::path::Path;

/// A one-sheet workbook with `cells` as its `<sheetData>` and `strings` as its `<sst>`.
fn book(cells: &str, strings: Option<&str>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut part = |name: &str, text: &str| {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    part(
        "[Content_Types].xml",
        r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#,
    );
    part(
        "xl/workbook.xml",
        r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    );
    part(
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
    );
    part(
        "xl/worksheets/sheet1.xml",
        &format!(
            r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#
        ),
    );
    if let Some(sst) = strings {
        part(
            "xl/sharedStrings.xml",
            &format!(
                r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sst}</sst>"#
            ),
        );
    }
    zip.finish().unwrap().into_inner()
}

/// The rows calamine's cell reader gives, or its error.
fn through_calamine(bytes: &[u8]) -> Result<Option<Vec<RawRow>>, String> {
    let mut xlsx: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec()))
            .map_err(|e: calamine::XlsxError| e.to_string())?;
    super::xlsx_rows::first_sheet_rows(&mut xlsx, Path::new("x.xlsx"), &Limits::default())
        .map_err(|e| e.to_string())
}

/// The fast scan gives calamine's rows or leaves the file to calamine.
fn agrees(cells: &str, strings: Option<&str>) {
    let bytes = book(cells, strings);
    let fast = first_sheet_rows(&bytes, &Limits::default()).unwrap();
    if let Some(fast) = fast {
        assert_eq!(
            Ok(Some(fast)),
            through_calamine(&bytes),
            "{cells} {strings:?}"
        );
    }
}

#[test]
fn text_calamine_skips_inside_a_t_is_not_kept() {
    // calamine reads the text events of a <t>, not a CDATA section or a comment
    let row = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#;
    agrees(row, Some("<si><t>a<![CDATA[b]]>c</t></si>"));
    agrees(row, Some("<si><t>a<!-- b -->c</t></si>"));
}

#[test]
fn character_references_calamine_refuses_are_left_to_it() {
    // a signed or NUL character reference is an error for quick-xml, so for calamine
    for text in ["&#+65;", "&#0;", "&#x0;", "&#-1;"] {
        agrees(
            &format!(r#"<row r="1"><c r="A1" t="str"><v>a{text}</v></c></row>"#),
            None,
        );
        agrees(
            &format!(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>a{text}</t></is></c></row>"#),
            None,
        );
        agrees(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
            Some(&format!("<si><t>a{text}</t></si>")),
        );
    }
}

#[test]
fn a_reference_with_a_sign_is_left_to_calamine() {
    agrees(r#"<row r="1"><c r="A+1" t="str"><v>x</v></c></row>"#, None);
}

#[test]
fn ordinary_oddities_agree_with_calamine() {
    let strings =
        Some("<si><t>&#x1F600;&amp;</t></si><si><t>a_x000D_b</t></si><si><t>a\r\nb</t></si>");
    for cells in [
        r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>"#,
        r#"<row r="1"><c t="str"><v>x</v></c></row>"#,
        r#"<row r="1"><c r="A1"><v/></c><c r="B1" t="str"><v>x</v></c></row>"#,
        r#"<row r="1"><c r="XFD1" t="str"><v>x</v></c><c r="A1" t="str"><v>y</v></c></row>"#,
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;row r="2"&gt;</t></is></c></row>"#,
    ] {
        agrees(cells, strings);
    }
}

#[test]
fn hostile_sheets_never_panic_the_import() {
    let strings = Some("<si><t>a</t></si>");
    for cells in [
        r#"<row r="1"><c r="A1" t="s"><v>7</v></c></row>"#,
        r#"<row r="1"><c r="AAAAAAA1" t="str"><v>x</v></c></row>"#,
        r#"<row r="1"><c r="A99999999999" t="str"><v>x</v></c></row>"#,
        r#"<row r="1"><c r="A1" t="str"><v>x</v></c><c r="B1" t="s"><v>0</v"#,
    ] {
        let bytes = book(cells, strings);
        let got = std::panic::catch_unwind(|| read_bytes(&bytes, Path::new("x.xlsx")).map(|_| ()));
        assert!(got.is_ok(), "{cells} panicked");
    }
}

#[test]
fn a_shared_string_index_with_a_sign_is_read_as_calamine_reads_it() {
    let strings = Some("<si><t>a</t></si><si><t>b</t></si>");
    agrees(r#"<row r="1"><c r="A1" t="s"><v>+1</v></c></row>"#, strings);
}

#[test]
fn a_cell_far_right_is_refused_without_filling_the_row() {
    // ZZZZZZ is column 321,272,406: the row was resized to that many blank cells (7.7 GB)
    let far =
        r#"<row r="1"><c r="A1" t="str"><v>a</v></c><c r="ZZZZZZ1" t="str"><v>x</v></c></row>"#;
    let e = read_bytes(&book(far, None), Path::new("x.xlsx")).unwrap_err();
    assert!(e.to_string().contains("321272406"), "{e}");
    let blank =
        r#"<row r="1"><c r="A1" t="str"><v>a</v></c><c r="ZZZZZZ1" t="str"><v></v></c></row>"#;
    let rows = read_bytes(&book(blank, None), Path::new("x.xlsx")).unwrap();
    assert_eq!(rows[0].cells, ["a"]);
}

#[test]
fn markup_calamine_reads_as_such_agrees() {
    let row = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#;
    // a `>` inside an attribute value of the <t> does not end the tag
    agrees(row, Some(r#"<si><t xml:space=">">x</t></si>"#));
    agrees(
        r#"<row r="1"><c r="A1" t="str"><v>a_x000D_b&#13;c</v></c><c r="B1" t="s"><v/></c></row>"#,
        Some("<si><t>s</t></si>"),
    );
}
