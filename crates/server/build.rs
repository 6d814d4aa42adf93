//! Embeds the built app (trunk's `dist/`) into the server binary, so deployment is one file.
//! Without a `dist/` the server still builds and serves a page that says the app is missing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let dist = std::env::var("VAKSAM_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest.join("../../dist"));
    println!("cargo:rerun-if-env-changed=VAKSAM_DIST");
    println!("cargo:rerun-if-changed={}", dist.display());

    let mut files = Vec::new();
    if dist.is_dir() {
        collect(&dist, &dist, &mut files);
    }
    files.sort();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    let mut code = String::from(
        "/// One file of the built app: (path, raw, brotli, gzip).\npub type File = (&'static str, &'static [u8], &'static [u8], &'static [u8]);\n/// Files of the built app.\npub static FILES: &[File] = &[\n",
    );
    for (i, (rel, abs)) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", abs.display());
        let raw = std::fs::read(abs).expect("read dist file");
        let br = out_dir.join(format!("asset{i}.br"));
        let gz = out_dir.join(format!("asset{i}.gz"));
        std::fs::write(&br, brotli_of(&raw)).expect("write brotli");
        std::fs::write(&gz, gzip_of(&raw)).expect("write gzip");
        writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?}), include_bytes!({:?}), include_bytes!({:?})),",
            abs.display().to_string(),
            br.display().to_string(),
            gz.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    std::fs::write(out_dir.join("embedded_app.rs"), code).expect("write embedded_app.rs");
}

fn brotli_of(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).expect("brotli");
    out
}

fn gzip_of(raw: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw).expect("gzip");
    encoder.finish().expect("gzip")
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            files.push((format!("/{rel}"), path.canonicalize().unwrap_or(path)));
        }
    }
}
