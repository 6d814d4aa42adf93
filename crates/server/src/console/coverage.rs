//! Coverage in the console: per workplace and for the whole municipality, who has signed
//! the current policy and whose training is valid; drill down to names where the viewer
//! may see them (coordinators everywhere, managers in their own workplaces), counts
//! elsewhere; CSV export; and the yearly summary (monthly percentages).

use super::incidents::csv_response;
use super::page::{self, Ctx, OrPage};
use super::session::Signed;
use super::ConsoleState;
use crate::coverage::{inputs, Inputs, Row, Snapshot};
use crate::export::push_row;
use crate::storage::Storage;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use std::collections::BTreeSet;
use time::{Date, Month, OffsetDateTime, Time};
use uuid::Uuid;
use vaksam_core::console::roles::{may, sees_names, Action, Role};
use vaksam_core::console::sweden_time;
use vaksam_core::coverage::{Counts, Signing, Training};
use vaksam_core::directory::fold;
use vaksam_core::Kommunkod;

/// The routes of this part.
pub fn routes<S: Storage>() -> Router<ConsoleState<S>> {
    Router::new()
        .route("/coverage", get(overview::<S>))
        .route("/coverage.csv", get(csv::<S>))
        .route("/coverage/report", get(report::<S>))
        .route("/coverage/report.csv", get(report_csv::<S>))
        .route("/coverage/reminders", axum::routing::post(reminders::<S>))
}

/// The filters of the overview and its export.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct Filters {
    /// A workplace id, `none` (no workplace), or empty (all).
    #[serde(default)]
    pub workplace: String,
    /// A signing state's name, or empty.
    #[serde(default)]
    pub signing: String,
    /// A training state's name, or empty.
    #[serde(default)]
    pub training: String,
}

impl Filters {
    fn in_group(&self, workplace: Option<Uuid>) -> bool {
        match self.workplace.as_str() {
            "" => true,
            "none" => workplace.is_none(),
            id => workplace.map(|w| w.to_string()).as_deref() == Some(id),
        }
    }

    fn matches(&self, row: &Row) -> bool {
        self.in_group(row.employee.workplace_id)
            && (self.signing.is_empty() || row.standing.signing.as_str() == self.signing)
            && (self.training.is_empty() || row.standing.training.as_str() == self.training)
    }

    fn is_drill_down(&self) -> bool {
        !self.signing.is_empty() || !self.training.is_empty() || !self.workplace.is_empty()
    }

    /// The query string of these filters with `signing`/`training` set as given.
    fn link(&self, workplace: &str, signing: &str, training: &str) -> String {
        format!(
            "workplace={}&signing={}&training={}",
            page::url_encode(workplace),
            signing,
            training
        )
    }
}

/// Who is looking, and which workplaces' names they may see.
struct Viewer {
    kommunkod: Kommunkod,
    role: Role,
    own: BTreeSet<Uuid>,
}

impl Viewer {
    fn names_for(&self, workplace: Option<Uuid>) -> bool {
        sees_names(self.role, workplace.is_some_and(|w| self.own.contains(&w)))
    }
}

async fn viewer<S: Storage>(
    state: &ConsoleState<S>,
    signed: &Signed,
    ctx: &Ctx,
) -> Result<(Viewer, Inputs), Response> {
    let forbidden = || page::error(ctx.clone(), StatusCode::FORBIDDEN, "error.forbidden");
    let Some(k) = signed.admin.kommunkod.clone() else {
        return Err(forbidden());
    };
    if !may(signed.admin.role, Action::ViewCoverage, None) {
        return Err(forbidden());
    }
    let inputs = inputs(&state.storage, &k).await.or_page()?;
    let me = fold(&signed.admin.email);
    let own = inputs
        .workplaces
        .iter()
        .filter(|w| w.managers.contains(&me))
        .map(|w| w.id)
        .collect();
    Ok((
        Viewer {
            kommunkod: k,
            role: signed.admin.role,
            own,
        },
        inputs,
    ))
}

/// One group's line in the table.
pub struct GroupRow {
    /// Workplace id, `none`, or empty for the whole municipality.
    pub key: String,
    /// Its name.
    pub name: String,
    /// The counts.
    pub counts: Counts,
    /// Whether the viewer may open its names.
    pub names: bool,
    /// A link to the group's list with these states.
    pub base: Filters,
}

impl GroupRow {
    /// The drill-down link for a signing state.
    pub fn sign_link(&self, s: &Signing) -> String {
        self.base.link(&self.key, s.as_str(), "")
    }

    /// The drill-down link for a training state.
    pub fn train_link(&self, t: &Training) -> String {
        self.base.link(&self.key, "", t.as_str())
    }

    /// How many are in a signing state.
    pub fn sign(&self, s: &Signing) -> u32 {
        self.counts.signing(*s)
    }

    /// How many are in a training state.
    pub fn train(&self, t: &Training) -> u32 {
        self.counts.training(*t)
    }
}

/// A name in the drill-down.
pub struct PersonRow {
    /// Name.
    pub name: String,
    /// Workplace.
    pub workplace: String,
    /// Signing state.
    pub signing: Signing,
    /// Training state.
    pub training: Training,
    /// When the training is due (or was).
    pub due: String,
    /// Within the grace period for new employees.
    pub new: bool,
}

/// The coverage page.
#[derive(askama::Template)]
#[template(path = "console/coverage.html")]
pub struct CoveragePage {
    ctx: Ctx,
    filters: Filters,
    groups: Vec<GroupRow>,
    total: GroupRow,
    people: Vec<PersonRow>,
    /// The drill-down asks for names the viewer may not see.
    counts_only: bool,
    policy_version: String,
    bank_version: String,
    weeks: u32,
    default_weeks: bool,
    interval_months: u32,
    workplaces: Vec<(String, String)>,
    signing_states: Vec<Signing>,
    training_states: Vec<Training>,
    query: String,
    /// For a coordinator: whether reminders are on.
    reminders: Option<bool>,
}

fn groups(viewer: &Viewer, inputs: &Inputs, snap: &Snapshot) -> (Vec<GroupRow>, GroupRow) {
    let mut rows: Vec<GroupRow> = inputs
        .workplaces
        .iter()
        .map(|w| GroupRow {
            key: w.id.to_string(),
            name: w.name.clone(),
            counts: Counts::default(),
            names: viewer.names_for(Some(w.id)),
            base: Filters::default(),
        })
        .collect();
    let mut none = GroupRow {
        key: "none".into(),
        name: String::new(),
        counts: Counts::default(),
        names: viewer.names_for(None),
        base: Filters::default(),
    };
    let mut total = GroupRow {
        key: String::new(),
        name: String::new(),
        counts: Counts::default(),
        names: viewer.role == Role::Coordinator,
        base: Filters::default(),
    };
    for r in &snap.rows {
        total.counts.add(&r.standing);
        match r.employee.workplace_id {
            Some(w) => {
                if let Some(g) = rows.iter_mut().find(|g| g.key == w.to_string()) {
                    g.counts.add(&r.standing);
                }
            }
            None => none.counts.add(&r.standing),
        }
    }
    rows.retain(|g| g.counts.total > 0);
    if none.counts.total > 0 {
        rows.push(none);
    }
    (rows, total)
}

fn due_text(t: OffsetDateTime) -> String {
    sweden_time::format(t)[..10].to_owned()
}

async fn overview<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Query(filters): Query<Filters>,
) -> Result<Response, Response> {
    let (viewer, inputs) = viewer(&state, &signed, &ctx).await?;
    let Some(snap) = inputs.at(state.now()) else {
        return Ok(page::error(ctx, StatusCode::NOT_FOUND, "coverage.no_pack"));
    };
    let (mut groups, total) = groups(&viewer, &inputs, &snap);
    for g in &mut groups {
        if g.key == "none" {
            g.name = ctx.t("people.no_workplace");
        }
    }
    // Names only where the viewer may see them: a drill-down into a group they may not
    // open shows its counts and says why.
    let allowed = |r: &Row| viewer.names_for(r.employee.workplace_id);
    let chosen: Vec<&Row> = snap.rows.iter().filter(|r| filters.matches(r)).collect();
    let counts_only = filters.is_drill_down() && chosen.iter().any(|r| !allowed(r));
    let people = if filters.is_drill_down() {
        chosen
            .iter()
            .filter(|r| allowed(r))
            .map(|r| person_row(r))
            .collect()
    } else {
        Vec::new()
    };
    let workplaces = inputs
        .workplaces
        .iter()
        .map(|w| (w.id.to_string(), w.name.clone()))
        .collect();
    let query = format!(
        "workplace={}&signing={}&training={}",
        page::url_encode(&filters.workplace),
        page::url_encode(&filters.signing),
        page::url_encode(&filters.training)
    );
    let reminders = if viewer.role == Role::Coordinator {
        Some(
            state
                .storage
                .reminders_enabled(&viewer.kommunkod)
                .await
                .or_page()?,
        )
    } else {
        None
    };
    let page = CoveragePage {
        reminders,
        policy_version: snap.pack.policy.version.label.clone(),
        bank_version: snap
            .pack
            .quiz
            .as_ref()
            .map(|b| b.version.clone())
            .unwrap_or_default(),
        weeks: snap.rules.new_employee_weeks,
        default_weeks: snap.default_weeks,
        interval_months: snap.rules.interval_months,
        groups,
        total,
        people,
        counts_only,
        workplaces,
        signing_states: Signing::ALL.to_vec(),
        training_states: Training::ALL.to_vec(),
        filters,
        query,
        ctx,
    };
    Ok(page::render(&page, StatusCode::OK))
}

fn person_row(r: &Row) -> PersonRow {
    PersonRow {
        name: r.employee.person.name.clone(),
        workplace: r.employee.person.workplace.clone().unwrap_or_default(),
        signing: r.standing.signing,
        training: r.standing.training,
        due: due_text(r.standing.training_due),
        new: r.standing.new,
    }
}

/// Columns of the coverage export: one row per employee the viewer may see by name.
pub const COVERAGE_COLUMNS: [&str; 8] = [
    "name",
    "email",
    "employee_number",
    "workplace",
    "signing",
    "training",
    "training_due",
    "new_employee",
];

async fn csv<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Query(filters): Query<Filters>,
) -> Result<Response, Response> {
    let (viewer, inputs) = viewer(&state, &signed, &ctx).await?;
    let Some(snap) = inputs.at(state.now()) else {
        return Ok(page::error(ctx, StatusCode::NOT_FOUND, "coverage.no_pack"));
    };
    let mut out = COVERAGE_COLUMNS.join(",");
    out.push('\n');
    for r in snap
        .rows
        .iter()
        .filter(|r| filters.matches(r) && viewer.names_for(r.employee.workplace_id))
    {
        let p = &r.employee.person;
        push_row(
            &mut out,
            &[
                p.name.clone(),
                p.email.clone().unwrap_or_default(),
                p.employee_number.clone().unwrap_or_default(),
                p.workplace.clone().unwrap_or_default(),
                r.standing.signing.as_str().to_owned(),
                r.standing.training.as_str().to_owned(),
                due_text(r.standing.training_due),
                if r.standing.new { "yes" } else { "no" }.to_owned(),
            ],
        );
    }
    Ok(csv_response(
        &format!("vaksam-coverage-{}.csv", viewer.kommunkod),
        out,
    ))
}

/// The yearly summary's query.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ReportQuery {
    /// The year (default: this year).
    #[serde(default)]
    year: Option<i32>,
}

/// One month of the yearly summary.
pub struct MonthRow {
    /// `2026-03`.
    pub month: String,
    /// Employees then.
    pub total: u32,
    /// Share signed, in percent.
    pub signed: u32,
    /// Share with valid training, in percent.
    pub trained: u32,
    /// The policy version current then.
    pub policy_version: String,
    /// The bank version current then.
    pub bank_version: String,
}

/// The yearly summary page.
#[derive(askama::Template)]
#[template(path = "console/coverage_report.html")]
pub struct ReportPage {
    ctx: Ctx,
    year: i32,
    months: Vec<MonthRow>,
    groups: Vec<GroupRow>,
    total: Option<GroupRow>,
    at: String,
    years: Vec<i32>,
}

/// The moment a month is measured: the end of its last day (Swedish time), or now for the
/// month under way; `None` for a month that has not begun.
fn month_end(year: i32, month: Month, now: OffsetDateTime) -> Option<OffsetDateTime> {
    let first = Date::from_calendar_date(year, month, 1).ok()?;
    let start = sweden_time::from_local(first.with_time(Time::MIDNIGHT));
    if start > now {
        return None;
    }
    let next = if month == Month::December {
        Date::from_calendar_date(year + 1, Month::January, 1).ok()?
    } else {
        Date::from_calendar_date(year, month.next(), 1).ok()?
    };
    let end = sweden_time::from_local(next.with_time(Time::MIDNIGHT)) - time::Duration::SECOND;
    Some(end.min(now))
}

fn months(inputs: &Inputs, year: i32, now: OffsetDateTime) -> Vec<MonthRow> {
    let mut out = Vec::new();
    let mut month = Month::January;
    loop {
        if let Some(at) = month_end(year, month, now) {
            if let Some(snap) = inputs.at(at) {
                let mut c = Counts::default();
                for r in &snap.rows {
                    c.add(&r.standing);
                }
                out.push(MonthRow {
                    month: format!("{year:04}-{:02}", u8::from(month)),
                    total: c.total,
                    signed: c.signed_percent(),
                    trained: c.trained_percent(),
                    policy_version: snap.pack.policy.version.label.clone(),
                    bank_version: snap
                        .pack
                        .quiz
                        .as_ref()
                        .map(|b| b.version.clone())
                        .unwrap_or_default(),
                });
            }
        }
        if month == Month::December {
            break;
        }
        month = month.next();
    }
    out
}

/// The first year with a published pack (or this year).
fn first_year(inputs: &Inputs, now: OffsetDateTime) -> i32 {
    inputs
        .packs
        .first()
        .map(|p| sweden_time::local(p.published_at).year())
        .unwrap_or(sweden_time::local(now).year())
}

/// The year asked for (default: this one), if a report can be made for it.
fn report_year(inputs: &Inputs, asked: Option<i32>, now: OffsetDateTime) -> Option<i32> {
    let this_year = sweden_time::local(now).year();
    let year = asked.unwrap_or(this_year);
    (first_year(inputs, now)..=this_year)
        .contains(&year)
        .then_some(year)
}

async fn report<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Query(query): Query<ReportQuery>,
) -> Result<Response, Response> {
    let (viewer, inputs) = viewer(&state, &signed, &ctx).await?;
    let now = state.now();
    let Some(year) = report_year(&inputs, query.year, now) else {
        return Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found"));
    };
    let this_year = sweden_time::local(now).year();
    let first_year = first_year(&inputs, now);
    let months = months(&inputs, year, now);
    // Per workplace at the year's end (or now).
    let at = month_end(year, Month::December, now).unwrap_or(now);
    let (mut groups, total) = match inputs.at(at) {
        Some(snap) => {
            let (g, t) = groups(&viewer, &inputs, &snap);
            (g, Some(t))
        }
        None => (Vec::new(), None),
    };
    for g in &mut groups {
        if g.key == "none" {
            g.name = ctx.t("people.no_workplace");
        }
    }
    let page = ReportPage {
        year,
        months,
        groups,
        total,
        at: sweden_time::format(at),
        years: (first_year..=this_year).rev().collect(),
        ctx,
    };
    Ok(page::render(&page, StatusCode::OK))
}

/// Columns of the yearly summary's export.
pub const REPORT_COLUMNS: [&str; 6] = [
    "month",
    "employees",
    "signed_percent",
    "trained_percent",
    "policy_version",
    "bank_version",
];

async fn report_csv<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Query(query): Query<ReportQuery>,
) -> Result<Response, Response> {
    let (viewer, inputs) = viewer(&state, &signed, &ctx).await?;
    let now = state.now();
    let Some(year) = report_year(&inputs, query.year, now) else {
        return Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found"));
    };
    let mut out = REPORT_COLUMNS.join(",");
    out.push('\n');
    for m in months(&inputs, year, now) {
        push_row(
            &mut out,
            &[
                m.month,
                m.total.to_string(),
                m.signed.to_string(),
                m.trained.to_string(),
                m.policy_version,
                m.bank_version,
            ],
        );
    }
    Ok(csv_response(
        &format!("vaksam-coverage-{}-{year}.csv", viewer.kommunkod),
        out,
    ))
}

/// The reminders switch.
#[derive(Debug, serde::Deserialize)]
pub struct RemindersForm {
    /// `on` or `off`.
    enabled: String,
}

async fn reminders<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    axum::Form(form): axum::Form<RemindersForm>,
) -> Result<Response, Response> {
    let Some(k) = signed.admin.kommunkod.clone() else {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    };
    if signed.admin.role != Role::Coordinator {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    }
    let enabled = match form.enabled.as_str() {
        "on" => true,
        "off" => false,
        _ => {
            return Ok(page::error(
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                "error.not_found",
            ))
        }
    };
    let audit = crate::storage::accounts::NewAudit::by(
        &signed.admin,
        "reminders.set",
        k.as_str(),
        form.enabled.clone(),
    );
    state
        .storage
        .set_reminders_enabled(&k, enabled, &audit, state.now())
        .await
        .or_page()?;
    Ok(super::see_other("/coverage"))
}
