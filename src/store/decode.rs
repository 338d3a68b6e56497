//! Strict decoding of stored values: a code or date the domain does not know is an error
//! naming the table, the row and the column ("marks 7: status 'tardy' …"), never a default.
//! The schema's CHECK constraints keep such values out; another program, a hand edit or a
//! newer version of Liaoyuan may still have put them there.

use crate::error::CarriedText;
use crate::lang::pick;
use rusqlite::types::Type;
use rusqlite::Row;

/// The row a value is read from: its table and the column holding its id.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stored {
    pub table: &'static str,
    pub id_col: usize,
}

impl Stored {
    pub(crate) const fn new(table: &'static str, id_col: usize) -> Stored {
        Stored { table, id_col }
    }

    /// A required code (or date) in column `col`, read with `parse`.
    pub(crate) fn code<T>(
        self,
        r: &Row,
        col: usize,
        parse: impl Fn(&str) -> Option<T>,
    ) -> rusqlite::Result<T> {
        let text: String = r.get(col)?;
        parse(&text).ok_or_else(|| self.unknown(r, col, &text))
    }

    /// An optional code (or date) in column `col`: NULL is None, an unknown value an error.
    pub(crate) fn optional<T>(
        self,
        r: &Row,
        col: usize,
        parse: impl Fn(&str) -> Option<T>,
    ) -> rusqlite::Result<Option<T>> {
        let text: Option<String> = r.get(col)?;
        match text {
            None => Ok(None),
            Some(t) => parse(&t).map(Some).ok_or_else(|| self.unknown(r, col, &t)),
        }
    }

    fn unknown(self, r: &Row, col: usize, text: &str) -> rusqlite::Error {
        let id = r
            .get::<_, i64>(self.id_col)
            .map(|i| i.to_string())
            .unwrap_or_else(|_| "?".into());
        let column = r.as_ref().column_name(col).unwrap_or("?").to_string();
        let table = self.table;
        let message = pick(
            format!(
                "{table} {id}: {column} '{text}' 不是可识别的值；该文件可能被其他程序或更新版本的\
                 燎原修改过，请更正这一行"
            ),
            format!(
                "{table} {id}: {column} '{text}' is not a known value; another program or a \
                 newer Liaoyuan may have written it; correct the row"
            ),
        );
        rusqlite::Error::FromSqlConversionFailure(col, Type::Text, Box::new(CarriedText(message)))
    }
}
