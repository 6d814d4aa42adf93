//! Sign-in with the municipality's own account (OpenID Connect): the settings `oidc set`
//! checks, the protocol (authorization code flow with PKCE, Vaksam as a confidential
//! client, through the `openidconnect` crate), and how a provider's claims become a
//! [`Person`]. The HTTP side is `console::oidc`.
//!
//! The ID token is checked by the crate (signature with the provider's keys, issuer,
//! audience = our client id, expiry, nonce), and its access-token hash when present. The
//! claims are the ID token's, completed by the userinfo endpoint's when the provider has
//! one (same subject, checked by the crate). Nothing here logs a token, code or secret.

use crate::storage::oidc::{ClaimNames, Person, ProviderSettings};
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreErrorResponseType,
    CoreGenderClaim, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreProviderMetadata, CoreRevocableToken, CoreRevocationErrorResponse,
    CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AccessTokenHash, AdditionalClaims, AuthorizationCode, Client, ClientId, ClientSecret,
    CsrfToken, DiscoveryError, EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IdTokenFields, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope, StandardErrorResponse,
    StandardTokenResponse, TokenResponse, UserInfoError,
};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use vaksam_core::console::roles::Role;
use vaksam_core::directory::{fold, tidy};
use vaksam_core::Kommunkod;

/// Every claim that is not one of the standard ones, as the provider sent it.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct OtherClaims {
    #[serde(flatten)]
    rest: Map<String, Value>,
}

impl AdditionalClaims for OtherClaims {}

type Fields = IdTokenFields<
    OtherClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;
type Tokens = StandardTokenResponse<Fields, CoreTokenType>;
type OidcClient = Client<
    OtherClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    Tokens,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The scopes always asked for.
pub const SCOPES: [&str; 2] = ["email", "profile"];

// ---------------------------------------------------------------------------------------
// Settings

/// What `oidc set` was given, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct SettingsInput {
    /// `--kommun`.
    pub kommunkod: String,
    /// `--issuer`.
    pub issuer: String,
    /// `--client-id`.
    pub client_id: String,
    /// The contents of `--client-secret-file`.
    pub client_secret: String,
    /// `--domains`, comma-separated.
    pub domains: String,
    /// `--scopes`, extra scopes, space- or comma-separated.
    pub extra_scopes: Option<String>,
    /// `--claim-name`.
    pub claim_name: String,
    /// `--claim-email`.
    pub claim_email: String,
    /// `--claim-employee-id`.
    pub claim_employee_id: Option<String>,
    /// `--claim-workplace`.
    pub claim_workplace: Option<String>,
    /// `--group-claim`.
    pub group_claim: Option<String>,
    /// `--group-role GROUP=ROLE`, each.
    pub group_roles: Vec<String>,
}

/// Checks `oidc set`'s input; each error names its flag and says what is wrong.
pub fn settings(input: &SettingsInput) -> Result<ProviderSettings, Vec<String>> {
    let mut errors = Vec::new();
    let kommunkod: Option<Kommunkod> = match input.kommunkod.parse() {
        Ok(k) => Some(k),
        Err(e) => {
            errors.push(format!("--kommun: {e}"));
            None
        }
    };
    if let Err(e) = check_issuer(&input.issuer) {
        errors.push(format!("--issuer: {e}"));
    }
    let client_id = input.client_id.trim();
    if client_id.is_empty() || client_id.len() > 255 || client_id.chars().any(char::is_control) {
        errors.push(
            "--client-id: give the client id the provider registered for Vaksam (1–255 characters)"
                .into(),
        );
    }
    let secret = input.client_secret.trim_end_matches(['\r', '\n']);
    if secret.is_empty() {
        errors
            .push("--client-secret-file: the file is empty; it must hold the client secret".into());
    } else if secret.contains(['\r', '\n']) {
        errors.push("--client-secret-file: the file must hold the secret on one line".into());
    }
    let mut domains = Vec::new();
    for raw in input.domains.split(',') {
        let domain = fold(raw).trim_start_matches('@').to_owned();
        if domain.is_empty() {
            continue;
        }
        if is_domain(&domain) {
            if !domains.contains(&domain) {
                domains.push(domain);
            }
        } else {
            errors.push(format!(
                "--domains: {raw:?} is not a domain (e.g. vingaker.se)"
            ));
        }
    }
    if domains.is_empty() && !errors.iter().any(|e| e.starts_with("--domains")) {
        errors.push(
            "--domains: name at least one e-mail domain people sign in with, e.g. vingaker.se"
                .into(),
        );
    }
    let mut claim = |flag: &str, value: &str| -> String {
        let value = value.trim();
        if value.is_empty() || value.len() > 100 || value.chars().any(char::is_whitespace) {
            errors.push(format!(
                "{flag}: {value:?} is not a claim name (1–100 characters, no spaces)"
            ));
        }
        value.to_owned()
    };
    let claims = ClaimNames {
        name: claim("--claim-name", &input.claim_name),
        email: claim("--claim-email", &input.claim_email),
        employee_id: input
            .claim_employee_id
            .as_deref()
            .map(|c| claim("--claim-employee-id", c)),
        workplace: input
            .claim_workplace
            .as_deref()
            .map(|c| claim("--claim-workplace", c)),
    };
    let group_claim = input
        .group_claim
        .as_deref()
        .map(|c| claim("--group-claim", c));
    let mut group_roles = BTreeMap::new();
    for pair in &input.group_roles {
        let Some((group, role)) = pair.rsplit_once('=') else {
            errors.push(format!(
                "--group-role: {pair:?} is not GROUP=ROLE (e.g. \"vaksam-samordnare=coordinator\")"
            ));
            continue;
        };
        let group = group.trim();
        match Role::parse(role.trim()) {
            Some(role) if role.is_municipal() && !group.is_empty() => {
                group_roles.insert(group.to_owned(), role);
            }
            _ if group.is_empty() => {
                errors.push(format!("--group-role: {pair:?} names no group"));
            }
            _ => errors.push(format!(
                "--group-role: {:?} is not a role a group can give: coordinator, dpo or manager",
                role.trim()
            )),
        }
    }
    if group_claim.is_some() && input.group_roles.is_empty() {
        errors.push("--group-claim: give at least one --group-role GROUP=ROLE with it".into());
    }
    if group_claim.is_none() && !input.group_roles.is_empty() {
        errors
            .push("--group-role: also give --group-claim, the claim that lists the groups".into());
    }
    let extra_scopes: Vec<String> = input
        .extra_scopes
        .as_deref()
        .unwrap_or_default()
        .split([' ', ','])
        .filter(|s| !s.is_empty() && *s != "openid" && !SCOPES.contains(s))
        .map(str::to_owned)
        .collect();
    if extra_scopes
        .iter()
        .any(|s| s.chars().any(|c| c.is_control() || c == '"' || c == '\\'))
    {
        errors.push(
            "--scopes: a scope may not hold quotes, backslashes or control characters".into(),
        );
    }
    match kommunkod {
        Some(kommunkod) if errors.is_empty() => Ok(ProviderSettings {
            kommunkod,
            issuer: input.issuer.trim().to_owned(),
            client_id: client_id.to_owned(),
            client_secret: secret.to_owned(),
            email_domains: domains,
            extra_scopes,
            claims,
            group_claim,
            group_roles,
        }),
        _ => Err(errors),
    }
}

/// An issuer must be https (plain http only on this machine, for tests), with no query or
/// fragment.
fn check_issuer(issuer: &str) -> Result<(), String> {
    let issuer = issuer.trim();
    let url = url::Url::parse(issuer).map_err(|e| format!("{issuer:?} is not a URL: {e}"))?;
    let loopback = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        _ => {
            return Err(format!(
                "{issuer:?} must start with https:// (plain http only for localhost)"
            ))
        }
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("{issuer:?} must have no query or fragment"));
    }
    Ok(())
}

fn is_domain(domain: &str) -> bool {
    domain.contains('.')
        && !domain.starts_with(['.', '-'])
        && !domain.ends_with(['.', '-'])
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

// ---------------------------------------------------------------------------------------
// Claims

/// Why a signed-in person is not let in, from their claims.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClaimsRefusal {
    /// No usable e-mail address in the configured claim.
    #[error("no e-mail address in the claim {0:?}")]
    NoEmail(String),
    /// The provider says the address is not verified.
    #[error("the provider says the e-mail address is not verified")]
    EmailNotVerified,
    /// The address is outside the municipality's domains.
    #[error("the e-mail domain {0:?} is not one of the municipality's")]
    DomainNotAllowed(String),
}

/// The person the claims describe, by the municipality's claim names; refused when the
/// e-mail address is missing, unverified or outside the allowed domains.
pub fn person(
    settings: &ProviderSettings,
    claims: &Map<String, Value>,
) -> Result<Person, ClaimsRefusal> {
    let names = &settings.claims;
    let email = text_claim(claims, &names.email)
        .map(|e| fold(&e))
        .filter(|e| {
            e.split_once('@')
                .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
        })
        .ok_or_else(|| ClaimsRefusal::NoEmail(names.email.clone()))?;
    if names.email == "email" && claims.get("email_verified") == Some(&Value::Bool(false)) {
        return Err(ClaimsRefusal::EmailNotVerified);
    }
    let domain = email.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
    if !settings.email_domains.iter().any(|d| d == domain) {
        return Err(ClaimsRefusal::DomainNotAllowed(domain.to_owned()));
    }
    let name = text_claim(claims, &names.name)
        .map(|n| tidy(&n))
        .filter(|n| !n.is_empty())
        .map(|n| n.chars().take(200).collect())
        .unwrap_or_else(|| email.clone());
    let optional = |claim: &Option<String>, max: usize| {
        claim
            .as_deref()
            .and_then(|c| text_claim(claims, c))
            .map(|v| tidy(&v))
            .filter(|v| !v.is_empty() && v.chars().count() <= max)
    };
    Ok(Person {
        subject: text_claim(claims, "sub").unwrap_or_default(),
        name,
        email,
        employee_number: optional(&names.employee_id, 64),
        workplace: optional(&names.workplace, 200),
    })
}

/// A claim as text: a string as it is, a number written out; anything else is absent.
fn text_claim(claims: &Map<String, Value>, name: &str) -> Option<String> {
    match claims.get(name)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The console role the person's groups give (the strongest when several do), or `None`.
pub fn role_from_groups(settings: &ProviderSettings, claims: &Map<String, Value>) -> Option<Role> {
    let claim = settings.group_claim.as_deref()?;
    let groups: Vec<&str> = match claims.get(claim)? {
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        Value::String(one) => vec![one.as_str()],
        _ => Vec::new(),
    };
    let strength = |r: &Role| match r {
        Role::Coordinator => 3,
        Role::Dpo => 2,
        Role::Manager => 1,
        Role::Sysadmin => 0,
    };
    groups
        .iter()
        .filter_map(|g| settings.group_roles.get(*g).copied())
        .max_by_key(strength)
}

// ---------------------------------------------------------------------------------------
// The protocol

/// Why talking to the provider failed.
#[derive(Debug, thiserror::Error)]
pub enum ProtocolError {
    /// Discovery failed: the provider could not be reached or answered nonsense.
    #[error("the provider could not be reached or its discovery failed: {0}")]
    Unreachable(String),
    /// The provider refused to redeem the code, or could not be reached for it.
    #[error("the code could not be redeemed: {0}")]
    Token(String),
    /// The ID token is missing or failed a check (signature, issuer, audience, expiry,
    /// nonce, access-token hash).
    #[error("the ID token was refused: {0}")]
    IdToken(String),
    /// A setting is unusable (e.g. the redirect URI).
    #[error("configuration: {0}")]
    Config(String),
}

/// A flow's start: where to send the browser, and what to keep server-side.
pub struct Authorization {
    /// The provider's authorization URL with our parameters.
    pub url: String,
    /// The state (random), which the browser carries there and back.
    pub state: String,
    /// The nonce the ID token must carry.
    pub nonce: String,
    /// The PKCE verifier.
    pub pkce_verifier: String,
}

/// An HTTP client for one sign-in's requests to the provider: no redirects (SSRF), short
/// timeouts. One per sign-in, not one per process: a client's pooled connections belong to
/// the runtime that opened them.
fn http_client() -> Result<openidconnect::reqwest::Client, ProtocolError> {
    openidconnect::reqwest::Client::builder()
        .redirect(openidconnect::reqwest::redirect::Policy::none())
        .connect_timeout(std::time::Duration::from_secs(5))
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .map_err(|e| ProtocolError::Config(format!("HTTP client: {e}")))
}

async fn client(
    settings: &ProviderSettings,
    redirect_uri: &str,
    http: &openidconnect::reqwest::Client,
) -> Result<OidcClient, ProtocolError> {
    let issuer = IssuerUrl::new(settings.issuer.clone())
        .map_err(|e| ProtocolError::Config(format!("issuer: {e}")))?;
    let metadata = CoreProviderMetadata::discover_async(issuer, http)
        .await
        .map_err(|e| ProtocolError::Unreachable(discovery_error(&e)))?;
    let redirect = RedirectUrl::new(redirect_uri.to_owned())
        .map_err(|e| ProtocolError::Config(format!("redirect URI: {e}")))?;
    Ok(OidcClient::from_provider_metadata(
        metadata,
        ClientId::new(settings.client_id.clone()),
        Some(ClientSecret::new(settings.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

/// Whether the provider's discovery document can be read and names this issuer.
pub async fn discover(settings: &ProviderSettings) -> Result<(), ProtocolError> {
    client(settings, "http://localhost/oidc/callback", &http_client()?)
        .await
        .map(|_| ())
}

/// Discovers the provider and makes the authorization URL (code flow, PKCE S256, a
/// random state and nonce).
pub async fn authorize(
    settings: &ProviderSettings,
    redirect_uri: &str,
    state: String,
    nonce: String,
) -> Result<Authorization, ProtocolError> {
    let client = client(settings, redirect_uri, &http_client()?).await?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            {
                let state = state.clone();
                move || CsrfToken::new(state)
            },
            {
                let nonce = nonce.clone();
                move || Nonce::new(nonce)
            },
        )
        .set_pkce_challenge(challenge);
    for scope in SCOPES
        .iter()
        .map(|s| s.to_string())
        .chain(settings.extra_scopes.iter().cloned())
    {
        request = request.add_scope(Scope::new(scope));
    }
    let (url, _, _) = request.url();
    Ok(Authorization {
        url: url.to_string(),
        state,
        nonce,
        pkce_verifier: verifier.secret().clone(),
    })
}

/// Redeems the code (with the PKCE verifier and our client secret), checks the ID token
/// and returns every claim of the ID token, completed by the userinfo endpoint's.
pub async fn finish(
    settings: &ProviderSettings,
    redirect_uri: &str,
    code: &str,
    nonce: &str,
    pkce_verifier: &str,
) -> Result<Map<String, Value>, ProtocolError> {
    let http = &http_client()?;
    let client = client(settings, redirect_uri, http).await?;
    let tokens = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(|e| ProtocolError::Config(e.to_string()))?
        .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
        .request_async(http)
        .await
        .map_err(|e| ProtocolError::Token(token_error(&e)))?;
    let id_token = tokens
        .id_token()
        .ok_or_else(|| ProtocolError::IdToken("the provider sent no ID token".into()))?;
    let verifier = client.id_token_verifier();
    let claims = id_token
        .claims(&verifier, &Nonce::new(nonce.to_owned()))
        .map_err(|e| ProtocolError::IdToken(error_chain(&e)))?;
    if let Some(expected) = claims.access_token_hash() {
        let alg = id_token
            .signing_alg()
            .map_err(|e| ProtocolError::IdToken(error_chain(&e)))?;
        let key = id_token
            .signing_key(&verifier)
            .map_err(|e| ProtocolError::IdToken(error_chain(&e)))?;
        let actual = AccessTokenHash::from_token(tokens.access_token(), alg, key)
            .map_err(|e| ProtocolError::IdToken(error_chain(&e)))?;
        if actual != *expected {
            return Err(ProtocolError::IdToken(
                "the access token does not match the ID token's at_hash".into(),
            ));
        }
    }
    let mut all = as_map(claims);
    if client.user_info_url().is_some() {
        let request = client
            .user_info(
                tokens.access_token().to_owned(),
                Some(claims.subject().clone()),
            )
            .map_err(|e| ProtocolError::Config(e.to_string()))?;
        match request
            .request_async::<OtherClaims, _, CoreGenderClaim>(http)
            .await
        {
            Ok(info) => {
                for (name, value) in as_map(&info) {
                    all.entry(name).or_insert(value);
                }
            }
            // The ID token's claims may be enough; a mapping that needs more says so.
            Err(e) => tracing::warn!("oidc: userinfo failed: {}", userinfo_error(&e)),
        }
    }
    Ok(all)
}

fn as_map<T: serde::Serialize>(claims: &T) -> Map<String, Value> {
    match serde_json::to_value(claims) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

// What a failure says in the log and the audit log. A response that could not be parsed
// is named by where it failed, never by its text: a parse error's message can quote a
// value of the response, and a token response holds tokens.

fn discovery_error<RE: std::error::Error + 'static>(e: &DiscoveryError<RE>) -> String {
    match e {
        DiscoveryError::Parse(p) => format!("unreadable discovery document (at {})", p.path()),
        DiscoveryError::Request(_) | DiscoveryError::UrlParse(_) => error_chain(e),
        other => other.to_string(),
    }
}

fn token_error<RE: std::error::Error + 'static, T: openidconnect::ErrorResponse + 'static>(
    e: &RequestTokenError<RE, T>,
) -> String {
    match e {
        RequestTokenError::Parse(p, _) => format!("unreadable token response (at {})", p.path()),
        RequestTokenError::Request(_) => error_chain(e),
        other => other.to_string(),
    }
}

fn userinfo_error<RE: std::error::Error + 'static>(e: &UserInfoError<RE>) -> String {
    match e {
        UserInfoError::Parse(p) => format!("unreadable userinfo response (at {})", p.path()),
        UserInfoError::Request(_) | UserInfoError::ClaimsVerification(_) => error_chain(e),
        other => other.to_string(),
    }
}

/// An error with its causes, for errors that quote nothing the provider sent but names
/// and reasons (network failures, the ID token's checks).
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn input() -> SettingsInput {
        SettingsInput {
            kommunkod: "0428".into(),
            issuer: "https://login.vingaker.se".into(),
            client_id: "vaksam".into(),
            client_secret: "s3cret\n".into(),
            domains: "Vingaker.se, @skola.vingaker.se".into(),
            claim_name: "name".into(),
            claim_email: "email".into(),
            ..Default::default()
        }
    }

    #[test]
    fn good_settings_are_tidied() {
        let s = settings(&input()).unwrap();
        assert_eq!(s.client_secret, "s3cret");
        assert_eq!(s.email_domains, ["vingaker.se", "skola.vingaker.se"]);
        assert!(s.group_claim.is_none());
    }

    #[test]
    fn each_bad_flag_is_named() {
        let bad = SettingsInput {
            kommunkod: "428".into(),
            issuer: "http://login.vingaker.se".into(),
            client_id: " ".into(),
            client_secret: "\n".into(),
            domains: "vingaker".into(),
            group_roles: vec!["grp=sysadmin".into(), "nope".into()],
            ..input()
        };
        let errors = settings(&bad).unwrap_err().join("\n");
        for flag in [
            "--kommun:",
            "--issuer:",
            "--client-id:",
            "--client-secret-file:",
            "--domains:",
            "--group-role: \"sysadmin\"",
            "--group-role: \"nope\"",
        ] {
            assert!(errors.contains(flag), "{flag} missing in:\n{errors}");
        }
        assert!(settings(&SettingsInput {
            issuer: "http://127.0.0.1:9000".into(),
            ..input()
        })
        .is_ok());
    }

    #[test]
    fn groups_need_their_claim_and_the_other_way_round() {
        let only_claim = SettingsInput {
            group_claim: Some("groups".into()),
            ..input()
        };
        assert!(settings(&only_claim).unwrap_err()[0].starts_with("--group-claim"));
        let both = SettingsInput {
            group_claim: Some("groups".into()),
            group_roles: vec!["a=b=coordinator".into(), "dpo-grp=dpo".into()],
            ..input()
        };
        let s = settings(&both).unwrap();
        assert_eq!(s.group_roles.get("a=b"), Some(&Role::Coordinator));
        let claims = json!({ "groups": ["x", "dpo-grp", "a=b"] });
        assert_eq!(
            role_from_groups(&s, claims.as_object().unwrap()),
            Some(Role::Coordinator)
        );
        let claims = json!({ "groups": "dpo-grp" });
        assert_eq!(
            role_from_groups(&s, claims.as_object().unwrap()),
            Some(Role::Dpo)
        );
        let claims = json!({ "groups": ["x"] });
        assert_eq!(role_from_groups(&s, claims.as_object().unwrap()), None);
    }

    #[test]
    fn claims_map_to_a_person_within_the_domains() {
        let mut s = settings(&input()).unwrap();
        s.claims.employee_id = Some("employee_number".into());
        s.claims.workplace = Some("workplace".into());
        let claims = json!({
            "sub": "abc", "email": " Anna.A@Vingaker.se ", "name": "Anna  Andersson",
            "employee_number": 1001, "workplace": " Hemtjänst Norr ",
        });
        let p = person(&s, claims.as_object().unwrap()).unwrap();
        assert_eq!(p.email, "anna.a@vingaker.se");
        assert_eq!(p.name, "Anna Andersson");
        assert_eq!(p.employee_number.as_deref(), Some("1001"));
        assert_eq!(p.workplace.as_deref(), Some("Hemtjänst Norr"));
        assert_eq!(p.subject, "abc");

        let evil = json!({ "sub": "e", "email": "eve@vingaker.se.evil.test" });
        assert_eq!(
            person(&s, evil.as_object().unwrap()),
            Err(ClaimsRefusal::DomainNotAllowed(
                "vingaker.se.evil.test".into()
            ))
        );
        let unverified = json!({ "sub": "e", "email": "a@vingaker.se", "email_verified": false });
        assert_eq!(
            person(&s, unverified.as_object().unwrap()),
            Err(ClaimsRefusal::EmailNotVerified)
        );
        let none = json!({ "sub": "e" });
        assert!(matches!(
            person(&s, none.as_object().unwrap()),
            Err(ClaimsRefusal::NoEmail(_))
        ));
    }
}
