//! The console's administrators: a coordinator manages their municipality's, a sysadmin
//! the installation's (each municipality's coordinators and the sysadmins), never seeing
//! incident content.

use super::page::{self, Ctx, OrPage};
use super::session::Signed;
use super::{see_other, ConsoleState};
use crate::storage::accounts::{AdminAccount, NewAudit};
use crate::storage::Storage;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use time::Duration;
use uuid::Uuid;
use vaksam_core::console::roles::{may, Action, Role};
use vaksam_core::Kommunkod;

/// How long an invite made in the console is valid.
const INVITE_VALID: Duration = Duration::hours(72);

/// The routes of this part.
pub fn routes<S: Storage>() -> Router<ConsoleState<S>> {
    Router::new()
        .route("/admins", get(list::<S>))
        .route("/admins/invite", post(invite::<S>))
        .route("/admins/{id}/disable", post(disable::<S>))
}

/// A group of administrators: a municipality's, or the installation's sysadmins.
pub struct Group {
    /// The municipality (`None`: sysadmins).
    pub kommunkod: Option<String>,
    /// Its name.
    pub name: String,
    /// The administrators.
    pub admins: Vec<AdminAccount>,
}

/// The administrators page.
#[derive(askama::Template)]
#[template(path = "console/admins.html")]
pub struct AdminsPage {
    ctx: Ctx,
    groups: Vec<Group>,
    roles: Vec<&'static str>,
    sysadmin: bool,
    me: Uuid,
    link: Option<String>,
    error: Option<String>,
    email: String,
    name: String,
}

fn allowed(signed: &Signed) -> bool {
    may(signed.admin.role, Action::InviteAdmins, None)
}

async fn groups<S: Storage>(
    state: &ConsoleState<S>,
    signed: &Signed,
) -> Result<Vec<Group>, Response> {
    if signed.admin.role == Role::Sysadmin {
        let mut out = Vec::new();
        for (k, pack) in state.storage.current_packs().await.or_page()? {
            out.push(Group {
                name: pack.municipality_name().or_page()?,
                admins: state.storage.admins(Some(&k)).await.or_page()?,
                kommunkod: Some(k.as_str().to_owned()),
            });
        }
        out.push(Group {
            kommunkod: None,
            name: String::new(),
            admins: state.storage.admins(None).await.or_page()?,
        });
        return Ok(out);
    }
    let k = signed.admin.kommunkod.clone();
    let name = match &k {
        Some(k) => state
            .storage
            .current_pack(k)
            .await
            .or_page()?
            .map(|p| p.municipality_name())
            .transpose()
            .or_page()?
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok(vec![Group {
        kommunkod: k.as_ref().map(|k| k.as_str().to_owned()),
        name,
        admins: state.storage.admins(k.as_ref()).await.or_page()?,
    }])
}

async fn render<S: Storage>(
    state: &ConsoleState<S>,
    signed: &Signed,
    ctx: Ctx,
    link: Option<String>,
    error: Option<String>,
    typed: (String, String),
    status: StatusCode,
) -> Result<Response, Response> {
    let sysadmin = signed.admin.role == Role::Sysadmin;
    let roles = if sysadmin {
        vec!["coordinator", "sysadmin"]
    } else {
        vec!["coordinator", "dpo", "manager"]
    };
    let page = AdminsPage {
        groups: groups(state, signed).await?,
        roles,
        sysadmin,
        me: signed.admin.id,
        link,
        error,
        email: typed.0,
        name: typed.1,
        ctx,
    };
    Ok(page::render(&page, status))
}

async fn list<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
) -> Result<Response, Response> {
    if !allowed(&signed) {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    }
    render(
        &state,
        &signed,
        ctx,
        None,
        None,
        Default::default(),
        StatusCode::OK,
    )
    .await
}

/// The invite form.
#[derive(Debug, serde::Deserialize)]
pub struct InviteForm {
    email: String,
    #[serde(default)]
    name: String,
    role: String,
    /// For a sysadmin: the municipality (empty for another sysadmin).
    #[serde(default)]
    kommunkod: String,
}

async fn invite<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Form(form): Form<InviteForm>,
) -> Result<Response, Response> {
    if !allowed(&signed) {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    }
    let typed = (form.email.clone(), form.name.clone());
    let sysadmin = signed.admin.role == Role::Sysadmin;
    let role = Role::parse(&form.role).filter(|r| {
        if sysadmin {
            matches!(r, Role::Coordinator | Role::Sysadmin)
        } else {
            matches!(r, Role::Coordinator | Role::Dpo | Role::Manager)
        }
    });
    let kommunkod: Option<Kommunkod> = if sysadmin {
        form.kommunkod.parse().ok()
    } else {
        signed.admin.kommunkod.clone()
    };
    let served = match &kommunkod {
        Some(k) => state.storage.current_pack(k).await.or_page()?.is_some(),
        None => true,
    };
    let problem = match role {
        None => Some("admins.bad_role"),
        Some(r) if r.is_municipal() != kommunkod.is_some() || !served => {
            Some("admins.bad_municipality")
        }
        _ if !form.email.contains('@') => Some("admins.bad_email"),
        _ => None,
    };
    if let Some(key) = problem {
        let error = ctx.t(key);
        return render(
            &state,
            &signed,
            ctx,
            None,
            Some(error),
            typed,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let role = role.expect("checked above");
    let name = if form.name.trim().is_empty() {
        form.email.trim().to_owned()
    } else {
        form.name.trim().to_owned()
    };
    match super::auth::invite(
        &state.storage,
        &state.config.origin,
        kommunkod.as_ref(),
        &form.email,
        &name,
        role,
        INVITE_VALID,
        Some(&signed.admin),
        state.now(),
    )
    .await
    {
        Ok(link) => {
            render(
                &state,
                &signed,
                ctx,
                Some(link),
                None,
                Default::default(),
                StatusCode::OK,
            )
            .await
        }
        Err(_) => {
            let error = ctx.t("admins.exists");
            render(
                &state,
                &signed,
                ctx,
                None,
                Some(error),
                typed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

async fn disable<S: Storage>(
    State(state): State<ConsoleState<S>>,
    signed: Signed,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, Response> {
    if !allowed(&signed) {
        return Ok(page::error(ctx, StatusCode::FORBIDDEN, "error.forbidden"));
    }
    let Ok(id) = Uuid::parse_str(&id) else {
        return Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found"));
    };
    let Some(target) = state.storage.admin(id).await.or_page()? else {
        return Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found"));
    };
    // A coordinator only within their municipality; a sysadmin anywhere; never oneself.
    let mine = signed.admin.role == Role::Sysadmin || target.kommunkod == signed.admin.kommunkod;
    if !mine || target.id == signed.admin.id {
        return Ok(page::error(ctx, StatusCode::NOT_FOUND, "error.not_found"));
    }
    let audit = NewAudit {
        kommunkod: target.kommunkod.clone(),
        ..NewAudit::by(
            &signed.admin,
            "admin.disable",
            &target.email,
            target.role.as_str(),
        )
    };
    state
        .storage
        .disable_admin(target.kommunkod.as_ref(), target.id, audit, state.now())
        .await
        .or_page()?;
    Ok(see_other("/admins"))
}
