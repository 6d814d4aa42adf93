//! The device's clock, time zone and randomness, as the core wants them passed in.

use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// The device's UTC offset at a given local time (from the browser's time zone rules).
pub fn offset_at(local: PrimitiveDateTime) -> UtcOffset {
    let date = js_sys::Date::new_with_year_month_day_hr_min_sec(
        local.year() as u32,
        i32::from(u8::from(local.month())) - 1,
        i32::from(local.day()),
        i32::from(local.hour()),
        i32::from(local.minute()),
        0,
    );
    offset_of(&date)
}

/// The device's UTC offset at an instant.
fn offset_of_instant(t: OffsetDateTime) -> UtcOffset {
    let ms = (t.unix_timestamp_nanos() / 1_000_000) as f64;
    offset_of(&js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)))
}

/// The browser's UTC offset at the moment `date` stands for.
fn offset_of(date: &js_sys::Date) -> UtcOffset {
    // getTimezoneOffset is minutes *behind* UTC: Sweden in winter gives -60.
    let minutes = -(date.get_timezone_offset() as i32);
    UtcOffset::from_whole_seconds(minutes * 60).unwrap_or(UtcOffset::UTC)
}

/// Now, in the device's local offset.
pub fn now() -> OffsetDateTime {
    let ms = js_sys::Date::now();
    let utc = OffsetDateTime::from_unix_timestamp_nanos((ms as i128) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    utc.to_offset(offset_of_instant(utc))
}

/// The instant `unix_ms` as the browser writes it in `locale`, with the options of
/// `Intl.DateTimeFormat` (`("month", "long")`, `("timeZone", "UTC")`, …): the calendar's
/// own names for languages the core has no words for.
pub fn in_locale(unix_ms: f64, locale: &str, options: &[(&str, &str)]) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_ms));
    let object = js_sys::Object::new();
    for (key, value) in options {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    date.to_locale_string(locale, &object).into()
}

/// RFC 3339 text of a time.
pub fn rfc3339(t: OffsetDateTime) -> String {
    vaksam_core::timestamp::write_rfc3339(t).unwrap_or_default()
}

/// Reads RFC 3339 text.
pub fn parse(text: &str) -> Option<OffsetDateTime> {
    vaksam_core::timestamp::read_rfc3339(text)
}

/// A time for people: `2026-11-23 14:05`, in the device's local time.
pub fn display(t: OffsetDateTime) -> String {
    let local = t.to_offset(offset_of_instant(t));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        local.year(),
        u8::from(local.month()),
        local.day(),
        local.hour(),
        local.minute()
    )
}

/// Same as [`display`] for stored RFC 3339 text; shows the text as is if unreadable.
pub fn display_text(text: &str) -> String {
    parse(text).map(display).unwrap_or_else(|| text.to_owned())
}

/// Random bytes from the browser's CSPRNG.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    // Fall back to Math.random only if the CSPRNG is missing; ids then still differ.
    if bytes.iter().all(|b| *b == 0) {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// A new UUIDv7 record id.
pub fn new_record_id() -> uuid::Uuid {
    vaksam_core::record_id::new_v7(js_sys::Date::now() as u64, random_bytes::<10>())
}

/// A report as the form's draft again, its times in the device's local time (for
/// correcting a report the server refused).
pub fn draft_from(report: &vaksam_core::IncidentReport) -> vaksam_core::IncidentDraft {
    let local = |t: OffsetDateTime| {
        vaksam_core::incident::to_local_input(t.to_offset(offset_of_instant(t)))
    };
    vaksam_core::IncidentDraft {
        category: Some(report.category),
        occurred_at: local(report.occurred_at),
        discovered_at: local(report.discovered_at),
        place: report.place.clone(),
        aspects: report.aspects.clone(),
        personal_data: report.personal_data.clone(),
        harm_to_person: report.harm_to_person,
        ongoing: report.ongoing,
        actions_taken: report.actions_taken.clone(),
        description: report.description.clone(),
    }
}
