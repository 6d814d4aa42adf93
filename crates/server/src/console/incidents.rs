//! The incident register and triage: the list with its deadline board, a case's page with
//! its decisions, the IMY dossier, the breach register (GDPR art. 33(5)) and exports.
//! Who sees what is `vaksam_core::console::roles`; the clocks and the rules of each form
//! are `vaksam_core::console::{clock, triage}`.

use super::page::{self, Ctx, OrPage, Page};
use super::session::Signed;
use super::{see_other, ConsoleState};
use crate::storage::accounts::{AdminAccount, NewAudit};
use crate::storage::cases::{Applied, Authority, Change, HandoverEntry, Note, Triage};
use crate::storage::{RegisterEntry, Storage};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use std::collections::HashMap;
use time::OffsetDateTime;
use uuid::Uuid;
use vaksam_core::console::cert_se::CertSeCategory;
use vaksam_core::console::clock::{self, Clock, ClockState};
use vaksam_core::console::roles::{may, Action, Role, Subject};
use vaksam_core::console::sweden_time;
use vaksam_core::console::triage::{
    self, BreachDecision, CaseFacts, Handover, Nis2Decision, PersonalDataFlag, Risk, Routine,
};
use vaksam_core::incident::Answer;
use vaksam_core::protocol::CaseStatus;
use vaksam_core::validation::FieldError;
use vaksam_core::{CaseNumber, IncidentReport, Kommunkod, SupplementReport};

/// The routes of the register.
pub fn routes<S: Storage>() -> Router<ConsoleState<S>> {
    Router::new()
        .route("/incidents", get(list::<S>))
        .route("/incidents.csv", get(export_csv::<S>))
        .route("/incidents.json", get(export_json::<S>))
        .route("/breaches", get(breaches::<S>))
        .route("/breaches.csv", get(breaches_csv::<S>))
        .route("/breaches.json", get(breaches_json::<S>))
        .route("/incidents/{case}", get(detail::<S>))
        .route("/incidents/{case}/imy", get(dossier::<S>))
        .route("/incidents/{case}/{action}", post(change::<S>))
}

/// One case as the console shows it: the register's entry, the report read back, what was
/// added, the triage and the clocks.
pub struct CaseView {
    /// The register entry (what the employee sent, as stored).
    pub entry: RegisterEntry,
    /// The case number.
    pub number: CaseNumber,
    /// The incident's record id.
    pub id: Uuid,
    /// The report.
    pub report: IncidentReport,
    /// What the employee added, oldest first, with when each was received.
    pub supplements: Vec<(SupplementReport, String)>,
    /// What the municipality recorded.
    pub triage: Triage,
    /// Whether personal data are involved, by the latest answer.
    pub personal_data: PersonalDataFlag,
    /// The clocks that apply.
    pub clocks: Vec<Clock>,
}

impl CaseView {
    fn facts(&self) -> CaseFacts {
        CaseFacts {
            status: self.entry.status,
            aware_at: self.report.discovered_at,
            personal_data: self.personal_data,
            breach: self.triage.breach.clone(),
            nis2: self.triage.nis2.clone(),
            assignee: self.triage.assignee,
        }
    }

    fn subject(&self, admin: &AdminAccount) -> Subject {
        Subject {
            personal_data: self.personal_data,
            assigned_to_me: self.triage.assignee == Some(admin.id),
        }
    }

    /// The report's fields with their plain labels, for the page and the dossier.
    pub fn received(&self) -> String {
        self.time_of(&self.entry.received_at)
    }

    fn time_of(&self, rfc3339: &str) -> String {
        OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339)
            .map(sweden_time::format)
            .unwrap_or_else(|_| rfc3339.to_owned())
    }
}

fn flag(answer: Answer) -> PersonalDataFlag {
    match answer {
        Answer::Yes => PersonalDataFlag::Yes,
        Answer::No => PersonalDataFlag::No,
        Answer::Unknown => PersonalDataFlag::Unknown,
    }
}

/// Every case of a municipality with its triage and clocks (the register's order).
pub async fn load<S: Storage>(
    storage: &S,
    kommunkod: &Kommunkod,
) -> Result<Vec<CaseView>, crate::storage::StorageError> {
    let corrupt = |e: String| crate::storage::StorageError::Corrupt(e);
    let mut triages = storage.triages(kommunkod).await?;
    let entries = storage.incident_register(kommunkod).await?;
    entries
        .into_iter()
        .map(|entry| {
            let report: IncidentReport =
                serde_json::from_value(entry.report.clone()).map_err(|e| corrupt(e.to_string()))?;
            let supplements = entry
                .supplements
                .iter()
                .map(|s| {
                    serde_json::from_value::<SupplementReport>(s.supplement.clone())
                        .map(|r| (r, s.received_at.clone()))
                        .map_err(|e| corrupt(e.to_string()))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let involved = supplements
                .iter()
                .rev()
                .find_map(|(s, _)| s.personal_data.as_ref())
                .unwrap_or(&report.personal_data)
                .involved;
            let id = Uuid::parse_str(&entry.id).map_err(|e| corrupt(e.to_string()))?;
            let number: CaseNumber = entry
                .case_number
                .parse()
                .map_err(|e| corrupt(format!("{e:?}")))?;
            let triage = triages.remove(&id).unwrap_or_default();
            let mut view = CaseView {
                entry,
                number,
                id,
                report,
                supplements,
                triage,
                personal_data: flag(involved),
                clocks: Vec::new(),
            };
            view.clocks = clock::clocks(&view.facts());
            Ok(view)
        })
        .collect()
}

/// The municipality a signed-in admin works in, if their role may see incidents at all.
fn municipality(signed: &Signed, action: Action) -> Option<Kommunkod> {
    let role = signed.admin.role;
    if role == Role::Sysadmin || !may_some(role, action) {
        return None;
    }
    signed.admin.kommunkod.clone()
}

/// Whether the role may do `action` on some incident (the list shows which).
fn may_some(role: Role, action: Action) -> bool {
    let anything = [
        Subject {
            personal_data: PersonalDataFlag::Yes,
            assigned_to_me: true,
        },
        Subject {
            personal_data: PersonalDataFlag::No,
            assigned_to_me: false,
        },
    ];
    may(role, action, None) || anything.iter().any(|s| may(role, action, Some(s)))
}

fn forbidden(ctx: Ctx) -> Response {
    page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden")
}

fn not_found(ctx: Ctx) -> Response {
    page::error(ctx, StatusCode::NOT_FOUND, "error.not_found")
}

// ---------------------------------------------------------------------------------------
// The register

/// The register's filters (a GET form).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Filters {
    /// `received`, `in_progress`, `closed`, or empty for all.
    #[serde(default)]
    pub status: String,
    /// A category's wire name, or empty.
    #[serde(default)]
    pub category: String,
    /// `yes`, `unknown`, `no`, or empty.
    #[serde(default)]
    pub personal_data: String,
    /// Part of the workplace the employee named.
    #[serde(default)]
    pub workplace: String,
    /// Received on or after this date (`YYYY-MM-DD`, Swedish time).
    #[serde(default)]
    pub from: String,
    /// Received on or before this date.
    #[serde(default)]
    pub to: String,
}

impl Filters {
    fn keeps(&self, c: &CaseView) -> bool {
        let received = sweden_time::format(received_at(c));
        let received_day = &received[..10];
        (self.status.is_empty() || c.entry.status.as_str() == self.status)
            && (self.category.is_empty() || c.entry.category == self.category)
            && (self.personal_data.is_empty() || c.personal_data.as_str() == self.personal_data)
            && (self.workplace.trim().is_empty()
                || c.report
                    .place
                    .to_lowercase()
                    .contains(&self.workplace.trim().to_lowercase()))
            && (self.from.is_empty() || received_day >= self.from.as_str())
            && (self.to.is_empty() || received_day <= self.to.as_str())
    }

    /// The filters as a query string (for the export links).
    pub fn query(&self) -> String {
        [
            ("status", &self.status),
            ("category", &self.category),
            ("personal_data", &self.personal_data),
            ("workplace", &self.workplace),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", page::url_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
    }
}

fn received_at(c: &CaseView) -> OffsetDateTime {
    OffsetDateTime::parse(
        &c.entry.received_at,
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap_or(c.report.discovered_at)
}

/// What the signed-in admin sees of the register, with the filters applied, most urgent
/// first, then newest.
async fn visible<S: Storage>(
    state: &ConsoleState<S>,
    signed: &Signed,
    kommunkod: &Kommunkod,
    filters: &Filters,
) -> Result<Vec<CaseView>, crate::storage::StorageError> {
    let mut cases: Vec<CaseView> = load(&state.storage, kommunkod)
        .await?
        .into_iter()
        .filter(|c| {
            signed.admin.role == Role::Coordinator
                || vaksam_core::console::roles::sees_in_register(
                    signed.admin.role,
                    &c.subject(&signed.admin),
                )
        })
        .filter(|c| filters.keeps(c))
        .collect();
    cases.sort_by(|a, b| {
        clock::urgency_key(&a.clocks)
            .cmp(&clock::urgency_key(&b.clocks))
            .then_with(|| b.number.cmp(&a.number))
    });
    Ok(cases)
}

/// A row of the register.
pub struct Row {
    /// Case number.
    pub number: String,
    /// Category's label.
    pub category: String,
    /// Received, Swedish time.
    pub received: String,
    /// Personal data label.
    pub personal_data: String,
    /// Status label.
    pub status: String,
    /// Assignee's name.
    pub assignee: String,
    /// The next deadline, if any.
    pub next: Option<Due>,
}

/// A deadline as shown.
pub struct Due {
    /// Case number.
    pub number: String,
    /// Which clock, in words.
    pub what: String,
    /// Due, Swedish time.
    pub at: String,
    /// Time left or overdue, in words.
    pub left: String,
    /// Whether it is overdue.
    pub overdue: bool,
    /// Whether less than 12 hours are left.
    pub soon: bool,
}

fn due(ctx: &Ctx, number: &str, c: &Clock, now: OffsetDateTime) -> Due {
    let state = c.state(now);
    let (left, overdue, soon) = match state {
        ClockState::Open { left } => (
            ctx.tf1("clock.left", "time", span(ctx, left)),
            false,
            left < time::Duration::hours(12),
        ),
        ClockState::Overdue { by } => (
            ctx.tf1("clock.overdue_by", "time", span(ctx, by)),
            true,
            false,
        ),
        ClockState::DoneInTime => (ctx.t("clock.done"), false, false),
        ClockState::DoneLate { by } => (
            ctx.tf1("clock.done_late", "time", span(ctx, by)),
            false,
            false,
        ),
    };
    Due {
        number: number.to_owned(),
        what: ctx.t(&format!("clock.{}", c.kind.as_str())),
        at: sweden_time::format(c.due_at),
        left,
        overdue,
        soon,
    }
}

/// A duration in words: days and hours, or hours and minutes under a day.
fn span(ctx: &Ctx, d: time::Duration) -> String {
    let minutes = d.whole_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    if days > 0 {
        ctx.tf("span.days_hours", &[("days", &days), ("hours", &hours)])
    } else {
        ctx.tf(
            "span.hours_minutes",
            &[("hours", &hours), ("minutes", &mins)],
        )
    }
}

/// The register page.
#[derive(askama::Template)]
#[template(path = "console/incidents.html")]
pub struct ListPage {
    ctx: Ctx,
    filters: Filters,
    rows: Vec<Row>,
    board: Vec<Due>,
    categories: Vec<(String, String)>,
    export_query: String,
}

fn names_of(admins: &[AdminAccount]) -> HashMap<Uuid, String> {
    admins.iter().map(|a| (a.id, a.name.clone())).collect()
}

async fn list<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Query(filters): Query<Filters>,
) -> Result<Response, Response> {
    let Some(kommunkod) = municipality(&signed, Action::ViewRegister) else {
        return Ok(forbidden(ctx));
    };
    let now = state.now();
    let cases = visible(&state, &signed, &kommunkod, &filters)
        .await
        .or_page()?;
    let names = names_of(&state.storage.admins(Some(&kommunkod)).await.or_page()?);
    let mut board: Vec<(OffsetDateTime, Due)> = cases
        .iter()
        .flat_map(|c| {
            c.clocks
                .iter()
                .filter(|k| k.is_running())
                .map(|k| (k.due_at, due(&ctx, &c.entry.case_number, k, now)))
                .collect::<Vec<_>>()
        })
        .collect();
    board.sort_by_key(|(at, _)| *at);
    let rows = cases
        .iter()
        .map(|c| Row {
            number: c.entry.case_number.clone(),
            category: ctx.t(&format!("category.{}", c.entry.category)),
            received: c.received(),
            personal_data: ctx.t(&format!("pd.{}", c.personal_data.as_str())),
            status: ctx.t(&format!("status.{}", c.entry.status.as_str())),
            assignee: c
                .triage
                .assignee
                .and_then(|a| names.get(&a).cloned())
                .unwrap_or_default(),
            next: clock::most_urgent(&c.clocks).map(|k| due(&ctx, &c.entry.case_number, k, now)),
        })
        .collect();
    let categories = vaksam_core::incident::Category::ALL
        .iter()
        .map(|c| {
            (
                c.as_str().to_owned(),
                ctx.t(&format!("category.{}", c.as_str())),
            )
        })
        .collect();
    Ok(Page::new(ListPage {
        export_query: filters.query(),
        ctx,
        filters,
        rows,
        board: board.into_iter().map(|(_, d)| d).collect(),
        categories,
    }))
}

// ---------------------------------------------------------------------------------------
// A case

/// Finds a case the admin may open; `None` for unknown, another municipality's, or one
/// the role may not see (all answered alike).
async fn find<S: Storage>(
    state: &ConsoleState<S>,
    signed: &Signed,
    case: &str,
) -> Result<Option<(Kommunkod, CaseView)>, Response> {
    let Some(kommunkod) = signed.admin.kommunkod.clone() else {
        return Ok(None);
    };
    let Ok(number) = case.parse::<CaseNumber>() else {
        return Ok(None);
    };
    let cases = load(&state.storage, &kommunkod).await.or_page()?;
    let found = cases.into_iter().find(|c| c.number == number);
    Ok(found
        .filter(|c| {
            may(
                signed.admin.role,
                Action::ViewIncident,
                Some(&c.subject(&signed.admin)),
            )
        })
        .map(|c| (kommunkod, c)))
}

/// The values and errors of a form that was sent back, so the page shows what was typed.
#[derive(Debug, Clone, Default)]
pub struct Sent {
    /// Which form (its action name).
    pub form: String,
    /// The fields as typed.
    pub values: HashMap<String, String>,
    /// What was wrong, by field.
    pub errors: Vec<FieldError>,
}

/// A labelled field of the report.
pub struct Field {
    /// Label.
    pub label: String,
    /// Value in words.
    pub value: String,
}

/// A clock as the case page shows it.
pub struct ClockRow {
    /// Which, in words.
    pub what: String,
    /// To whom, by the authorities table.
    pub to: String,
    /// When it started.
    pub from: String,
    /// The deadline and where it stands.
    pub due: Due,
    /// Done when.
    pub done: String,
}

/// The case page.
#[derive(askama::Template)]
#[template(path = "console/incident.html")]
pub struct DetailPage {
    ctx: Ctx,
    number: String,
    status: String,
    fields: Vec<Field>,
    supplements: Vec<(String, Vec<Field>)>,
    clocks: Vec<ClockRow>,
    notes: Vec<Note>,
    handovers: Vec<HandoverEntry>,
    admins: Vec<(String, String)>,
    assignee: String,
    may_triage: bool,
    may_breach: bool,
    may_nis2: bool,
    may_dossier: bool,
    sent: Sent,
    values: HashMap<String, String>,
    message: Option<(String, String)>,
    cert_se: Vec<(String, String)>,
    authorities: Vec<Authority>,
}

impl DetailPage {
    /// The value of a form field: as typed if that form was sent back, else as recorded.
    pub fn v(&self, name: &str) -> String {
        self.sent
            .values
            .get(name)
            .or_else(|| self.values.get(name))
            .cloned()
            .unwrap_or_default()
    }

    /// Whether a select's option is chosen.
    pub fn chosen(&self, name: &str, value: &str) -> bool {
        self.v(name) == value
    }

    /// The error of a field, in words, if the form sent back has one.
    pub fn error(&self, field: &str) -> Option<String> {
        self.sent.errors.iter().find(|e| e.field == field).map(|e| {
            let specific = format!("field.{}.{}", e.field, code_name(e.code));
            let text = self.ctx.t(&specific);
            if text.starts_with('⟦') {
                self.ctx.t(&format!("code.{}", code_name(e.code)))
            } else {
                text
            }
        })
    }

    /// The errors of the form `form`, for its summary.
    pub fn errors_of(&self, form: &str) -> Vec<(String, String)> {
        if self.sent.form != form {
            return Vec::new();
        }
        self.sent
            .errors
            .iter()
            .map(|e| {
                (
                    e.field.replace('.', "-"),
                    self.error(&e.field).unwrap_or_default(),
                )
            })
            .collect()
    }

    /// The field's id in the page (dots are not welcome in fragment links).
    pub fn id(&self, field: &str) -> String {
        field.replace('.', "-")
    }

    /// Whether the authority `key`'s name is known; its name in the page's language.
    pub fn authority(&self, key: &str) -> String {
        self.authorities
            .iter()
            .find(|a| a.key == key)
            .map(|a| match self.ctx.lang {
                super::i18n::Lang::Sv => a.name_sv.clone(),
                super::i18n::Lang::En => a.name_en.clone(),
            })
            .unwrap_or_else(|| key.to_owned())
    }
}

fn code_name(code: vaksam_core::validation::FieldErrorCode) -> &'static str {
    use vaksam_core::validation::FieldErrorCode::*;
    match code {
        Required => "required",
        TooLong => "too_long",
        Invalid => "invalid",
        InFuture => "in_future",
        BeforeOccurred => "before_occurred",
        Duplicate => "duplicate",
        Inconsistent => "inconsistent",
    }
}

fn answer(ctx: &Ctx, a: Answer) -> String {
    ctx.t(match a {
        Answer::Yes => "answer.yes",
        Answer::No => "answer.no",
        Answer::Unknown => "answer.unknown",
    })
}

fn wire<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn personal_data_fields(ctx: &Ctx, p: &vaksam_core::incident::PersonalData, out: &mut Vec<Field>) {
    let mut f = |label: &str, value: String| {
        out.push(Field {
            label: ctx.t(label),
            value,
        })
    };
    f("report.personal_data", answer(ctx, p.involved));
    if !p.kinds.is_empty() {
        f(
            "report.kinds",
            p.kinds
                .iter()
                .map(|k| ctx.t(&format!("pdkind.{}", wire(k))))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if let Some(people) = p.people {
        f("report.people", ctx.t(&format!("people.{}", wire(&people))));
    }
    if p.involved != Answer::No {
        f("report.sensitive", answer(ctx, p.sensitive));
        f("report.secrecy", answer(ctx, p.secrecy));
    }
}

fn report_fields(ctx: &Ctx, c: &CaseView) -> Vec<Field> {
    let r = &c.report;
    let mut out = vec![
        Field {
            label: ctx.t("report.category"),
            value: ctx.t(&format!("category.{}", c.entry.category)),
        },
        Field {
            label: ctx.t("report.occurred_at"),
            value: sweden_time::format(r.occurred_at),
        },
        Field {
            label: ctx.t("report.discovered_at"),
            value: sweden_time::format(r.discovered_at),
        },
        Field {
            label: ctx.t("report.saved_at"),
            value: c.time_of(&c.entry.device_created_at),
        },
        Field {
            label: ctx.t("report.received_at"),
            value: c.received(),
        },
        Field {
            label: ctx.t("report.reported_by"),
            value: c.entry.reported_by.clone(),
        },
        Field {
            label: ctx.t("report.place"),
            value: r.place.clone(),
        },
        Field {
            label: ctx.t("report.aspects"),
            value: r
                .aspects
                .iter()
                .map(|a| ctx.t(&format!("aspect.{}", wire(a))))
                .collect::<Vec<_>>()
                .join(", "),
        },
    ];
    personal_data_fields(ctx, &r.personal_data, &mut out);
    out.push(Field {
        label: ctx.t("report.harm_to_person"),
        value: answer(ctx, r.harm_to_person),
    });
    out.push(Field {
        label: ctx.t("report.ongoing"),
        value: answer(ctx, r.ongoing),
    });
    out.push(Field {
        label: ctx.t("report.actions_taken"),
        value: r.actions_taken.clone(),
    });
    out.push(Field {
        label: ctx.t("report.description"),
        value: r.description.clone(),
    });
    out
}

fn supplement_fields(ctx: &Ctx, s: &SupplementReport) -> Vec<Field> {
    let mut out = Vec::new();
    for (label, text) in [
        ("report.description", &s.description),
        ("report.place", &s.place),
        ("report.actions_taken", &s.actions_taken),
    ] {
        if !text.is_empty() {
            out.push(Field {
                label: ctx.t(label),
                value: text.clone(),
            });
        }
    }
    if let Some(p) = &s.personal_data {
        personal_data_fields(ctx, p, &mut out);
    }
    if let Some(a) = s.harm_to_person {
        out.push(Field {
            label: ctx.t("report.harm_to_person"),
            value: answer(ctx, a),
        });
    }
    if let Some(a) = s.ongoing {
        out.push(Field {
            label: ctx.t("report.ongoing"),
            value: answer(ctx, a),
        });
    }
    out
}

fn opt_bool(b: Option<bool>) -> String {
    match b {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

fn opt_time(t: Option<OffsetDateTime>) -> String {
    t.map(sweden_time::to_input).unwrap_or_default()
}

/// The recorded values of every form on the case page.
fn recorded(c: &CaseView) -> HashMap<String, String> {
    let b = &c.triage.breach;
    let n = &c.triage.nis2;
    let mut v = HashMap::new();
    let mut put = |k: &str, val: String| {
        v.insert(k.to_owned(), val);
    };
    put("status", c.entry.status.as_str().to_owned());
    put("closing_summary", c.triage.closing_summary.clone());
    put(
        "assignee",
        c.triage.assignee.map(|a| a.to_string()).unwrap_or_default(),
    );
    put("breach.is_breach", opt_bool(b.is_breach));
    put(
        "breach.risk",
        b.risk.map(|r| r.as_str().to_owned()).unwrap_or_default(),
    );
    put("breach.notify_imy", opt_bool(b.notify_imy));
    put("breach.reason", b.reason.clone());
    put("breach.notified_at", opt_time(b.notified_at));
    put("breach.delay_reason", b.delay_reason.clone());
    put("breach.subjects_informed", opt_bool(b.subjects_informed));
    put("nis2.significant", opt_bool(n.significant));
    put("nis2.reason", n.reason.clone());
    put("nis2.early_warning_at", opt_time(n.early_warning_at));
    put("nis2.notification_at", opt_time(n.notification_at));
    put("nis2.final_report_at", opt_time(n.final_report_at));
    put("cert_se", c.triage.cert_se.clone().unwrap_or_default());
    put(
        "handover.at",
        sweden_time::to_input(OffsetDateTime::now_utc()),
    );
    v
}

async fn detail<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Path(case): Path<String>,
) -> Result<Response, Response> {
    render_case(
        &state,
        &signed,
        ctx,
        &case,
        Sent::default(),
        StatusCode::OK,
        true,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn render_case<S: Storage>(
    state: &ConsoleState<S>,
    signed: &Signed,
    ctx: Ctx,
    case: &str,
    sent: Sent,
    status: StatusCode,
    audit_view: bool,
) -> Result<Response, Response> {
    let Some((kommunkod, c)) = find(state, signed, case).await? else {
        return Ok(not_found(ctx));
    };
    let now = state.now();
    if audit_view {
        state
            .storage
            .audit(
                NewAudit::by(&signed.admin, "incident.view", &c.entry.case_number, ""),
                now,
            )
            .await
            .or_page()?;
    }
    let (notes, handovers) = state.storage.case_log(&kommunkod, c.id).await.or_page()?;
    let admins = state.storage.admins(Some(&kommunkod)).await.or_page()?;
    let authorities = state.storage.authorities().await.or_page()?;
    let subject = c.subject(&signed.admin);
    let role = signed.admin.role;
    let clocks = c
        .clocks
        .iter()
        .map(|k| ClockRow {
            what: ctx.t(&format!("clock.{}", k.kind.as_str())),
            to: authorities
                .iter()
                .find(|a| a.key == k.kind.recipient_key())
                .map(|a| match ctx.lang {
                    super::i18n::Lang::Sv => a.name_sv.clone(),
                    super::i18n::Lang::En => a.name_en.clone(),
                })
                .unwrap_or_default(),
            from: sweden_time::format(k.starts_at),
            due: due(&ctx, &c.entry.case_number, k, now),
            done: k.done_at.map(sweden_time::format).unwrap_or_default(),
        })
        .collect();
    let page = DetailPage {
        number: c.entry.case_number.clone(),
        status: ctx.t(&format!("status.{}", c.entry.status.as_str())),
        fields: report_fields(&ctx, &c),
        supplements: c
            .supplements
            .iter()
            .map(|(s, at)| (c.time_of(at), supplement_fields(&ctx, s)))
            .collect(),
        clocks,
        notes,
        handovers,
        assignee: c
            .triage
            .assignee
            .and_then(|a| admins.iter().find(|x| x.id == a))
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        admins: admins
            .iter()
            .filter(|a| !a.disabled)
            .map(|a| {
                (
                    a.id.to_string(),
                    format!(
                        "{} ({})",
                        a.name,
                        ctx.t(&format!("role.{}", a.role.as_str()))
                    ),
                )
            })
            .collect(),
        may_triage: may(role, Action::Triage, Some(&subject)),
        may_breach: may(role, Action::DecideBreach, Some(&subject)),
        may_nis2: may(role, Action::DecideNis2, Some(&subject)),
        may_dossier: may(role, Action::DecideBreach, Some(&subject)),
        values: recorded(&c),
        message: c.triage.employee_message.clone().map(|m| {
            (
                m,
                c.triage
                    .employee_message_at
                    .map(sweden_time::format)
                    .unwrap_or_default(),
            )
        }),
        cert_se: CertSeCategory::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_owned(),
                    match ctx.lang {
                        super::i18n::Lang::Sv => k.name_sv().to_owned(),
                        super::i18n::Lang::En => k.name_en().to_owned(),
                    },
                )
            })
            .collect(),
        authorities,
        sent,
        ctx,
    };
    Ok(page::render(&page, status))
}

fn yes_no(text: Option<&String>) -> Option<bool> {
    match text.map(String::as_str) {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    }
}

/// A time field: empty is `None`; anything else must be a time.
fn time_field(
    form: &HashMap<String, String>,
    name: &str,
    errors: &mut Vec<FieldError>,
) -> Option<OffsetDateTime> {
    let text = form.get(name).map(|s| s.trim()).unwrap_or("");
    if text.is_empty() {
        return None;
    }
    let parsed = sweden_time::parse_input(text);
    if parsed.is_none() {
        errors.push(FieldError::new(
            name,
            vaksam_core::validation::FieldErrorCode::Invalid,
            "not a date and time",
        ));
    }
    parsed
}

fn text(form: &HashMap<String, String>, name: &str) -> String {
    form.get(name).cloned().unwrap_or_default()
}

/// `POST /admin/incidents/{case}/{action}`: one form of the case page.
async fn change<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Path((case, action)): Path<(String, String)>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, Response> {
    let Some((kommunkod, c)) = find(&state, &signed, &case).await? else {
        return Ok(not_found(ctx));
    };
    let now = state.now();
    let role = signed.admin.role;
    let subject = c.subject(&signed.admin);
    let needed = match action.as_str() {
        "breach" => Action::DecideBreach,
        "nis2" => Action::DecideNis2,
        _ => Action::Triage,
    };
    if !may(role, needed, Some(&subject)) {
        return Ok(forbidden(ctx));
    }
    let aware = c.report.discovered_at;
    let mut errors = Vec::new();
    let (change, detail): (Change, String) = match action.as_str() {
        "status" => {
            let to = CaseStatus::from_wire(&text(&form, "status"));
            let summary = text(&form, "closing_summary");
            match to {
                Some(to) => {
                    if let Err(e) = triage::transition(&c.facts(), to, &summary) {
                        errors.extend(e);
                    }
                    (
                        Change::Status {
                            expected: c.entry.status,
                            to,
                            summary,
                        },
                        to.as_str().to_owned(),
                    )
                }
                None => {
                    errors.push(FieldError::new(
                        "status",
                        vaksam_core::validation::FieldErrorCode::Invalid,
                        "choose a status",
                    ));
                    (Change::Note(String::new()), String::new())
                }
            }
        }
        "assign" => {
            let who = text(&form, "assignee");
            let admin = if who.is_empty() {
                None
            } else {
                match Uuid::parse_str(&who) {
                    Ok(id) => Some(id),
                    Err(_) => {
                        errors.push(FieldError::new(
                            "assignee",
                            vaksam_core::validation::FieldErrorCode::Invalid,
                            "choose someone",
                        ));
                        None
                    }
                }
            };
            (Change::Assign(admin), who)
        }
        "breach" => {
            let d = BreachDecision {
                is_breach: yes_no(form.get("breach.is_breach")),
                risk: form.get("breach.risk").and_then(|r| Risk::parse(r)),
                notify_imy: yes_no(form.get("breach.notify_imy")),
                reason: text(&form, "breach.reason"),
                notified_at: time_field(&form, "breach.notified_at", &mut errors),
                delay_reason: text(&form, "breach.delay_reason"),
                subjects_informed: yes_no(form.get("breach.subjects_informed")),
            };
            if errors.is_empty() {
                if let Err(e) = triage::validate_breach(&d, aware, now) {
                    errors.extend(e);
                }
            }
            let detail = serde_json::to_string(&d).unwrap_or_default();
            (Change::Breach(d), detail)
        }
        "nis2" => {
            let d = Nis2Decision {
                significant: yes_no(form.get("nis2.significant")),
                reason: text(&form, "nis2.reason"),
                early_warning_at: time_field(&form, "nis2.early_warning_at", &mut errors),
                notification_at: time_field(&form, "nis2.notification_at", &mut errors),
                final_report_at: time_field(&form, "nis2.final_report_at", &mut errors),
            };
            if errors.is_empty() {
                if let Err(e) = triage::validate_nis2(&d, aware, now) {
                    errors.extend(e);
                }
            }
            let detail = serde_json::to_string(&d).unwrap_or_default();
            (Change::Nis2(d), detail)
        }
        "handover" => {
            let routine = Routine::parse(&text(&form, "handover.routine"));
            let at = time_field(&form, "handover.at", &mut errors);
            if routine.is_none() {
                errors.push(FieldError::new(
                    "handover.routine",
                    vaksam_core::validation::FieldErrorCode::Required,
                    "choose the routine",
                ));
            }
            if at.is_none() && !errors.iter().any(|e| e.field == "handover.at") {
                errors.push(FieldError::new(
                    "handover.at",
                    vaksam_core::validation::FieldErrorCode::Required,
                    "say when",
                ));
            }
            let h = Handover {
                routine: routine.unwrap_or(Routine::Other),
                to: text(&form, "handover.to"),
                at: at.unwrap_or(now),
                note: text(&form, "handover.note"),
            };
            if errors.is_empty() {
                if let Err(e) = triage::validate_handover(&h, aware, now) {
                    errors.extend(e);
                }
            }
            let detail = format!("{}: {}", h.routine.as_str(), h.to);
            (Change::Handover(h), detail)
        }
        "cert_se" => {
            let code = text(&form, "cert_se");
            let category = if code.is_empty() {
                None
            } else {
                match CertSeCategory::parse(&code) {
                    Some(c) => Some(c.as_str().to_owned()),
                    None => {
                        errors.push(FieldError::new(
                            "cert_se",
                            vaksam_core::validation::FieldErrorCode::Invalid,
                            "choose a category",
                        ));
                        None
                    }
                }
            };
            (Change::CertSe(category), code)
        }
        "message" => {
            let m = text(&form, "message");
            if let Err(e) = triage::validate_message(&m) {
                errors.extend(e);
            }
            (Change::Message(m.trim().to_owned()), String::new())
        }
        "note" => {
            let n = text(&form, "note");
            if let Err(e) = triage::validate_note(&n) {
                errors.extend(e);
            }
            (Change::Note(n.trim().to_owned()), String::new())
        }
        _ => return Ok(not_found(ctx)),
    };
    let back = |errors: Vec<FieldError>| Sent {
        form: action.clone(),
        values: form.clone(),
        errors,
    };
    if !errors.is_empty() {
        return render_case(
            &state,
            &signed,
            ctx,
            &case,
            back(errors),
            StatusCode::UNPROCESSABLE_ENTITY,
            false,
        )
        .await;
    }
    let audit = NewAudit::by(
        &signed.admin,
        &format!("incident.{action}"),
        &c.entry.case_number,
        detail,
    );
    match state
        .storage
        .change_case(&kommunkod, c.number, change, audit, now)
        .await
        .or_page()?
    {
        Applied::Done => Ok(see_other(&format!(
            "/incidents/{}?saved={action}#{action}",
            c.entry.case_number
        ))),
        Applied::NoCase => Ok(not_found(ctx)),
        Applied::Stale => {
            let e = FieldError::new(
                "status",
                vaksam_core::validation::FieldErrorCode::Inconsistent,
                "changed meanwhile",
            );
            render_case(
                &state,
                &signed,
                ctx,
                &case,
                back(vec![e]),
                StatusCode::CONFLICT,
                false,
            )
            .await
        }
        Applied::NoSuchAdmin => {
            let e = FieldError::new(
                "assignee",
                vaksam_core::validation::FieldErrorCode::Invalid,
                "not an admin here",
            );
            render_case(
                &state,
                &signed,
                ctx,
                &case,
                back(vec![e]),
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            )
            .await
        }
    }
}

// ---------------------------------------------------------------------------------------
// The IMY dossier

/// The dossier: IMY's notification form's questions, answered from the report and the
/// decisions, with no names.
#[derive(askama::Template)]
#[template(path = "console/imy.html")]
pub struct DossierPage {
    ctx: Ctx,
    number: String,
    imy: String,
    sections: Vec<(String, Vec<Field>)>,
    plain: String,
}

async fn dossier<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Path(case): Path<String>,
) -> Result<Response, Response> {
    let Some((_, c)) = find(&state, &signed, &case).await? else {
        return Ok(not_found(ctx));
    };
    if !may(
        signed.admin.role,
        Action::DecideBreach,
        Some(&c.subject(&signed.admin)),
    ) {
        return Ok(not_found(ctx));
    }
    let now = state.now();
    state
        .storage
        .audit(
            NewAudit::by(&signed.admin, "incident.dossier", &c.entry.case_number, ""),
            now,
        )
        .await
        .or_page()?;
    let authorities = state.storage.authorities().await.or_page()?;
    let imy = authorities
        .iter()
        .find(|a| a.key == "imy")
        .map(|a| match ctx.lang {
            super::i18n::Lang::Sv => a.name_sv.clone(),
            super::i18n::Lang::En => a.name_en.clone(),
        })
        .unwrap_or_default();
    let sections = dossier_sections(&ctx, &c, signed.admin.kommunkod.as_ref());
    let mut plain = String::new();
    for (heading, fields) in &sections {
        plain.push_str(&format!("{heading}\n"));
        for f in fields {
            plain.push_str(&format!("- {}: {}\n", f.label, f.value));
        }
        plain.push('\n');
    }
    Ok(Page::new(DossierPage {
        number: c.entry.case_number.clone(),
        imy,
        sections,
        plain,
        ctx,
    }))
}

/// The dossier's sections, in the order of IMY's notification of a personal-data breach:
/// the controller, what happened, when, the data and the people, the consequences, the
/// measures, informing the people concerned, and a late notification's reason.
fn dossier_sections(
    ctx: &Ctx,
    c: &CaseView,
    kommunkod: Option<&Kommunkod>,
) -> Vec<(String, Vec<Field>)> {
    let r = &c.report;
    let b = &c.triage.breach;
    let f = |label: &str, value: String| Field {
        label: ctx.t(label),
        value,
    };
    let latest_pd = c
        .supplements
        .iter()
        .rev()
        .find_map(|(s, _)| s.personal_data.clone())
        .unwrap_or_else(|| r.personal_data.clone());
    let kinds = latest_pd
        .kinds
        .iter()
        .map(|k| ctx.t(&format!("pdkind.{}", wire(k))))
        .collect::<Vec<_>>()
        .join(", ");
    let people = latest_pd
        .people
        .map(|p| ctx.t(&format!("people.{}", wire(&p))))
        .unwrap_or_else(|| ctx.t("dossier.unknown"));
    let to_check = ctx.t("dossier.check");
    let mut sections = vec![
        (
            ctx.t("dossier.s.controller"),
            vec![
                f(
                    "dossier.kommunkod",
                    kommunkod.map(|k| k.as_str().to_owned()).unwrap_or_default(),
                ),
                f("dossier.case", c.entry.case_number.clone()),
            ],
        ),
        (
            ctx.t("dossier.s.what"),
            vec![
                f(
                    "report.category",
                    ctx.t(&format!("category.{}", c.entry.category)),
                ),
                f(
                    "dossier.description",
                    format!("{to_check} {}", r.description.trim()),
                ),
                f(
                    "report.aspects",
                    r.aspects
                        .iter()
                        .map(|a| ctx.t(&format!("aspect.{}", wire(a))))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                f("report.ongoing", answer(ctx, r.ongoing)),
            ],
        ),
        (
            ctx.t("dossier.s.when"),
            vec![
                f("report.occurred_at", sweden_time::format(r.occurred_at)),
                f("dossier.aware_at", sweden_time::format(r.discovered_at)),
            ],
        ),
        (
            ctx.t("dossier.s.data"),
            vec![
                f(
                    "report.kinds",
                    if kinds.is_empty() {
                        ctx.t("dossier.unknown")
                    } else {
                        kinds
                    },
                ),
                f("report.sensitive", answer(ctx, latest_pd.sensitive)),
                f("report.people", people),
            ],
        ),
        (
            ctx.t("dossier.s.consequences"),
            vec![
                f(
                    "dossier.risk",
                    b.risk
                        .map(|x| ctx.t(&format!("risk.{}", x.as_str())))
                        .unwrap_or_else(|| ctx.t("dossier.not_assessed")),
                ),
                f("dossier.reason", b.reason.clone()),
                f("report.harm_to_person", answer(ctx, r.harm_to_person)),
            ],
        ),
        (
            ctx.t("dossier.s.measures"),
            vec![f(
                "report.actions_taken",
                format!("{to_check} {}", r.actions_taken.trim()),
            )],
        ),
        (
            ctx.t("dossier.s.informed"),
            vec![f(
                "dossier.subjects_informed",
                match b.subjects_informed {
                    Some(true) => ctx.t("answer.yes"),
                    Some(false) => ctx.t("answer.no"),
                    None => ctx.t("dossier.not_decided"),
                },
            )],
        ),
    ];
    let late = b.notified_at.unwrap_or_else(OffsetDateTime::now_utc)
        > r.discovered_at + time::Duration::hours(vaksam_core::deadline::GDPR_NOTIFICATION_HOURS);
    if late {
        sections.push((
            ctx.t("dossier.s.late"),
            vec![f("dossier.delay_reason", b.delay_reason.clone())],
        ));
    }
    sections
}

// ---------------------------------------------------------------------------------------
// The breach register and exports

/// A row of the breach register.
pub struct BreachRow {
    /// Case number.
    pub number: String,
    /// Discovered, Swedish time.
    pub discovered: String,
    /// Category.
    pub category: String,
    /// Kinds of data and how many people.
    pub data: String,
    /// Risk.
    pub risk: String,
    /// Notified or not, and when.
    pub decision: String,
    /// Why.
    pub reason: String,
    /// Measures.
    pub measures: String,
}

/// The breach register page.
#[derive(askama::Template)]
#[template(path = "console/breaches.html")]
pub struct BreachesPage {
    ctx: Ctx,
    rows: Vec<BreachRow>,
}

async fn breach_cases<S: Storage>(
    state: &ConsoleState<S>,
    signed: &Signed,
) -> Result<Option<Vec<CaseView>>, Response> {
    let Some(kommunkod) = municipality(signed, Action::ViewBreachRegister) else {
        return Ok(None);
    };
    let mut cases = visible(state, signed, &kommunkod, &Filters::default())
        .await
        .or_page()?;
    cases.retain(|c| c.triage.breach.is_breach == Some(true));
    cases.sort_by_key(|c| c.number);
    Ok(Some(cases))
}

fn breach_row(ctx: &Ctx, c: &CaseView) -> BreachRow {
    let b = &c.triage.breach;
    let pd = c
        .supplements
        .iter()
        .rev()
        .find_map(|(s, _)| s.personal_data.clone())
        .unwrap_or_else(|| c.report.personal_data.clone());
    BreachRow {
        number: c.entry.case_number.clone(),
        discovered: sweden_time::format(c.report.discovered_at),
        category: ctx.t(&format!("category.{}", c.entry.category)),
        data: pd
            .kinds
            .iter()
            .map(|k| ctx.t(&format!("pdkind.{}", wire(k))))
            .chain(pd.people.map(|p| ctx.t(&format!("people.{}", wire(&p)))))
            .collect::<Vec<_>>()
            .join(", "),
        risk: b
            .risk
            .map(|r| ctx.t(&format!("risk.{}", r.as_str())))
            .unwrap_or_default(),
        decision: match (b.notify_imy, b.notified_at) {
            (Some(true), Some(at)) => {
                ctx.tf1("breach.notified_on", "time", sweden_time::format(at))
            }
            (Some(true), None) => ctx.t("breach.to_notify"),
            (Some(false), _) => ctx.t("breach.not_notified"),
            (None, _) => ctx.t("breach.undecided"),
        },
        reason: b.reason.clone(),
        measures: c.report.actions_taken.clone(),
    }
}

async fn breaches<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
) -> Result<Response, Response> {
    let Some(cases) = breach_cases(&state, &signed).await? else {
        return Ok(forbidden(ctx));
    };
    let rows = cases.iter().map(|c| breach_row(&ctx, c)).collect();
    Ok(Page::new(BreachesPage { ctx, rows }))
}

/// Columns the console's register export adds to the CLI's.
pub const TRIAGE_COLUMNS: [&str; 13] = [
    "assignee",
    "cert_se",
    "is_breach",
    "risk",
    "notify_imy",
    "breach_reason",
    "notified_imy_at",
    "delay_reason",
    "nis2_significant",
    "nis2_early_warning_at",
    "nis2_notification_at",
    "nis2_final_report_at",
    "closing_summary",
];

fn rfc(t: Option<OffsetDateTime>) -> String {
    t.and_then(|t| {
        t.to_offset(time::UtcOffset::UTC)
            .format(&time::format_description::well_known::Rfc3339)
            .ok()
    })
    .unwrap_or_default()
}

fn triage_cells(c: &CaseView, names: &HashMap<Uuid, String>) -> Vec<String> {
    let b = &c.triage.breach;
    let n = &c.triage.nis2;
    vec![
        c.triage
            .assignee
            .and_then(|a| names.get(&a).cloned())
            .unwrap_or_default(),
        c.triage.cert_se.clone().unwrap_or_default(),
        opt_bool(b.is_breach),
        b.risk.map(|r| r.as_str().to_owned()).unwrap_or_default(),
        opt_bool(b.notify_imy),
        b.reason.clone(),
        rfc(b.notified_at),
        b.delay_reason.clone(),
        opt_bool(n.significant),
        rfc(n.early_warning_at),
        rfc(n.notification_at),
        rfc(n.final_report_at),
        c.triage.closing_summary.clone(),
    ]
}

/// A CSV download named `name`. It starts with a byte-order mark, so that Excel set to
/// Swedish reads å, ä and ö as UTF-8.
pub(super) fn csv_response(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        format!("\u{feff}{body}"),
    )
        .into_response()
}

async fn export_cases<S: Storage>(
    state: &ConsoleState<S>,
    signed: &Signed,
    filters: &Filters,
    what: &str,
) -> Result<Option<(Vec<CaseView>, HashMap<Uuid, String>)>, Response> {
    let Some(kommunkod) = municipality(signed, Action::Export) else {
        return Ok(None);
    };
    let mut cases = visible(state, signed, &kommunkod, filters)
        .await
        .or_page()?;
    cases.sort_by_key(|c| c.number);
    let names = names_of(&state.storage.admins(Some(&kommunkod)).await.or_page()?);
    state
        .storage
        .audit(
            NewAudit::by(&signed.admin, "incident.export", what, filters.query()),
            state.now(),
        )
        .await
        .or_page()?;
    Ok(Some((cases, names)))
}

async fn export_csv<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Query(filters): Query<Filters>,
) -> Result<Response, Response> {
    let Some((cases, names)) = export_cases(&state, &signed, &filters, "incidents.csv").await?
    else {
        return Ok(forbidden(ctx));
    };
    let entries: Vec<RegisterEntry> = cases.iter().map(|c| c.entry.clone()).collect();
    let base = crate::export::to_csv(&entries);
    let mut out = String::new();
    for (i, line) in split_rows(&base).into_iter().enumerate() {
        out.push_str(&line);
        let extra: Vec<String> = if i == 0 {
            TRIAGE_COLUMNS.iter().map(|s| s.to_string()).collect()
        } else {
            triage_cells(&cases[i - 1], &names)
        };
        for cell in extra {
            out.push(',');
            out.push_str(&crate::export::csv_field(&cell));
        }
        out.push('\n');
    }
    Ok(csv_response("incidents.csv", out))
}

/// The rows of a CSV text (a quoted field may hold newlines), without their newlines.
fn split_rows(csv: &str) -> Vec<String> {
    let mut rows = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for ch in csv.chars() {
        match ch {
            '"' => {
                quoted = !quoted;
                current.push(ch);
            }
            '\n' if !quoted => rows.push(std::mem::take(&mut current)),
            _ => current.push(ch),
        }
    }
    if !current.is_empty() {
        rows.push(current);
    }
    rows
}

fn case_json(c: &CaseView, names: &HashMap<Uuid, String>) -> serde_json::Value {
    serde_json::json!({
        "case_number": c.entry.case_number,
        "id": c.entry.id,
        "category": c.entry.category,
        "received_at": c.entry.received_at,
        "device_created_at": c.entry.device_created_at,
        "reported_by": c.entry.reported_by,
        "report": c.entry.report,
        "supplements": c.entry.supplements,
        "status": c.entry.status.as_str(),
        "status_changed_at": c.entry.status_changed_at,
        "assignee": c.triage.assignee.and_then(|a| names.get(&a).cloned()),
        "cert_se": c.triage.cert_se,
        "breach": c.triage.breach,
        "nis2": c.triage.nis2,
        "closing_summary": c.triage.closing_summary,
        "clocks": c.clocks.iter().map(|k| serde_json::json!({
            "kind": k.kind.as_str(),
            "due_at": rfc(Some(k.due_at)),
            "done_at": rfc(k.done_at),
        })).collect::<Vec<_>>(),
    })
}

async fn export_json<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Query(filters): Query<Filters>,
) -> Result<Response, Response> {
    let Some((cases, names)) = export_cases(&state, &signed, &filters, "incidents.json").await?
    else {
        return Ok(forbidden(ctx));
    };
    let body: Vec<_> = cases.iter().map(|c| case_json(c, &names)).collect();
    Ok(axum::Json(body).into_response())
}

/// Columns of the breach register's CSV.
pub const BREACH_COLUMNS: [&str; 13] = [
    "case_number",
    "category",
    "occurred_at",
    "discovered_at",
    "kinds",
    "people",
    "sensitive",
    "risk",
    "notify_imy",
    "notified_imy_at",
    "reason",
    "delay_reason",
    "measures",
];

fn breach_cells(c: &CaseView) -> Vec<String> {
    let b = &c.triage.breach;
    let pd = c
        .supplements
        .iter()
        .rev()
        .find_map(|(s, _)| s.personal_data.clone())
        .unwrap_or_else(|| c.report.personal_data.clone());
    vec![
        c.entry.case_number.clone(),
        c.entry.category.clone(),
        rfc(Some(c.report.occurred_at)),
        rfc(Some(c.report.discovered_at)),
        pd.kinds.iter().map(wire).collect::<Vec<_>>().join("/"),
        pd.people.map(|p| wire(&p)).unwrap_or_default(),
        wire(&pd.sensitive),
        b.risk.map(|r| r.as_str().to_owned()).unwrap_or_default(),
        opt_bool(b.notify_imy),
        rfc(b.notified_at),
        b.reason.clone(),
        b.delay_reason.clone(),
        c.report.actions_taken.clone(),
    ]
}

async fn breaches_csv<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
) -> Result<Response, Response> {
    let Some(cases) = breach_cases(&state, &signed).await? else {
        return Ok(forbidden(ctx));
    };
    state
        .storage
        .audit(
            NewAudit::by(&signed.admin, "incident.export", "breaches.csv", ""),
            state.now(),
        )
        .await
        .or_page()?;
    let mut out = String::new();
    crate::export::push_row(
        &mut out,
        &BREACH_COLUMNS
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>(),
    );
    for c in &cases {
        crate::export::push_row(&mut out, &breach_cells(c));
    }
    Ok(csv_response("breaches.csv", out))
}

async fn breaches_json<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
) -> Result<Response, Response> {
    let Some(cases) = breach_cases(&state, &signed).await? else {
        return Ok(forbidden(ctx));
    };
    state
        .storage
        .audit(
            NewAudit::by(&signed.admin, "incident.export", "breaches.json", ""),
            state.now(),
        )
        .await
        .or_page()?;
    let body: Vec<_> = cases
        .iter()
        .map(|c| {
            BREACH_COLUMNS
                .iter()
                .zip(breach_cells(c))
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(v)))
                .collect::<serde_json::Map<_, _>>()
        })
        .collect();
    Ok(axum::Json(body).into_response())
}

/// A time as the console shows it (for templates).
pub fn when(t: &OffsetDateTime) -> String {
    sweden_time::format(*t)
}

#[cfg(test)]
mod tests {
    use super::super::i18n::{text, Lang};
    use vaksam_core::console::clock::ClockKind;
    use vaksam_core::console::roles::Role;
    use vaksam_core::console::triage::{PersonalDataFlag, Risk, Routine};
    use vaksam_core::incident::{Aspect, Category, PeopleAffected, PersonalDataKind};

    fn wire<T: serde::Serialize>(v: T) -> String {
        serde_json::to_value(v)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// Keys made from data (`category.<wire name>` …) exist in both languages.
    #[test]
    fn every_key_made_from_data_has_a_text() {
        let mut keys: Vec<String> = Vec::new();
        keys.extend(
            Category::ALL
                .iter()
                .map(|c| format!("category.{}", c.as_str())),
        );
        keys.extend(
            ClockKind::ALL
                .iter()
                .map(|c| format!("clock.{}", c.as_str())),
        );
        keys.extend(
            Routine::ALL
                .iter()
                .map(|r| format!("routine.{}", r.as_str())),
        );
        keys.extend(Risk::ALL.iter().map(|r| format!("risk.{}", r.as_str())));
        keys.extend(Role::ALL.iter().map(|r| format!("role.{}", r.as_str())));
        keys.extend(
            vaksam_core::protocol::CaseStatus::ALL
                .iter()
                .map(|s| format!("status.{}", s.as_str())),
        );
        for f in [
            PersonalDataFlag::Yes,
            PersonalDataFlag::Unknown,
            PersonalDataFlag::No,
        ] {
            keys.push(format!("pd.{}", f.as_str()));
        }
        keys.extend(
            PersonalDataKind::ALL
                .iter()
                .map(|k| format!("pdkind.{}", wire(k))),
        );
        keys.extend(
            PeopleAffected::ALL
                .iter()
                .map(|p| format!("people.{}", wire(p))),
        );
        keys.extend(Aspect::ALL.iter().map(|a| format!("aspect.{}", wire(a))));
        for code in [
            "required",
            "too_long",
            "invalid",
            "in_future",
            "before_occurred",
            "duplicate",
            "inconsistent",
        ] {
            keys.push(format!("code.{code}"));
        }
        for lang in [Lang::Sv, Lang::En] {
            let missing: Vec<_> = keys
                .iter()
                .filter(|k| text(lang, k, &[]).starts_with('⟦'))
                .collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }
}
