use clap::Parser;
use liaoyuan::cli::{self, Cli};

fn main() {
    let args = match Cli::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { cli::EXIT_USAGE } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    let code = match cli::run::run(args) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("liaoyuan: {e}");
            cli::EXIT_ERROR
        }
    };
    std::process::exit(code);
}
