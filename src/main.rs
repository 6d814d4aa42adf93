fn main() {
    leptos::mount::mount_to_body(vaksam::App);
}
