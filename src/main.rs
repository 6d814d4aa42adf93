fn main() {
    vaksam::crash::install();
    wasm_bindgen_futures::spawn_local(vaksam::run());
}
