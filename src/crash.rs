//! What the user sees if the app panics: a calm full-screen message with a reload button.
//!
//! After a panic the wasm instance aborts and the reactive runtime is gone, so the message
//! is built with plain DOM calls, inside the hook, before the abort. Nothing is stored or
//! deleted here: what was saved stays in IndexedDB and the reloaded app finds it.

use crate::i18n::page_get;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(text: &str);
}

/// The crash screen's element id.
pub const SCREEN_ID: &str = "vaksam-crash";

/// Installs the hook (once, at start). The previous hook still runs after it.
pub fn install() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        console_error(&info.to_string());
        show_screen();
        previous(info);
    }));
}

/// The texts when the page has none (a test without index.html): Swedish, or English.
const TITLE: (&str, &str) = ("Något gick fel i Vaksam", "Something went wrong in Vaksam");
const TEXT: (&str, &str) = (
    "Det du har sparat finns kvar på telefonen. Ladda om appen för att fortsätta.",
    "What you have saved is still on this phone. Reload the app to go on.",
);
const RELOAD: (&str, &str) = ("Ladda om", "Reload");

/// Puts the crash screen over everything (once, however many panics follow).
pub fn show_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(SCREEN_ID).is_some() {
        return;
    }
    let _ = build(&document);
}

/// The crash screen's texts in the page's language (`<html lang>`, which the app keeps
/// up to date): from what index.html carries for every language (`window.__vaksamI18n`,
/// written by `vaksam-i18n build`), since the app's catalog may be what failed.
fn texts(document: &web_sys::Document) -> [String; 3] {
    let lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    let texts = crate::i18n::page()
        .and_then(|p| page_get(&p, "splash"))
        .and_then(|splash| page_get(&splash, &lang));
    let from_page = |key: &str| texts.as_ref().and_then(|t| page_get(t, key)?.as_string());
    let english = lang == "en";
    let pick = |key: &str, (sv, en): (&str, &str)| {
        from_page(key).unwrap_or_else(|| if english { en } else { sv }.to_owned())
    };
    [
        pick("crash-title", TITLE),
        pick("crash-text", TEXT),
        pick("reload", RELOAD),
    ]
}

fn build(document: &web_sys::Document) -> Result<(), JsValue> {
    let [title_text, text_text, reload_text] = texts(document);
    let screen = document.create_element("div")?;
    screen.set_id(SCREEN_ID);
    screen.set_class_name("crash");
    screen.set_attribute("role", "alertdialog")?;
    screen.set_attribute("aria-modal", "true")?;
    screen.set_attribute("aria-labelledby", "vaksam-crash-title")?;
    let title = document.create_element("h1")?;
    title.set_id("vaksam-crash-title");
    title.set_text_content(Some(&title_text));
    let text = document.create_element("p")?;
    text.set_text_content(Some(&text_text));
    let button = document.create_element("button")?;
    button.set_attribute("type", "button")?;
    button.set_class_name("button primary");
    button.set_text_content(Some(&reload_text));
    // A listener, not an inline handler: the CSP allows no inline script.
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref())?;
    reload.forget();
    screen.append_child(&title)?;
    screen.append_child(&text)?;
    screen.append_child(&button)?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&screen)?;
    if let Some(b) = button.dyn_ref::<web_sys::HtmlElement>() {
        let _ = b.focus();
    }
    Ok(())
}
