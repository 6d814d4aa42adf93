fn main() {
    vaksam::crash::install();
    leptos::mount::mount_to_body(vaksam::App);
}
