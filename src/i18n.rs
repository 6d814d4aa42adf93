//! The one translation layer: every UI text goes through here.
//!
//! The texts live in `locales/<tag>.ftl` (Fluent), one file per language; `build.rs`
//! checks them and generates [`T`], one variant per message of the Swedish reference. The
//! texts are not in the wasm: `index.html` starts loading the chosen language's catalog
//! (`/i18n/<tag>-<hash>.json`, made by trunk's hook and precached by the service worker)
//! while the wasm downloads, and [`start`] installs it before the app mounts. Switching
//! language loads that catalog first, then flips [`crate::AppCtx::lang`], so every text
//! changes at once. A message a language lacks is Swedish in its catalog.

use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use vaksam_core::guidance::Step;
use vaksam_core::incident::{Answer, Aspect, Category, PeopleAffected, PersonalDataKind};
use vaksam_core::protocol::RecordKind;
use vaksam_core::validation::{FieldError, FieldErrorCode};
use vaksam_i18n::Catalog;
use wasm_bindgen::{JsCast, JsValue};

pub use crate::store::StoreErrorKind;
pub use vaksam_i18n::Arg;

include!(concat!(env!("OUT_DIR"), "/i18n_keys.rs"));

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// Svenska (default).
    #[default]
    Sv,
    /// Lättläst svenska: short sentences, common words, one instruction per sentence.
    SvEasy,
    /// English.
    En,
    /// العربية, written right to left.
    Ar,
}

impl Lang {
    /// Every language, in the picker's order.
    pub const ALL: [Lang; 4] = [Lang::Sv, Lang::SvEasy, Lang::En, Lang::Ar];

    /// BCP 47 tag: the `lang` attribute, the catalog's name, and the key of pack texts.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::SvEasy => "sv-x-lattlast",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// The language for a tag (also the names an older version stored: "Sv", "En").
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag() == tag)
            .or(match tag {
                "Sv" => Some(Lang::Sv),
                "En" => Some(Lang::En),
                _ => None,
            })
    }

    fn facts(self) -> Option<&'static (&'static str, &'static str, bool, bool)> {
        LANGUAGES.iter().find(|(tag, ..)| *tag == self.tag())
    }

    /// The language in its own name ("Lättläst svenska", "العربية").
    pub fn own_name(self) -> &'static str {
        self.facts().map_or(self.tag(), |f| f.1)
    }

    /// Written right to left.
    pub fn rtl(self) -> bool {
        self.facts().is_some_and(|f| f.2)
    }

    /// `dir` for the page.
    pub fn dir(self) -> &'static str {
        if self.rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// A native speaker has reviewed the translation (the picker says so when not).
    pub fn reviewed(self) -> bool {
        self.facts().is_some_and(|f| f.3)
    }

    /// Swedish, plain or easy to read: Swedish date words and number formats.
    pub fn swedish(self) -> bool {
        matches!(self, Lang::Sv | Lang::SvEasy)
    }

    /// The same language as packs and signatures name it.
    pub fn pack_lang(self) -> vaksam_core::text::Lang {
        self.tag()
            .parse()
            .unwrap_or_else(|_| vaksam_core::text::Lang::sv())
    }

    /// The language the browser's `Intl` APIs know (lättläst is Swedish to them).
    pub fn intl_locale(self) -> &'static str {
        match self {
            Lang::Sv | Lang::SvEasy => "sv-SE",
            Lang::En => "en-GB",
            Lang::Ar => "ar-u-nu-latn",
        }
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        Lang::from_tag(&tag)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language {tag}")))
    }
}

thread_local! {
    /// Loaded catalogs; leaked, so plain texts are `&'static str` (at most one per language).
    static LOADED: RefCell<Vec<(Lang, &'static Catalog)>> = const { RefCell::new(Vec::new()) };
    /// The browser's CLDR plural rules, per language.
    static PLURALS: RefCell<Vec<(Lang, js_sys::Intl::PluralRules)>> = const { RefCell::new(Vec::new()) };
}

fn catalog(lang: Lang) -> Option<&'static Catalog> {
    LOADED.with(|l| l.borrow().iter().find(|(k, _)| *k == lang).map(|(_, c)| *c))
}

/// Whether `lang`'s catalog is loaded.
pub fn is_loaded(lang: Lang) -> bool {
    catalog(lang).is_some()
}

/// Installs a catalog (JSON as `vaksam-i18n build` writes it) for `lang`. Refused when it
/// was made for other keys than this build's, or for another language.
pub fn install(lang: Lang, json: &str) -> Result<(), String> {
    let parsed: Catalog =
        serde_json::from_str(json).map_err(|e| format!("catalog {}: {e}", lang.tag()))?;
    if parsed.fingerprint != FINGERPRINT || parsed.messages.len() != COUNT {
        return Err(format!(
            "catalog {} is for another version of Vaksam",
            lang.tag()
        ));
    }
    if parsed.lang != lang.tag() {
        return Err(format!("catalog {} holds {}", lang.tag(), parsed.lang));
    }
    if !is_loaded(lang) {
        let leaked: &'static Catalog = Box::leak(Box::new(parsed));
        LOADED.with(|l| l.borrow_mut().push((lang, leaked)));
    }
    Ok(())
}

/// `n`'s CLDR plural category in `lang` (`one`, `few`, …), from the browser.
fn plural(lang: Lang, n: f64) -> String {
    PLURALS.with(|p| {
        let mut p = p.borrow_mut();
        if !p.iter().any(|(l, _)| *l == lang) {
            let locales = js_sys::Array::of1(&JsValue::from_str(lang.intl_locale()));
            p.push((
                lang,
                js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new()),
            ));
        }
        let rules = &p.iter().find(|(l, _)| *l == lang).expect("just added").1;
        rules.select(n).into()
    })
}

impl T {
    /// The text in `lang`. (Messages with placeholders are `T`'s functions.)
    pub fn in_(self, lang: Lang) -> &'static str {
        catalog(lang)
            .or_else(|| catalog(Lang::Sv))
            .and_then(|c| c.plain(self as usize))
            .unwrap_or("")
    }
}

/// Message `key` in `lang` with its placeholders filled: only for the functions generated
/// per message, whose parameters are the message's variables.
fn format_message(lang: Lang, key: usize, args: &[(&str, Arg)]) -> String {
    match catalog(lang).or_else(|| catalog(Lang::Sv)) {
        Some(c) => c.format(key, args, &|n| plural(lang, n)),
        None => String::new(),
    }
}

/// The page's start-up object (`window.__vaksamI18n`, written by `index.html`).
pub(crate) fn page() -> Option<js_sys::Object> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str("__vaksamI18n"))
        .ok()?
        .dyn_into::<js_sys::Object>()
        .ok()
}

pub(crate) fn page_get(object: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

const LANG_KEY: &str = "vaksam.lang";

/// The language chosen in this browser before, if any.
pub fn saved() -> Option<Lang> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get::<Lang>(LANG_KEY).ok()
}

/// Remembers the choice.
pub fn save(lang: Lang) {
    use gloo_storage::Storage;
    let _ = gloo_storage::LocalStorage::set(LANG_KEY, lang);
}

/// Fetches and installs `lang`'s catalog (from the service worker's cache when offline).
pub async fn load(lang: Lang) -> Result<(), String> {
    if is_loaded(lang) {
        return Ok(());
    }
    let url = page()
        .and_then(|p| page_get(&p, "files"))
        .and_then(|files| page_get(&files, lang.tag()))
        .and_then(|u| u.as_string())
        .ok_or_else(|| format!("no catalog for {}", lang.tag()))?;
    let json = fetch_text(&url).await?;
    install(lang, &json)
}

/// How long a catalog may take: the page must not wait for ever on a hanging request.
const FETCH_TIMEOUT_MS: i32 = 10_000;

async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    let deadline = crate::api::Deadline::new(&init).ok_or("no AbortController")?;
    deadline
        .run(FETCH_TIMEOUT_MS, async {
            let response: web_sys::Response =
                JsFuture::from(window.fetch_with_str_and_init(url, &init))
                    .await
                    .map_err(|_| format!("{url}: no answer"))?
                    .unchecked_into();
            if !response.ok() {
                return Err(format!("{url}: {}", response.status()));
            }
            let text = JsFuture::from(response.text().map_err(|_| format!("{url}: unreadable"))?)
                .await
                .map_err(|_| format!("{url}: unreadable"))?;
            text.as_string().ok_or_else(|| format!("{url}: not text"))
        })
        .await
}

/// At start, before the app mounts: the language `index.html` chose (the saved choice,
/// else the phone's language when Vaksam has it, else Swedish) and its catalog, which the
/// page began fetching after its first paint. Falls back to Swedish, and tries once more
/// after a pause; `None` when no catalog can be had (the caller shows the crash screen,
/// which needs none, rather than an app without words).
pub async fn start() -> Option<Lang> {
    let page = page();
    let chosen = page
        .as_ref()
        .and_then(|p| page_get(p, "lang"))
        .and_then(|l| l.as_string())
        .and_then(|t| Lang::from_tag(&t))
        .or_else(saved)
        .unwrap_or_default();
    let early = match page.as_ref().and_then(|p| page_get(p, "strings")) {
        Some(promise) => {
            match wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await {
                Ok(text) => text.as_string(),
                Err(_) => None,
            }
        }
        None => None,
    };
    if early.is_some_and(|json| install(chosen, &json).is_ok()) || load(chosen).await.is_ok() {
        return Some(chosen);
    }
    for attempt in 0..2 {
        if attempt > 0 {
            gloo_timers::future::TimeoutFuture::new(2_000).await;
        }
        match load(Lang::Sv).await {
            Ok(()) => return Some(Lang::Sv),
            Err(e) => web_sys::console::warn_1(&format!("Vaksam: {e}").into()),
        }
    }
    None
}

/// The status line for what waits to be sent: "reports" when all of it is incident
/// reports, otherwise "saved items" (a signature or a training result may wait too).
pub fn waiting(lang: Lang, n: usize, offline: bool, reports_only: bool) -> String {
    match (reports_only, offline) {
        (true, true) => T::waiting_reports_offline(lang, n),
        (true, false) => T::waiting_reports_online(lang, n),
        (false, true) => T::waiting_items_offline(lang, n),
        (false, false) => T::waiting_items_online(lang, n),
    }
}

/// "Kunde inte skicka: …. Försöker igen om 30 s."
pub fn send_failed(lang: Lang, reason: &str, retry_in_s: Option<u64>) -> String {
    let failed = T::send_failed(lang, reason);
    match retry_in_s {
        None => failed,
        Some(s) if s >= 120 => format!("{failed} {}", T::retry_in_minutes(lang, s.div_ceil(60))),
        Some(s) => format!("{failed} {}", T::retry_in_seconds(lang, s)),
    }
}

/// Why a send failed, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailReason {
    /// No answer at all (offline, captive portal, timeout).
    NoContact,
    /// The server answered with an error status.
    ServerError(u16),
    /// The phone's own storage failed (reading what waits, or writing the answers).
    Storage(StoreErrorKind),
    /// The server answered, but for none of the records sent.
    NoAnswer,
    /// The server is busy or limits this phone for now (429/503); wait the seconds it said.
    Busy(u32),
    /// This phone has delivered as much as its municipality allows in 24 hours.
    DailyLimit(u32),
}

impl FailReason {
    /// Seconds the server asked the phone to wait (0 when it did not say).
    pub fn retry_after_s(&self) -> u32 {
        match self {
            FailReason::Busy(s) | FailReason::DailyLimit(s) => *s,
            _ => 0,
        }
    }

    /// The reason in `lang`.
    pub fn in_(&self, lang: Lang) -> String {
        match self {
            FailReason::NoContact => T::FailNoContact.in_(lang).to_owned(),
            FailReason::ServerError(s) => T::fail_server_error(lang, u32::from(*s)),
            FailReason::Storage(StoreErrorKind::Quota) => T::FailStorageFull.in_(lang).to_owned(),
            FailReason::Storage(_) => T::FailStorage.in_(lang).to_owned(),
            FailReason::NoAnswer => T::FailNoAnswer.in_(lang).to_owned(),
            FailReason::Busy(_) => T::FailBusy.in_(lang).to_owned(),
            FailReason::DailyLimit(_) => T::FailDailyLimit.in_(lang).to_owned(),
        }
    }
}

/// Category names.
pub fn category(lang: Lang, c: Category) -> &'static str {
    match c {
        Category::LostDevice => T::CategoryLostDevice,
        Category::LostCardOrKey => T::CategoryLostCardOrKey,
        Category::WrongRecipient => T::CategoryWrongRecipient,
        Category::WrongPrinter => T::CategoryWrongPrinter,
        Category::UnauthorizedAccess => T::CategoryUnauthorizedAccess,
        Category::WrongAccessRights => T::CategoryWrongAccessRights,
        Category::Phishing => T::CategoryPhishing,
        Category::Malware => T::CategoryMalware,
        Category::SystemUnavailable => T::CategorySystemUnavailable,
        Category::DataChangedOrDestroyed => T::CategoryDataChangedOrDestroyed,
        Category::Other => T::CategoryOther,
    }
    .in_(lang)
}

/// Aspect names with a plain explanation.
pub fn aspect(lang: Lang, a: Aspect) -> &'static str {
    match a {
        Aspect::Confidentiality => T::AspectConfidentiality,
        Aspect::Integrity => T::AspectIntegrity,
        Aspect::Availability => T::AspectAvailability,
        Aspect::Traceability => T::AspectTraceability,
    }
    .in_(lang)
}

/// What an aspect means for a report, in plain words and without its name: on the report's
/// "Berätta mer" screen "Sekretess" means OSL secrecy only.
pub fn aspect_plain(lang: Lang, a: Aspect) -> &'static str {
    match a {
        Aspect::Confidentiality => T::AspectPlainConfidentiality,
        Aspect::Integrity => T::AspectPlainIntegrity,
        Aspect::Availability => T::AspectPlainAvailability,
        Aspect::Traceability => T::AspectPlainTraceability,
    }
    .in_(lang)
}

/// The short name of an aspect ("Sekretess"), the same word the report flow uses.
pub fn aspect_name(lang: Lang, a: Aspect) -> &'static str {
    match a {
        Aspect::Confidentiality => T::AspectNameConfidentiality,
        Aspect::Integrity => T::AspectNameIntegrity,
        Aspect::Availability => T::AspectNameAvailability,
        Aspect::Traceability => T::AspectNameTraceability,
    }
    .in_(lang)
}

/// Kinds of personal data.
pub fn pd_kind(lang: Lang, k: PersonalDataKind) -> &'static str {
    match k {
        PersonalDataKind::Identity => T::PdKindIdentity,
        PersonalDataKind::ContactDetails => T::PdKindContactDetails,
        PersonalDataKind::Health => T::PdKindHealth,
        PersonalDataKind::SocialServices => T::PdKindSocialServices,
        PersonalDataKind::PupilRecords => T::PdKindPupilRecords,
        PersonalDataKind::ProtectedIdentity => T::PdKindProtectedIdentity,
        PersonalDataKind::Financial => T::PdKindFinancial,
        PersonalDataKind::Images => T::PdKindImages,
        PersonalDataKind::Credentials => T::PdKindCredentials,
    }
    .in_(lang)
}

/// How many people.
pub fn people(lang: Lang, p: PeopleAffected) -> &'static str {
    match p {
        PeopleAffected::One => T::PeopleOne,
        PeopleAffected::Few => T::PeopleFew,
        PeopleAffected::Many => T::PeopleMany,
        PeopleAffected::VeryMany => T::PeopleVeryMany,
        PeopleAffected::Unknown => T::PeopleUnknown,
    }
    .in_(lang)
}

/// Yes / no / don't know.
pub fn answer(lang: Lang, a: Answer) -> &'static str {
    match a {
        Answer::Yes => T::Yes,
        Answer::No => T::No,
        Answer::Unknown => T::DontKnow,
    }
    .in_(lang)
}

/// A "what to do now" step.
pub fn step(lang: Lang, s: Step) -> &'static str {
    match s {
        Step::CallItToBlockDevice => T::StepCallItToBlockDevice,
        Step::BlockCardOrKey => T::StepBlockCardOrKey,
        Step::AskRecipientToDelete => T::StepAskRecipientToDelete,
        Step::FetchPrintout => T::StepFetchPrintout,
        Step::DoNotClickOrReply => T::StepDoNotClickOrReply,
        Step::ChangePasswordIfEntered => T::StepChangePasswordIfEntered,
        Step::DisconnectAndCallIt => T::StepDisconnectAndCallIt,
        Step::UseFallbackRoutine => T::StepUseFallbackRoutine,
        Step::AskForRestore => T::StepAskForRestore,
        Step::TellManager => T::StepTellManager,
        Step::FollowLexSarahRoutine => T::StepFollowLexSarahRoutine,
        Step::CallNowItIsOngoing => T::StepCallNowItIsOngoing,
    }
    .in_(lang)
}

/// A field error in words, for the field it belongs to.
pub fn field_error(lang: Lang, code: FieldErrorCode, field: &str) -> String {
    match code {
        FieldErrorCode::Required if field == "category" => T::ErrorChooseCategory,
        FieldErrorCode::Required if field == "description" => T::ErrorDescribeOther,
        FieldErrorCode::Required if field.starts_with("confirmed") => T::ErrorConfirmPoint,
        FieldErrorCode::Required if matches!(field, "name" | "employee_ref" | "workplace") => {
            T::ErrorFillIn
        }
        FieldErrorCode::Invalid if field == "employee_ref" => T::ErrorNotEmail,
        FieldErrorCode::Required => T::ErrorEnterTime,
        FieldErrorCode::TooLong => T::ErrorTooLong,
        FieldErrorCode::Invalid => T::ErrorBadTime,
        FieldErrorCode::InFuture => T::ErrorInFuture,
        FieldErrorCode::BeforeOccurred => T::ErrorBeforeOccurred,
        FieldErrorCode::Duplicate => T::ErrorDuplicate,
        FieldErrorCode::Inconsistent => T::ErrorInconsistent,
    }
    .in_(lang)
    .to_owned()
}

/// KLASSA's words for a level.
pub fn level_word(lang: Lang, level: u8) -> &'static str {
    match level {
        0 => T::Level0,
        1 => T::Level1,
        2 => T::Level2,
        _ => T::Level3,
    }
    .in_(lang)
}

/// The harm a level names and when, about one aspect: the aspect's name, "allvarlig
/// skada" and "om den kommer ut".
fn harm(lang: Lang, aspect: Aspect, level: u8) -> (&'static str, &'static str, &'static str) {
    let when = match aspect {
        Aspect::Confidentiality => T::HarmWhenConfidentiality,
        Aspect::Integrity => T::HarmWhenIntegrity,
        Aspect::Availability => T::HarmWhenAvailability,
        Aspect::Traceability => T::HarmWhenTraceability,
    };
    let word = match level {
        0 => T::HarmNone.in_(lang),
        l => level_word(lang, l),
    };
    (aspect_name(lang, aspect), word, when.in_(lang))
}

/// A kind's level in words, never as a code: "Sekretess: allvarlig skada om den kommer ut".
pub fn harm_if(lang: Lang, aspect: Aspect, level: u8) -> String {
    let (aspect, harm, when) = harm(lang, aspect, level);
    T::harm_if(lang, aspect, harm, when)
}

/// The most a place takes, in words: "Sekretess: tål måttlig skada om den kommer ut".
pub fn place_takes(lang: Lang, aspect: Aspect, level: u8) -> String {
    let (aspect, harm, when) = harm(lang, aspect, level);
    T::place_takes(lang, aspect, harm, when)
}

/// "Fler ställen där det inte får finnas (8)"; on a place's card (`of_kinds`) "Mer som inte
/// får läggas här (8)".
pub fn more_nos(lang: Lang, n: usize, of_kinds: bool) -> String {
    if of_kinds {
        T::more_nos_kinds(lang, n)
    } else {
        T::more_nos_places(lang, n)
    }
}

/// Where the employee stands with training, in one sentence.
pub fn course_status(lang: Lang, status: vaksam_core::quiz::CourseStatus) -> String {
    use vaksam_core::quiz::CourseStatus;
    let day = |t: time::OffsetDateTime| crate::clock::display(t)[..10].to_owned();
    match status {
        CourseStatus::NotStarted => T::QuizNotStarted.in_(lang).to_owned(),
        CourseStatus::InProgress {
            right,
            total,
            due_since: Some(due),
        } => T::course_overdue(lang, day(due), total - right, total),
        CourseStatus::InProgress {
            right,
            total,
            due_since: None,
        } => T::course_in_progress(lang, right, total),
        CourseStatus::Done { next_due } => T::course_done(lang, day(next_due)),
    }
}

/// What a storage failure means for the user, and what to do.
pub fn storage_problem(lang: Lang, kind: StoreErrorKind) -> &'static str {
    match kind {
        StoreErrorKind::Quota => T::StorageQuota,
        StoreErrorKind::Unavailable => T::StorageUnavailable,
        StoreErrorKind::Other => T::StorageOther,
    }
    .in_(lang)
}

/// The label of the question or field a refusal names (`payload.` already removed).
fn refused_field_label(kind: RecordKind, field: &str) -> Option<T> {
    let head = field.split('.').next().unwrap_or(field);
    Some(match (kind, head) {
        (RecordKind::Incident, "category") => T::QCategory,
        (RecordKind::Incident, "occurred_at") => T::OccurredAt,
        (RecordKind::Incident, "discovered_at") => T::DiscoveredAt,
        (RecordKind::Incident, "place") => T::PlaceLabel,
        (RecordKind::Incident, "aspects") => T::QAspects,
        (RecordKind::Incident, "personal_data") => T::QPersonalData,
        (RecordKind::Incident, "harm_to_person") => T::QHarm,
        (RecordKind::Incident, "ongoing") => T::QOngoing,
        (RecordKind::Incident, "actions_taken") => T::ActionsLabel,
        (RecordKind::Incident, "description") => T::DescriptionLabel,
        (_, "kommunkod") => T::Municipality,
        (_, "pack_version") => T::PolicyVersion,
        (RecordKind::Signature, "name") => T::FieldName,
        (RecordKind::Signature, "employee_ref") => T::FieldEmployeeRef,
        (RecordKind::Signature, "workplace") => T::FieldWorkplace,
        (RecordKind::Signature, "confirmed") => T::ConfirmEach,
        _ => return None,
    })
}

/// One reason the server gave for refusing a record, in plain words: the question it
/// concerns, then what is wrong (`Det hände: Tiden ligger i framtiden …`).
pub fn refusal(lang: Lang, kind: RecordKind, error: &FieldError) -> String {
    let field = error.field.strip_prefix("payload.").unwrap_or(&error.field);
    let text = match (error.code, field) {
        (FieldErrorCode::InFuture, _) => T::RefusalInFuture.in_(lang).to_owned(),
        (_, "kommunkod") => T::RefusalOtherMunicipality.in_(lang).to_owned(),
        (_, "pack_version") => T::RefusalUnknownVersion.in_(lang).to_owned(),
        (_, "payload") => T::RefusalUnreadable.in_(lang).to_owned(),
        _ => {
            let text = field_error(lang, error.code, field);
            if refused_field_label(kind, field).is_none() {
                return format!("{text} ({field}: {})", error.message);
            }
            text
        }
    };
    match refused_field_label(kind, field) {
        Some(label) => T::refusal_line(lang, label.in_(lang), text),
        None => text,
    }
}
