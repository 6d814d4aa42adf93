//! The staff directory in the console (coordinators): employees and workplaces with their
//! managers, added and changed by hand or imported from the HR system's CSV (preview, then
//! apply), removed (offboarded: devices revoked, records kept), and enrollment letters.

use super::page::{self, Ctx, OrPage};
use super::session::Signed;
use super::{see_other, ConsoleState};
use crate::storage::accounts::NewAudit;
use crate::storage::directory::{
    directory_digest, plan_inputs, Applied, Clash, Employee, Workplace,
};
use crate::storage::Storage;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use std::collections::BTreeSet;
use uuid::Uuid;
use vaksam_core::console::roles::{may, Action};
use vaksam_core::directory::{
    self, fold, is_email, parse_date, tidy, Column, Person, Plan, Problem, RowError,
    MAX_NAME_CHARS, MAX_NUMBER_CHARS,
};
use vaksam_core::Kommunkod;

/// Largest import form (a CSV of a large municipality, url-encoded): the guard's limit.
const MAX_IMPORT_BYTES: usize = super::session::MAX_FORM_BYTES;

/// The routes of this part.
pub fn routes<S: Storage>() -> Router<ConsoleState<S>> {
    Router::new()
        .route("/people", get(list::<S>))
        .route("/people/new", get(new_form::<S>).post(create::<S>))
        .route(
            "/people/import",
            get(import_form::<S>)
                .post(import::<S>)
                .layer(DefaultBodyLimit::max(MAX_IMPORT_BYTES)),
        )
        .route("/people/{id}", get(edit_form::<S>).post(update::<S>))
        .route("/people/{id}/remove", post(remove::<S>))
        .route("/workplaces/{id}/managers", post(managers::<S>))
        .merge(super::letters::routes())
}

/// The signed-in coordinator's municipality, or the page saying they may not.
pub(super) fn municipality(signed: &Signed, ctx: &Ctx) -> Result<Kommunkod, Response> {
    match &signed.admin.kommunkod {
        Some(k) if may(signed.admin.role, Action::ManageDirectory, None) => Ok(k.clone()),
        _ => Err(page::error(
            ctx.clone(),
            StatusCode::FORBIDDEN,
            "error.forbidden",
        )),
    }
}

/// A workplace as the list shows it.
pub struct WorkplaceRow {
    /// The workplace.
    pub workplace: Workplace,
    /// Current employees there.
    pub employees: usize,
    /// Its managers, one per line (for the form).
    pub managers_text: String,
}

/// The directory page.
#[derive(askama::Template)]
#[template(path = "console/people.html")]
pub struct PeoplePage {
    ctx: Ctx,
    employees: Vec<Employee>,
    /// How many match the filters (over all pages).
    matching: usize,
    total: usize,
    /// This page and the number of pages.
    page: usize,
    pages: usize,
    /// The filters as a query string, for the page links.
    filter_query: String,
    workplaces: Vec<WorkplaceRow>,
    q: String,
    workplace: String,
    notice: Option<String>,
    /// A managers form that was refused: the workplace, the message, what was typed.
    managers_error: Option<(Uuid, String)>,
}

/// The list's filters.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    workplace: String,
    /// A notice after a change (a key under `people.done.`).
    #[serde(default)]
    done: String,
    /// The page of the list (from 1).
    #[serde(default)]
    page: Option<usize>,
}

/// Employees listed per page.
pub const PER_PAGE: usize = 200;

async fn list<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Query(query): Query<ListQuery>,
) -> Result<Response, Response> {
    let k = municipality(&signed, &ctx)?;
    render_list(&state, &k, ctx, query, None).await
}

async fn render_list<S: Storage>(
    state: &ConsoleState<S>,
    k: &Kommunkod,
    ctx: Ctx,
    query: ListQuery,
    managers_error: Option<(Uuid, String, String)>,
) -> Result<Response, Response> {
    let all = state.storage.employees(k, false).await.or_page()?;
    let workplaces = state.storage.workplaces(k).await.or_page()?;
    let q = fold(&query.q);
    let employees: Vec<Employee> = all
        .iter()
        .filter(|e| {
            q.is_empty()
                || fold(&e.person.name).contains(&q)
                || e.person.email.as_deref().is_some_and(|m| m.contains(&q))
                || e.person.employee_number.as_deref().map(fold) == Some(q.clone())
        })
        .filter(|e| {
            query.workplace.is_empty()
                || e.workplace_id.map(|w| w.to_string()).as_deref() == Some(&query.workplace)
                || (query.workplace == "none" && e.workplace_id.is_none())
        })
        .cloned()
        .collect();
    let matching = employees.len();
    let pages = matching.div_ceil(PER_PAGE).max(1);
    let page = query.page.unwrap_or(1).clamp(1, pages);
    let employees: Vec<Employee> = employees
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .collect();
    let filter_query = format!(
        "q={}&workplace={}",
        page::url_encode(&query.q),
        page::url_encode(&query.workplace)
    );
    let rows = workplaces
        .into_iter()
        .map(|w| WorkplaceRow {
            employees: all.iter().filter(|e| e.workplace_id == Some(w.id)).count(),
            managers_text: match &managers_error {
                Some((id, _, typed)) if *id == w.id => typed.clone(),
                _ => w.managers.iter().cloned().collect::<Vec<_>>().join("\n"),
            },
            workplace: w,
        })
        .collect();
    let notice = ["added", "changed", "removed", "managers"]
        .contains(&query.done.as_str())
        .then(|| ctx.tk("people.done", &query.done));
    let status = if managers_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(page::render(
        &PeoplePage {
            total: all.len(),
            matching,
            page,
            pages,
            filter_query,
            employees,
            workplaces: rows,
            q: query.q,
            workplace: query.workplace,
            notice,
            managers_error: managers_error.map(|(id, message, _)| (id, message)),
            ctx,
        },
        status,
    ))
}

/// The add/edit form of one employee.
#[derive(askama::Template)]
#[template(path = "console/person.html")]
pub struct PersonPage {
    ctx: Ctx,
    /// `None`: a new employee.
    id: Option<Uuid>,
    form: PersonForm,
    errors: Vec<(&'static str, String)>,
    active_devices: u32,
    workplaces: Vec<String>,
}

impl PersonPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

/// What the employee form sends.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PersonForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    employee_number: String,
    #[serde(default)]
    workplace: String,
    #[serde(default)]
    started_on: String,
}

impl PersonForm {
    fn of(p: &Person) -> Self {
        Self {
            name: p.name.clone(),
            email: p.email.clone().unwrap_or_default(),
            employee_number: p.employee_number.clone().unwrap_or_default(),
            workplace: p.workplace.clone().unwrap_or_default(),
            started_on: p.started_on.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    /// The person, or each field's error.
    fn check(&self, ctx: &Ctx) -> Result<Person, Vec<(&'static str, String)>> {
        let mut errors = Vec::new();
        let name = tidy(&self.name);
        if name.is_empty() {
            errors.push(("name", ctx.t("people.error.name_required")));
        } else if name.chars().count() > MAX_NAME_CHARS {
            errors.push(("name", ctx.t("people.error.too_long")));
        }
        let email = Some(fold(&self.email)).filter(|e| !e.is_empty());
        if email.as_deref().is_some_and(|e| !is_email(e)) {
            errors.push(("email", ctx.t("people.error.email")));
        }
        let number = Some(tidy(&self.employee_number)).filter(|n| !n.is_empty());
        if number
            .as_deref()
            .is_some_and(|n| n.chars().count() > MAX_NUMBER_CHARS)
        {
            errors.push(("employee_number", ctx.t("people.error.too_long")));
        }
        let workplace = Some(tidy(&self.workplace)).filter(|w| !w.is_empty());
        if workplace
            .as_deref()
            .is_some_and(|w| w.chars().count() > MAX_NAME_CHARS)
        {
            errors.push(("workplace", ctx.t("people.error.too_long")));
        }
        let started_on = match self.started_on.trim() {
            "" => None,
            d => match parse_date(d) {
                Some(d) => Some(d),
                None => {
                    errors.push(("started_on", ctx.t("people.error.date")));
                    None
                }
            },
        };
        if errors.is_empty() {
            Ok(Person {
                name,
                email,
                employee_number: number,
                workplace,
                started_on,
            })
        } else {
            Err(errors)
        }
    }
}

async fn workplace_names<S: Storage>(
    state: &ConsoleState<S>,
    k: &Kommunkod,
) -> Result<Vec<String>, Response> {
    Ok(state
        .storage
        .workplaces(k)
        .await
        .or_page()?
        .into_iter()
        .map(|w| w.name)
        .collect())
}

async fn new_form<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
) -> Result<Response, Response> {
    let k = municipality(&signed, &ctx)?;
    let page = PersonPage {
        id: None,
        form: PersonForm::default(),
        errors: Vec::new(),
        active_devices: 0,
        workplaces: workplace_names(&state, &k).await?,
        ctx,
    };
    Ok(page::render(&page, StatusCode::OK))
}

async fn edit_form<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, Response> {
    let k = municipality(&signed, &ctx)?;
    let Some(employee) = current(&state, &k, &id).await? else {
        return Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found"));
    };
    let page = PersonPage {
        id: Some(employee.id),
        form: PersonForm::of(&employee.person),
        errors: Vec::new(),
        active_devices: employee.active_devices,
        workplaces: workplace_names(&state, &k).await?,
        ctx,
    };
    Ok(page::render(&page, StatusCode::OK))
}

/// The current employee with this id (text from the URL) in the municipality.
async fn current<S: Storage>(
    state: &ConsoleState<S>,
    k: &Kommunkod,
    id: &str,
) -> Result<Option<Employee>, Response> {
    let Ok(id) = Uuid::parse_str(id) else {
        return Ok(None);
    };
    Ok(state
        .storage
        .employee(k, id)
        .await
        .or_page()?
        .filter(|e| e.removed_at.is_none()))
}

async fn save<S: Storage>(
    state: &ConsoleState<S>,
    signed: &Signed,
    ctx: Ctx,
    k: Kommunkod,
    id: Option<Uuid>,
    form: PersonForm,
) -> Result<Response, Response> {
    let checked = form.check(&ctx);
    let errors = match checked {
        Ok(person) => {
            // A change's audit entry names the fields it changed (not their values).
            let (action, detail) = match id {
                Some(id) => {
                    let before = state.storage.employee(&k, id).await.or_page()?;
                    let fields = before
                        .map(|b| {
                            vaksam_core::directory::Changed {
                                line: 0,
                                id: id.to_string(),
                                before: b.person,
                                after: person.clone(),
                            }
                            .fields()
                            .iter()
                            .map(|f| f.swedish_key())
                            .collect::<Vec<_>>()
                            .join(", ")
                        })
                        .unwrap_or_default();
                    ("employee.change", format!("fields: {fields}"))
                }
                None => ("employee.add", String::new()),
            };
            let audit = NewAudit::by(&signed.admin, action, "", detail);
            match state
                .storage
                .save_employee(&k, id, &person, &audit, state.now())
                .await
                .or_page()?
            {
                Ok(_) => {
                    let done = if id.is_some() { "changed" } else { "added" };
                    return Ok(see_other(&format!("/people?done={done}")));
                }
                Err(Clash::Email) => vec![("email", ctx.t("people.error.email_taken"))],
                Err(Clash::EmployeeNumber) => {
                    vec![("employee_number", ctx.t("people.error.number_taken"))]
                }
                Err(Clash::Unknown) => {
                    return Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found"))
                }
            }
        }
        Err(errors) => errors,
    };
    let active_devices = match id {
        Some(id) => state
            .storage
            .employee(&k, id)
            .await
            .or_page()?
            .map(|e| e.active_devices)
            .unwrap_or(0),
        None => 0,
    };
    let page = PersonPage {
        id,
        form,
        errors,
        active_devices,
        workplaces: workplace_names(state, &k).await?,
        ctx,
    };
    Ok(page::render(&page, StatusCode::UNPROCESSABLE_ENTITY))
}

async fn create<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Form(form): Form<PersonForm>,
) -> Result<Response, Response> {
    let k = municipality(&signed, &ctx)?;
    save(&state, &signed, ctx, k, None, form).await
}

async fn update<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<PersonForm>,
) -> Result<Response, Response> {
    let k = municipality(&signed, &ctx)?;
    let Some(employee) = current(&state, &k, &id).await? else {
        return Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found"));
    };
    save(&state, &signed, ctx, k, Some(employee.id), form).await
}

/// The removal form: the box saying the coordinator understands.
#[derive(Debug, serde::Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    confirm: String,
}

async fn remove<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, Response> {
    let k = municipality(&signed, &ctx)?;
    let Some(employee) = current(&state, &k, &id).await? else {
        return Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found"));
    };
    if form.confirm != "yes" {
        let page = PersonPage {
            id: Some(employee.id),
            form: PersonForm::of(&employee.person),
            errors: vec![("remove", ctx.t("people.error.confirm"))],
            active_devices: employee.active_devices,
            workplaces: workplace_names(&state, &k).await?,
            ctx,
        };
        return Ok(page::render(&page, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let audit = NewAudit::by(
        &signed.admin,
        "employee.remove",
        employee.id.to_string(),
        "",
    );
    match state
        .storage
        .remove_employee(&k, employee.id, &audit, state.now())
        .await
        .or_page()?
    {
        Some(_) => Ok(see_other("/people?done=removed")),
        None => Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found")),
    }
}

/// The managers form: e-mail addresses, one per line (or separated by commas).
#[derive(Debug, serde::Deserialize)]
pub struct ManagersForm {
    #[serde(default)]
    managers: String,
}

async fn managers<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ManagersForm>,
) -> Result<Response, Response> {
    let k = municipality(&signed, &ctx)?;
    let Ok(id) = Uuid::parse_str(&id) else {
        return Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found"));
    };
    let emails: BTreeSet<String> = form
        .managers
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(fold)
        .filter(|m| !m.is_empty())
        .collect();
    if let Some(bad) = emails.iter().find(|m| !is_email(m)) {
        let message = ctx.tf1("people.error.manager", "value", bad);
        let typed = Some((id, message, form.managers.clone()));
        return render_list(&state, &k, ctx, ListQuery::default(), typed).await;
    }
    let audit = NewAudit::by(
        &signed.admin,
        "workplace.managers",
        id.to_string(),
        emails.iter().cloned().collect::<Vec<_>>().join(", "),
    );
    if state
        .storage
        .set_managers(&k, id, &emails, &audit, state.now())
        .await
        .or_page()?
    {
        Ok(see_other("/people?done=managers"))
    } else {
        Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found"))
    }
}

/// An import problem in the console's words, at its line.
pub struct ImportError {
    /// Line in the file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn problem_text(ctx: &Ctx, e: &RowError) -> ImportError {
    let column = |c: Column| ctx.tk("people.column", c.swedish_key());
    let message = match &e.problem {
        Problem::Empty => ctx.t("import.problem.empty"),
        Problem::MissingColumn(Column::Name) => ctx.t("import.problem.no_name_column"),
        Problem::MissingColumn(_) => ctx.t("import.problem.no_key_column"),
        Problem::DuplicateColumn(c) => {
            ctx.tf1("import.problem.duplicate_column", "column", column(*c))
        }
        Problem::UnclosedQuote => ctx.t("import.problem.unclosed_quote"),
        Problem::TooManyRows => ctx.tf1("import.problem.too_many", "max", directory::MAX_ROWS),
        Problem::Required(c) => ctx.tf1("import.problem.required", "column", column(*c)),
        Problem::TooLong(c) => ctx.tf1("import.problem.too_long", "column", column(*c)),
        Problem::NotAnEmail(c, v) => ctx.tf(
            "import.problem.not_email",
            &[("column", &column(*c)), ("value", v)],
        ),
        Problem::NotADate(v) => ctx.tf1("import.problem.not_date", "value", v),
        Problem::NoKey => ctx.t("import.problem.no_key"),
        Problem::SameAsLine(l) => ctx.tf1("import.problem.same_as", "line", l),
        Problem::TwoEmployees => ctx.t("import.problem.two_employees"),
    };
    ImportError {
        line: e.line,
        message,
    }
}

/// A change in the preview, as shown.
pub struct ChangeRow {
    /// The file's line.
    pub line: usize,
    /// Name after the import.
    pub name: String,
    /// "field: before → after", one per changed field.
    pub fields: Vec<String>,
}

/// The import page: the form, then the preview.
#[derive(askama::Template)]
#[template(path = "console/import.html")]
pub struct ImportPage {
    ctx: Ctx,
    csv: String,
    errors: Vec<ImportError>,
    plan: Option<Plan>,
    changes: Vec<ChangeRow>,
    /// Removed employees the file brings back: (line, name).
    returning: Vec<(usize, String)>,
    digest: String,
    stale: bool,
    applied_text: Option<String>,
    columns: Vec<(String, String)>,
}

impl ImportPage {
    fn empty(ctx: Ctx) -> Self {
        let columns = Column::ALL
            .iter()
            .map(|c| {
                (
                    ctx.tk("people.column", c.swedish_key()),
                    c.headers().join(", "),
                )
            })
            .collect();
        Self {
            ctx,
            csv: String::new(),
            errors: Vec::new(),
            plan: None,
            changes: Vec::new(),
            returning: Vec::new(),
            digest: String::new(),
            stale: false,
            applied_text: None,
            columns,
        }
    }
}

async fn import_form<S: Storage>(
    State(_state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
) -> Result<Response, Response> {
    municipality(&signed, &ctx)?;
    Ok(page::render(&ImportPage::empty(ctx), StatusCode::OK))
}

/// What the import form sends.
#[derive(Debug, serde::Deserialize)]
pub struct ImportForm {
    #[serde(default)]
    csv: String,
    /// `preview` or `apply`.
    #[serde(default)]
    step: String,
    /// The directory's digest the preview was made against.
    #[serde(default)]
    digest: String,
    /// Remove the employees the file does not name.
    #[serde(default)]
    remove_missing: Option<String>,
}

fn person_field(c: Column, p: &Person) -> String {
    match c {
        Column::Name => p.name.clone(),
        Column::Email => p.email.clone().unwrap_or_default(),
        Column::EmployeeNumber => p.employee_number.clone().unwrap_or_default(),
        Column::Workplace => p.workplace.clone().unwrap_or_default(),
        Column::StartedOn => p.started_on.map(|d| d.to_string()).unwrap_or_default(),
        Column::Manager => String::new(),
    }
}

async fn import<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Form(form): Form<ImportForm>,
) -> Result<Response, Response> {
    let k = municipality(&signed, &ctx)?;
    let mut page = ImportPage::empty(ctx.clone());
    page.csv = form.csv.clone();
    let file = match directory::read(&form.csv) {
        Ok(file) => file,
        Err(errors) => {
            page.errors = errors.iter().map(|e| problem_text(&ctx, e)).collect();
            return Ok(page::render(&page, StatusCode::UNPROCESSABLE_ENTITY));
        }
    };
    // Removed employees too: a file that names one brings them back.
    let employees = state.storage.employees(&k, true).await.or_page()?;
    let workplaces = state.storage.workplaces(&k).await.or_page()?;
    let directory = directory_digest(&employees, &workplaces);
    // The preview's digest covers the file too: a file edited after its preview is
    // previewed again, never imported unseen.
    let digest = vaksam_core::protocol::sha256_hex(format!("{directory}\n{}", form.csv).as_bytes());
    let (existing, managers) = plan_inputs(&employees, &workplaces);
    let plan = directory::plan(&file, &existing, &managers);
    if !plan.errors.is_empty() {
        page.errors = plan.errors.iter().map(|e| problem_text(&ctx, e)).collect();
        return Ok(page::render(&page, StatusCode::UNPROCESSABLE_ENTITY));
    }
    if form.step == "apply" && form.digest == digest {
        let audit = NewAudit::by(&signed.admin, "directory.import", "", "");
        let applied = state
            .storage
            .apply_import(
                &k,
                &plan,
                &directory,
                form.remove_missing.is_some(),
                &audit,
                state.now(),
            )
            .await
            .or_page()?;
        if let Some(applied) = applied {
            page.applied_text = Some(applied_text(&ctx, &applied));
            page.csv.clear();
            return Ok(page::render(&page, StatusCode::OK));
        }
        page.stale = true;
    } else if form.step == "apply" {
        page.stale = true;
    }
    page.returning = plan
        .returning
        .iter()
        .map(|c| (c.line, c.after.name.clone()))
        .collect();
    page.changes = plan
        .changed
        .iter()
        .map(|c| ChangeRow {
            line: c.line,
            name: c.after.name.clone(),
            fields: c
                .fields()
                .into_iter()
                .map(|f| {
                    format!(
                        "{}: {} → {}",
                        ctx.tk("people.column", f.swedish_key()),
                        person_field(f, &c.before),
                        person_field(f, &c.after)
                    )
                })
                .collect(),
        })
        .collect();
    page.digest = digest;
    page.plan = Some(plan);
    let status = if page.stale {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    Ok(page::render(&page, status))
}

fn applied_text(ctx: &Ctx, a: &Applied) -> String {
    ctx.tf(
        "import.applied_counts",
        &[
            ("added", &a.added),
            ("changed", &a.changed),
            ("returned", &a.returned),
            ("removed", &a.removed),
            ("workplaces", &a.workplaces),
        ],
    )
}

trait ColumnKey {
    fn swedish_key(self) -> &'static str;
}

impl ColumnKey for Column {
    /// The column's key under `people.column.` in the console's texts.
    fn swedish_key(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Email => "email",
            Column::EmployeeNumber => "employee_number",
            Column::Workplace => "workplace",
            Column::Manager => "manager",
            Column::StartedOn => "started_on",
        }
    }
}
