//! The printable sign-in sheet (签到表) of one session, as XLSX: the paper
//! fallback of a registration day without a terminal. The filled-in sheet
//! comes back through `import marks --project CODE --session N`.

use crate::domain::{Project, Session, DATE_FMT, TIME_FMT};
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::ops::export::sheet::{sheet_name, xlsx_error};
use crate::search::keys::pinyin_keys;
use crate::store::enrolments::{self, EnrolledTeacher};
use crate::store::{projects, sessions, settings, trainers};
use chrono::Datelike;
use rusqlite::Connection;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

/// The columns of the sheet (the import of marks recognises 姓名, 工号, 签到时间, 签退时间).
pub const HEADERS: [&str; 7] = [
    "序号",
    "姓名",
    "学校",
    "工号",
    "签名",
    "签到时间",
    "签退时间",
];

/// Blank rows at the end of the list for teachers who walk in unenrolled.
pub const WALK_IN_ROWS: usize = 3;

/// Everything printed on one session's sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SignInSheet {
    pub district: String,
    pub project: Project,
    pub session: Session,
    /// 1-based number of the session in its project.
    pub number: usize,
    pub trainer: Option<String>,
    /// Enrolled teachers, by school then name (pinyin order).
    pub teachers: Vec<EnrolledTeacher>,
}

/// Gathers the sheet of session `number` (1-based) of project `code`.
pub fn build(conn: &Connection, code: &str, number: usize) -> Result<SignInSheet> {
    let project = projects::project_by_code(conn, code)?.ok_or_else(|| {
        Error::invalid(pick(
            format!("--project {code}：没有这个编号的培训项目"),
            format!("--project {code}: no project has this code"),
        ))
    })?;
    let all = sessions::sessions_of_project(conn, project.id)?;
    let session = number
        .checked_sub(1)
        .and_then(|i| all.get(i))
        .cloned()
        .ok_or_else(|| {
            let (code, n) = (&project.code, all.len());
            Error::invalid(pick(
                format!("--session {number}：{code} 共有 {n} 场，按日期从 1 开始编号"),
                format!(
                    "--session {number}: {code} has {n} session(s), numbered from 1 in date order"
                ),
            ))
        })?;
    let trainer = match session.trainer_id {
        Some(id) => trainers::get(conn, id)?.map(|t| t.name),
        None => None,
    };
    let mut teachers = enrolments::enrolled_teachers(conn, project.id)?;
    teachers.sort_by_cached_key(|t| {
        (
            pinyin_keys(&t.school).0,
            t.school.clone(),
            pinyin_keys(&t.name).0,
            t.staff_no.clone(),
        )
    });
    Ok(SignInSheet {
        district: settings::load(conn)?.district_name,
        project,
        session,
        number,
        trainer,
        teachers,
    })
}

fn weekday(d: chrono::NaiveDate) -> &'static str {
    [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ][d.weekday().num_days_from_monday() as usize]
}

/// The project code and session number printed in a sheet's title rows
/// ("项目：…（CODE）", "第N场"), so that `import marks` of a filled-in sheet
/// needs neither `--project` nor `--session`.
pub fn read_title(lines: &[String]) -> (Option<String>, Option<usize>) {
    let mut code = None;
    let mut number = None;
    for line in lines {
        if let Some(rest) = line.strip_prefix("项目：") {
            let what = rest.split('\u{3000}').next().unwrap_or(rest);
            if let (Some(open), Some(close)) = (what.rfind('（'), what.rfind('）')) {
                // `get` is None when the brackets stand the wrong way round.
                let inner = what.get(open + '（'.len_utf8()..close).map(str::trim);
                if let Some(inner) = inner.filter(|i| !i.is_empty()) {
                    code = Some(inner.to_string());
                }
            }
        }
        for (i, _) in line.match_indices('第') {
            let digits: String = line[i + '第'.len_utf8()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let after = &line[i + '第'.len_utf8() + digits.len()..];
            if !digits.is_empty() && after.starts_with('场') {
                number = digits.parse().ok();
            }
        }
    }
    (code, number)
}

impl SignInSheet {
    /// The title lines above the table.
    pub fn title_lines(&self) -> [String; 3] {
        let s = &self.session;
        let venue = if s.venue.is_empty() {
            &self.project.venue
        } else {
            &s.venue
        };
        let mut when = format!(
            "时间：{} {} {}–{}　第{}场",
            s.date.format(DATE_FMT),
            weekday(s.date),
            s.start.format(TIME_FMT),
            s.end.format(TIME_FMT),
            self.number
        );
        if !venue.is_empty() {
            when.push_str(&format!("　地点：{venue}"));
        }
        let mut what = format!("项目：{}（{}）", self.project.title, self.project.code);
        if !s.topic.is_empty() {
            what.push_str(&format!("　主题：{}", s.topic));
        }
        if let Some(t) = &self.trainer {
            what.push_str(&format!("　讲师：{t}"));
        }
        [format!("{}教师培训签到表", self.district), what, when]
    }

    /// The workbook bytes: printable on A4, fitted to the page width, bordered.
    pub fn xlsx_bytes(&self) -> Result<Vec<u8>> {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        self.fill(ws).map_err(xlsx_error)?;
        book.save_to_buffer().map_err(xlsx_error)
    }

    /// Writes the workbook to the checked output file.
    pub fn save(&self, out: &crate::ops::output_file::OutputFile) -> Result<()> {
        out.write(&self.xlsx_bytes()?)
    }

    fn fill(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        ws.set_name(sheet_name(&format!("签到表 第{}场", self.number)))?;
        let last = (HEADERS.len() - 1) as u16;
        let title = Format::new()
            .set_bold()
            .set_font_size(16)
            .set_align(FormatAlign::Center);
        let info = Format::new().set_align(FormatAlign::Left);
        let head = Format::new()
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let [t0, t1, t2] = self.title_lines();
        ws.merge_range(0, 0, 0, last, &t0, &title)?;
        ws.merge_range(1, 0, 1, last, &t1, &info)?;
        ws.merge_range(2, 0, 2, last, &t2, &info)?;
        ws.set_row_height(0, 28)?;
        for (j, h) in HEADERS.iter().enumerate() {
            ws.write_string_with_format(3, j as u16, *h, &head)?;
        }
        let mut widths = [6usize, 8, 12, 10, 16, 10, 10];
        for (i, t) in self.teachers.iter().enumerate() {
            let r = (i + 4) as u32;
            ws.set_row_height(r, 26)?;
            ws.write_number_with_format(r, 0, (i + 1) as f64, &cell)?;
            ws.write_string_with_format(r, 1, &t.name, &cell)?;
            ws.write_string_with_format(r, 2, &t.school, &cell)?;
            ws.write_string_with_format(r, 3, &t.staff_no, &cell)?;
            for c in 4..=6 {
                ws.write_blank(r, c, &cell)?;
            }
            widths[1] = widths[1].max(t.name.width() + 2);
            widths[2] = widths[2].max(t.school.width() + 2);
            widths[3] = widths[3].max(t.staff_no.width() + 2);
        }
        // Blank bordered rows for walk-ins (现场报名): name, school and staff number by hand.
        let first_blank = self.teachers.len() + 4;
        for i in 0..WALK_IN_ROWS {
            let r = (first_blank + i) as u32;
            ws.set_row_height(r, 26)?;
            for c in 0..=last {
                ws.write_blank(r, c, &cell)?;
            }
        }
        let foot = (first_blank + WALK_IN_ROWS + 1) as u32;
        ws.merge_range(
            foot,
            0,
            foot,
            last,
            &format!(
                "应到 {} 人，实到 ____ 人，请假 ____ 人　　　　记录人：________",
                self.teachers.len()
            ),
            &info,
        )?;
        for (j, w) in widths.iter().enumerate() {
            ws.set_column_width(j as u16, *w as f64)?;
        }
        ws.set_paper_size(9); // A4
        ws.set_portrait();
        ws.set_print_fit_to_pages(1, 0);
        ws.set_print_center_horizontally(true);
        ws.set_footer("&C第 &P 页 / 共 &N 页");
        ws.set_repeat_rows(3, 3)?;
        ws.set_freeze_panes(4, 0)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_with_brackets_the_wrong_way_round_is_no_panic() {
        let lines = vec!["项目：重庆市（2024）年培训（第二期".to_string()];
        assert_eq!(read_title(&lines), (None, None));
        let lines = vec!["项目：培训）（".to_string()];
        assert_eq!(read_title(&lines), (None, None));
    }

    #[test]
    fn title_names_project_and_session() {
        let lines = [
            "潼南区教师培训签到表".to_string(),
            "项目：2026年（春季）骨干培训（2026-QP-101）　主题：新课标（一）　讲师：李明华"
                .to_string(),
            "时间：2026-03-02 星期一 08:30–11:30　第12场　地点：报告厅".to_string(),
        ];
        assert_eq!(
            read_title(&lines),
            (Some("2026-QP-101".to_string()), Some(12))
        );
        assert_eq!(read_title(&["签到表".to_string()]), (None, None));
    }
}
