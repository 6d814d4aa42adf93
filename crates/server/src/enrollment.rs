//! Enrollment: the admin makes a one-time code for an employee; the app trades it for a
//! device token. Only hashes of codes and tokens are stored.

use crate::storage::{RedeemError, Storage, StorageError};
use time::{Duration, OffsetDateTime};
use vaksam_core::enrollment::{code_from_random, normalize, CODE_LEN};
use vaksam_core::protocol::{sha256_hex, EnrollResponse};
use vaksam_core::Kommunkod;

/// How long a new code stays valid unless the admin says otherwise.
pub const DEFAULT_CODE_VALIDITY: Duration = Duration::days(14);

/// Why no code was made.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    /// The name is blank or too long.
    #[error("the employee name must be 1–200 characters")]
    BadName,
    /// No pack is published for this municipality, so Vaksam does not serve it (yet).
    #[error(
        "no pack is published for kommunkod {0}: Vaksam serves the municipalities with a published pack (`pack publish` its file first)"
    )]
    UnsupportedMunicipality(Kommunkod),
    /// The validity is not positive.
    #[error("the code must be valid for at least one hour")]
    BadValidity,
    /// Storage failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The OS random source failing is not recoverable in any useful way.
    getrandom::fill(&mut bytes).expect("operating system random source");
    bytes
}

/// Makes a one-time code for `employee_name` in `kommunkod`; returns the code to hand over.
pub async fn create_code<S: Storage>(
    storage: &S,
    kommunkod: &Kommunkod,
    employee_name: &str,
    now: OffsetDateTime,
    valid_for: Duration,
) -> Result<String, CreateError> {
    let name = employee_name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(CreateError::BadName);
    }
    if storage.current_pack(kommunkod).await?.is_none() {
        return Err(CreateError::UnsupportedMunicipality(kommunkod.clone()));
    }
    if valid_for < Duration::hours(1) {
        return Err(CreateError::BadValidity);
    }
    let code = code_from_random(random_bytes::<CODE_LEN>());
    storage
        .create_enrollment(
            kommunkod,
            name,
            &sha256_hex(code.as_bytes()),
            now,
            now + valid_for,
        )
        .await?;
    Ok(code)
}

/// How long a code made by signing in with the municipality's account stays valid: it
/// goes straight to the phone that signed in, so minutes are enough.
pub const SIGNED_IN_CODE_VALIDITY: Duration = Duration::minutes(15);

/// Makes a one-time code for an employee who is already in `kommunkod`'s directory (and
/// not removed); returns the code to hand over. `None`: no such employee.
pub async fn create_code_for_employee<S: Storage>(
    storage: &S,
    kommunkod: &Kommunkod,
    employee_id: uuid::Uuid,
    now: OffsetDateTime,
    valid_for: Duration,
) -> Result<Option<String>, CreateError> {
    if storage.current_pack(kommunkod).await?.is_none() {
        return Err(CreateError::UnsupportedMunicipality(kommunkod.clone()));
    }
    let code = code_from_random(random_bytes::<CODE_LEN>());
    let added = storage
        .add_enrollment_code(
            employee_id,
            &sha256_hex(code.as_bytes()),
            now,
            now + valid_for,
        )
        .await?;
    Ok(added.then_some(code))
}

/// Trades a typed code for a new device token.
pub async fn redeem<S: Storage>(
    storage: &S,
    typed_code: &str,
    now: OffsetDateTime,
) -> Result<EnrollResponse, RedeemError> {
    let code = normalize(typed_code).ok_or(RedeemError::InvalidCode)?;
    let token: String = random_bytes::<32>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let enrolled = storage
        .redeem_code(
            &sha256_hex(code.as_bytes()),
            &sha256_hex(token.as_bytes()),
            now,
        )
        .await?;
    // The name the municipality's pack gives (published before the code was made, and
    // packs are never removed). The code is used up by now: a failure here must not lose
    // the new token, so the name is left out instead.
    let municipality_name = match storage.current_pack(&enrolled.device.kommunkod).await {
        Ok(Some(pack)) => pack.municipality_name().unwrap_or_else(|e| {
            tracing::warn!("enrollment: no municipality name: {e}");
            String::new()
        }),
        Ok(None) => String::new(),
        Err(e) => {
            tracing::warn!("enrollment: no municipality name: {e}");
            String::new()
        }
    };
    Ok(EnrollResponse {
        device_id: enrolled.device.id,
        device_token: token,
        employee_name: enrolled.employee_name,
        kommunkod: enrolled.device.kommunkod,
        municipality_name,
    })
}
