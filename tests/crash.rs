//! The crash screen in headless Chromium (wasm-bindgen-test): a real panic, with the hook
//! the app installs at start. Its own test binary, since the panic aborts the instance.
#![cfg(target_arch = "wasm32")]

use vaksam::store::{self, device};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_panic_shows_a_calm_screen_with_a_reload_button_and_keeps_what_was_saved() {
    device::put_meta("before-the-panic", &"kept").await.unwrap();
    vaksam::crash::install();
    // A panic in a callback the browser runs later, as an event handler's would be.
    let boom = Closure::once_into_js(|| {
        let nothing: Option<u8> = None;
        #[allow(clippy::unnecessary_literal_unwrap)]
        nothing.expect("a bug");
    });
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(boom.unchecked_ref(), 0)
        .unwrap();
    gloo_timers::future::TimeoutFuture::new(200).await;

    let document = web_sys::window().unwrap().document().unwrap();
    let screen = document
        .get_element_by_id(vaksam::crash::SCREEN_ID)
        .expect("the crash screen is shown");
    assert_eq!(screen.get_attribute("role").as_deref(), Some("alertdialog"));
    let text = screen.text_content().unwrap_or_default();
    assert!(text.contains("Något gick fel i Vaksam"), "{text}");
    assert!(text.contains("finns kvar på telefonen"), "{text}");
    let button = screen.query_selector("button").unwrap().expect("a button");
    assert_eq!(button.text_content().as_deref(), Some("Ladda om"));

    // Nothing stored was touched: a fresh connection still finds it.
    store::forget_connection();
    let kept: Option<String> = store::get_value(device::STORE, "before-the-panic")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("kept"));
}
