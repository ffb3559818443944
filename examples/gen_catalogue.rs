//! Writes a synthetic catalogue for benchmarks: `cargo run --release --example
//! gen_catalogue -- SIZE OUT.json [LINES.txt]`. The optional third file gets
//! one line per entry with all its searchable text, for `fzf --filter`.

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use std::io::{BufWriter, Write};

use indsats::catalogue::load::{Origin, load};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(size), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: gen_catalogue SIZE OUT.json [LINES.txt]");
        std::process::exit(2);
    };
    let size: usize = size.parse()?;
    let base = load(Origin::Bundled)?.catalogue;
    let catalogue = synthetic::catalogue(&base, size, 42);
    let mut json = BufWriter::new(std::fs::File::create(out)?);
    serde_json::to_writer(&mut json, &catalogue)?;
    json.flush()?;
    if let Some(lines) = args.get(2) {
        let mut file = BufWriter::new(std::fs::File::create(lines)?);
        for entry in &catalogue.initiatives {
            writeln!(file, "{}", synthetic::line(entry))?;
        }
        file.flush()?;
    }
    Ok(())
}
