//! Random list-like frames and wide characters at the row's end, drawn by `write_frame` and
//! compared with what they should show (`both`).

use super::both;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

const AREA: Rect = super::AREA;

/// A small deterministic generator (xorshift) for the frames below.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Frames like list screens: rows of wide and narrow text in a few styles (selected rows
/// with a background, reversed, bold, dim), rows that empty, shift and come back, wide
/// characters over narrow ones and the other way round, text up to the last column.
fn random_frames(seed: u64, area: Rect, count: usize) -> Vec<Buffer> {
    let words = [
        "张伟",
        "实验小学",
        "6 1 - 0",
        "T0001",
        "区级骨干…",
        "a",
        "  ",
        "勤勤假",
        "2026",
        "zhangw",
        "潼南区",
        "x",
    ];
    let styles = [
        Style::default(),
        Style::default().fg(Color::Rgb(208, 208, 208)),
        Style::default()
            .fg(Color::Rgb(255, 215, 95))
            .add_modifier(Modifier::BOLD),
        Style::default().fg(Color::White).bg(Color::Rgb(58, 58, 90)),
        Style::default().add_modifier(Modifier::REVERSED),
        Style::default()
            .fg(Color::Gray)
            .add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
        Style::default().bg(Color::Blue),
    ];
    let mut rng = Rng(seed);
    let mut b = Buffer::empty(area);
    let mut out = Vec::new();
    for _ in 0..count {
        for _ in 0..rng.below(8) {
            let y = rng.below(area.height as usize) as u16;
            match rng.below(6) {
                // a row emptied
                0 => b.set_string(0, y, " ".repeat(area.width as usize), Style::default()),
                // a row shifted (the list scrolled by one)
                1 if y > 0 => {
                    for x in 0..area.width {
                        let c = b[(x, y - 1)].clone();
                        b[(x, y)] = c;
                    }
                }
                _ => {
                    let x = rng.below(area.width as usize) as u16;
                    let word = words[rng.below(words.len())];
                    let style = styles[rng.below(styles.len())];
                    b.set_string(x, y, word, style);
                }
            }
        }
        out.push(b.clone());
    }
    out
}

#[test]
fn random_list_like_frames_show_what_ratatuis_backend_shows() {
    let mut fewer = 0;
    for seed in 1..=200 {
        let (plain, compact) = both(&random_frames(seed, AREA, 12));
        if compact < plain {
            fewer += 1;
        }
    }
    assert!(fewer > 150, "{fewer} of 200 runs wrote fewer bytes");
}

#[test]
fn a_wide_character_in_the_last_two_columns_and_the_row_after_it() {
    let area = Rect::new(0, 0, 10, 3);
    let mut a = Buffer::empty(area);
    a.set_string(0, 0, "abcdefgh张", Style::default());
    a.set_string(0, 1, "0123456789", Style::default());
    let mut b = a.clone();
    b.set_string(0, 0, "abcdefghij", Style::default());
    b.set_string(2, 1, "x", Style::default());
    let mut c = b.clone();
    c.set_string(8, 0, "区", Style::default().bg(Color::Blue));
    c.set_string(0, 1, "  ", Style::default());
    both(&[a, b, c, Buffer::empty(area)]);
}
