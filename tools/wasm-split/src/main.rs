//! Splits a wasm module at its `#[wasm_split]` points, as `wasm-split-cli --out-name NAME`
//! does, and writes the split's manifest beside the modules: `manifest.json`, which for
//! each split point lists the .wasm files it loads (its shared chunks first, its own module
//! last). scripts/link-splits.mjs builds the chunks' loader from that manifest.
//!
//! Usage: wasm-split INPUT.wasm OUTPUT_DIR --out-name NAME
//! Writes OUTPUT_DIR/NAME.wasm (the main module, for wasm-bindgen, whose JavaScript module
//! is then ./NAME.js), OUTPUT_DIR/split_*.wasm and chunk_*.wasm, and OUTPUT_DIR/manifest.json.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wasm_split_cli_support as split;

struct Args {
    input: PathBuf,
    output: PathBuf,
    out_name: String,
}

fn parse_args() -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut out_name = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--out-name" {
            let name = args.next().ok_or("--out-name needs a name")?;
            out_name = Some(name.into_string().map_err(|_| "--out-name is not UTF-8")?);
        } else {
            positional.push(PathBuf::from(arg));
        }
    }
    match (<[PathBuf; 2]>::try_from(positional), out_name) {
        (Ok([input, output]), Some(out_name)) => Ok(Args {
            input,
            output,
            out_name,
        }),
        _ => Err("usage: wasm-split INPUT.wasm OUTPUT_DIR --out-name NAME".into()),
    }
}

/// The manifest as JSON: `{"splits":{"<split point>":["<file stem>", …], …}}`, sorted.
fn manifest_json(prefetch: &BTreeMap<&String, &Vec<String>>) -> String {
    let quote = |s: &str| {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' | '\\' => out.extend(['\\', c]),
                c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    let entries: Vec<String> = prefetch
        .iter()
        .map(|(split, files)| {
            let files: Vec<String> = files.iter().map(|f| quote(f)).collect();
            format!("\n    {}: [{}]", quote(split), files.join(", "))
        })
        .collect();
    format!("{{\n  \"splits\": {{{}\n  }}\n}}\n", entries.join(","))
}

fn run(args: Args) -> Result<(), String> {
    let input = std::fs::read(&args.input)
        .map_err(|e| format!("cannot read {}: {e}", args.input.display()))?;
    let main_out_path = args.output.join(format!("{}.wasm", args.out_name));
    let main_module = format!("./{}.js", args.out_name);
    let mut opts = split::Options::new(&input);
    opts.output_dir = &args.output;
    opts.main_out_path = &main_out_path;
    opts.main_module = &main_module;
    opts.target.web();
    let result = split::transform(opts).map_err(|e| format!("{e:?}"))?;
    let prefetch: BTreeMap<_, _> = result.prefetch_map.iter().collect();
    let manifest = Path::new(&args.output).join("manifest.json");
    std::fs::write(&manifest, manifest_json(&prefetch))
        .map_err(|e| format!("cannot write {}: {e}", manifest.display()))
}

fn main() -> ExitCode {
    match parse_args().and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wasm-split: {message}");
            ExitCode::FAILURE
        }
    }
}
