//! Fast bulk inserts for generated data (the demo district, benchmarks):
//! explicit ids, rows written many to a statement (`batch.rs`), inside the caller's
//! transaction. Validation is the caller's job; the schema's CHECKs still apply. The demo's
//! load runs on two threads: `BulkWriter` (writer.rs) collects rows where they are generated,
//! the `Inserter` (pipe.rs) inserts them on the connection's thread.

mod added_teachers;
mod batch;
mod counts;
mod fast_hash;
mod load;
mod pipe;
mod plain;
mod raw;
mod report_tally;
mod rows;
mod tally;
mod writer;

pub use added_teachers::*;
pub use batch::Batch;
pub use counts::*;
pub use load::*;
pub use pipe::Inserter;
pub use plain::{strip_virtual_columns, Stripped};
pub use report_tally::ReportTally;
pub use rows::*;
pub use tally::MarkTally;
pub use writer::BulkWriter;
