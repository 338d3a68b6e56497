use super::*;
use ratatui::backend::TestBackend;
use ratatui::style::Stylize;
use ratatui::Terminal;

fn text(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

#[test]
fn cells_are_cut_by_display_width_never_inside_a_cjk_character() {
    let cols = Columns::fit(14, &[Column::fixed(7), Column::fixed(3).right()]);
    let line = cols.line(
        vec![Cell::text("实验小学附属幼儿园"), Cell::text("7")],
        Style::default(),
        Style::default(),
    );
    assert_eq!(text(&line), "实验小… ".to_string() + "  7 ");
    let line = cols.line(
        vec![Cell::text("张伟"), Cell::text("1234")],
        Style::default(),
        Style::default(),
    );
    assert_eq!(text(&line), "张伟    12… ");
}

#[test]
fn a_column_that_does_not_fit_is_left_out() {
    let cols = Columns::fit(10, &[Column::fixed(6), Column::fixed(6)]);
    assert_eq!(cols.widths(), &[6, 0]);
    let line = cols.header(&["姓名", "学校"], Style::default());
    assert_eq!(text(&line), "姓名   ");
}

#[test]
fn styled_spans_are_cut_as_one_text() {
    let spans = vec![Span::raw("ab"), Span::raw("c").red(), Span::raw("de")];
    let out = fit(Cell::Spans(spans.clone()), 4, false, Style::default());
    let t: String = out.iter().map(|s| s.content.as_ref()).collect();
    assert_eq!(t, "abc…");
    assert_eq!(out[2].content, "…");
    let out = fit(Cell::Spans(spans), 7, false, Style::default());
    let t: String = out.iter().map(|s| s.content.as_ref()).collect();
    assert_eq!(t, "abcde  ");
    let out = fit(
        Cell::Spans(vec![Span::raw("出勤迟到")]),
        5,
        false,
        Style::default(),
    );
    let t: String = out.iter().map(|s| s.content.as_ref()).collect();
    assert_eq!(t, "出勤…");
}

#[test]
fn the_list_keeps_the_cursor_on_screen_and_says_when_it_is_empty() {
    let mut terminal = Terminal::new(TestBackend::new(10, 4)).unwrap();
    let mut state = ListState { cursor: 7, page: 0 };
    terminal
        .draw(|f| {
            let t =
                ListTable::new(10, |i| Line::from(format!("row {i}"))).header(Line::from("head"));
            f.render_stateful_widget(t, f.area(), &mut state);
        })
        .unwrap();
    assert_eq!(state.page, 3);
    let shown: Vec<String> = (0..4)
        .map(|y| {
            (0..10)
                .map(|x| terminal.backend().buffer()[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect();
    assert_eq!(shown[0].trim_end(), "head");
    assert_eq!(shown[1].trim_end(), "row 5");
    assert_eq!(shown[3].trim_end(), "row 7");
    terminal
        .draw(|f| {
            let t = ListTable::new(0, |_| Line::default()).empty(Line::from("none"));
            f.render_stateful_widget(t, f.area(), &mut state);
        })
        .unwrap();
    assert_eq!(terminal.backend().buffer()[(0, 0)].symbol(), "n");
}
