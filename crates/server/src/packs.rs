//! Publishing content packs: the five shipped with Vaksam, and new versions from an admin.

use crate::storage::{Origin, Published, Storage, StoredPack};
use time::OffsetDateTime;
use vaksam_core::pack::resolve::{self, PackFile};
use vaksam_core::pack::{Pack, PackError};
use vaksam_core::protocol::sha256_hex;
use vaksam_core::Kommunkod;

/// Vaksam's base (`packs/base.toml`), built into the binary: every municipality's pack is
/// its overlay resolved with this base.
pub const BASE: (&str, &str) = ("base.toml", include_str!("../../../packs/base.toml"));

/// The municipalities' overlays in `packs/`, built into the binary so a fresh server has
/// content at once.
pub const SHIPPED: [(&str, &str); 5] = [
    (
        "vingaker.toml",
        include_str!("../../../packs/vingaker.toml"),
    ),
    ("tyreso.toml", include_str!("../../../packs/tyreso.toml")),
    (
        "overkalix.toml",
        include_str!("../../../packs/overkalix.toml"),
    ),
    ("lessebo.toml", include_str!("../../../packs/lessebo.toml")),
    (
        "mariestad.toml",
        include_str!("../../../packs/mariestad.toml"),
    ),
];

/// The shipped base as a pack file.
pub fn shipped_base() -> PackFile<'static> {
    PackFile {
        name: BASE.0,
        text: BASE.1,
    }
}

/// A pack ready to publish: validated, as served JSON, with its entity tag.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The municipality.
    pub kommunkod: Kommunkod,
    /// The pack.
    pub pack: Pack,
    /// What will be stored and served.
    pub stored: StoredPack,
}

/// Every problem of a resolution, one per line, each naming its file and line.
fn shown(errors: &[PackError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Resolves a municipality's overlay with `base` and checks it, for an administrator to
/// publish; every error names the file and line of the item at fault. What is stored keeps
/// the overlay's text and the base's version, so a newer base can be applied later.
pub fn prepare(
    base: PackFile<'_>,
    overlay: PackFile<'_>,
    now: OffsetDateTime,
) -> Result<Prepared, String> {
    prepare_or_errors(base, overlay, now).map_err(|errors| shown(&errors))
}

/// [`prepare`] with its errors as they are (file, line, path, message), for the console
/// to show each at its line.
pub fn prepare_or_errors(
    base: PackFile<'_>,
    overlay: PackFile<'_>,
    now: OffsetDateTime,
) -> Result<Prepared, Vec<PackError>> {
    let resolved = resolve::resolve(base, overlay)?;
    let pack = resolved.pack;
    let kommunkod: Kommunkod = pack.municipality.kommunkod.clone();
    let body = serde_json::to_string(&pack).map_err(|e| {
        vec![PackError {
            file: overlay.name.to_owned(),
            line: None,
            path: String::new(),
            message: e.to_string(),
        }]
    })?;
    let etag = format!("\"{}\"", &sha256_hex(body.as_bytes())[..32]);
    let stored = StoredPack {
        version: pack.version.clone(),
        body,
        etag,
        published_at: now
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        origin: Origin::Admin,
        overlay: Some(overlay.text.to_owned()),
        base_version: Some(resolved.base_version),
    };
    Ok(Prepared {
        kommunkod,
        pack,
        stored,
    })
}

/// Publishes a prepared pack. Refuses a version number already used for other content.
pub async fn publish<S: Storage>(storage: &S, prepared: &Prepared) -> Result<Published, String> {
    let outcome = storage
        .publish_pack(&prepared.kommunkod, &prepared.stored)
        .await
        .map_err(|e| e.to_string())?;
    if outcome == Published::VersionTaken {
        return Err(format!(
            "version {:?} of {}'s pack is already published with different content: raise `version` in the file",
            prepared.stored.version, prepared.kommunkod
        ));
    }
    Ok(outcome)
}

/// What happened to one municipality's pack at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartOutcome {
    /// A shipped overlay was published (none before, or an older shipped version).
    Shipped(Kommunkod, String),
    /// An administrator's overlay was resolved again with the newer base and published.
    Rebased(Kommunkod, String),
    /// An administrator's overlay no longer resolves with the newer base: its current pack
    /// is kept; the errors name file (`<kommunkod> overlay`) and line.
    Kept(Kommunkod, String),
    /// A shipped overlay does not resolve with this base (a build defect or a test base):
    /// nothing published for it.
    ShippedFailed(String, String),
}

/// At start: brings the shipped content and the base to every municipality.
///
/// - Each shipped overlay, resolved with `base`, is published when its municipality has no
///   pack yet, or when the current pack was itself shipped (or is of unknown origin) and
///   is older in its overlay or base version (see [`is_older`]). A pack an administrator
///   published is never replaced by a shipped one.
/// - Each administrator's overlay resolved with a base older than `base` is resolved again
///   with `base` and published as a new version; its overrides keep precedence over the
///   base as always. If it no longer resolves, its current pack stays and the errors are
///   logged as a warning.
///
/// Fails only if `base` itself cannot be read, or storage fails.
pub async fn publish_shipped<S: Storage>(
    storage: &S,
    base: PackFile<'_>,
    now: OffsetDateTime,
) -> Result<Vec<StartOutcome>, String> {
    let base_version = resolve::base_version(base).map_err(|e| e.to_string())?;
    let mut outcomes = Vec::new();
    for (name, text) in SHIPPED {
        let mut prepared = match prepare(base, PackFile { name, text }, now) {
            Ok(p) => p,
            Err(errors) => {
                tracing::error!(
                    "the shipped {name} does not resolve with base {base_version}; nothing published for it:\n{errors}"
                );
                outcomes.push(StartOutcome::ShippedFailed(name.to_owned(), errors));
                continue;
            }
        };
        prepared.stored.origin = Origin::Shipped;
        let current = storage
            .current_pack(&prepared.kommunkod)
            .await
            .map_err(|e| e.to_string())?;
        let replace = match &current {
            None => true,
            Some(c) if c.origin == Origin::Admin => false,
            Some(c) => is_older(&c.version, &prepared.stored.version),
        };
        if replace && publish(storage, &prepared).await? == Published::New {
            tracing::info!(
                "published the shipped pack of {} version {}",
                prepared.kommunkod,
                prepared.stored.version
            );
            outcomes.push(StartOutcome::Shipped(
                prepared.kommunkod.clone(),
                prepared.stored.version.clone(),
            ));
        }
    }
    let current = storage.current_packs().await.map_err(|e| e.to_string())?;
    for (kommunkod, pack) in current {
        if pack.origin != Origin::Admin {
            continue;
        }
        let (Some(overlay), Some(old_base)) = (&pack.overlay, &pack.base_version) else {
            continue; // format 1: nothing to resolve again
        };
        if !is_older(old_base, &base_version) {
            continue;
        }
        let name = format!("{kommunkod} overlay (published {})", pack.published_at);
        let file = PackFile {
            name: &name,
            text: overlay,
        };
        match prepare(base, file, now) {
            Ok(prepared) if prepared.kommunkod == kommunkod => {
                match publish(storage, &prepared).await {
                    Ok(_) => {
                        tracing::info!(
                            "{kommunkod}: the published overlay now uses base {base_version}: version {}",
                            prepared.stored.version
                        );
                        outcomes.push(StartOutcome::Rebased(kommunkod, prepared.stored.version));
                    }
                    // E.g. the version is taken by other content: keep serving what was
                    // published rather than refuse to start.
                    Err(e) => {
                        tracing::warn!("{kommunkod}: keeping version {}: {e}", pack.version);
                        outcomes.push(StartOutcome::Kept(kommunkod, e));
                    }
                }
            }
            Ok(prepared) => {
                let e = format!(
                    "{name}: names kommunkod {}, not {kommunkod}",
                    prepared.kommunkod
                );
                tracing::warn!("{e}");
                outcomes.push(StartOutcome::Kept(kommunkod, e));
            }
            Err(errors) => {
                tracing::warn!(
                    "{kommunkod}: the published overlay does not resolve with the new base {base_version}; employees keep version {} until it is fixed and published again (`pack diff`, `pack validate`):\n{errors}",
                    pack.version
                );
                outcomes.push(StartOutcome::Kept(kommunkod, errors));
            }
        }
    }
    Ok(outcomes)
}

/// One version's parts: `"<overlay>+<base>"` (format 2), or a format-1 version with no base.
fn parts(version: &str) -> (&str, Option<&str>) {
    match version.split_once('+') {
        Some((overlay, base)) => (overlay, Some(base)),
        None => (version, None),
    }
}

/// A dotted version of numbers ("2026.11.2") compared as numbers; `None` if it is not one.
fn numbers(v: &str) -> Option<Vec<u64>> {
    v.split('.').map(|n| n.parse::<u64>().ok()).collect()
}

/// Whether version `a` is older than `b`. Versions are dotted numbers ("2026.11.2"), or
/// format 2's `"<overlay>+<base>"`, where each part is compared on its own: `a` is older
/// when no part is newer and one is older (a format-1 version has no base, which is older
/// than any). A part that is not all numbers is never called older: it was set by hand, so
/// it is kept.
pub fn is_older(a: &str, b: &str) -> bool {
    let ((a_overlay, a_base), (b_overlay, b_base)) = (parts(a), parts(b));
    let compare = |x: &str, y: &str| Some(numbers(x)?.cmp(&numbers(y)?));
    let Some(overlay) = compare(a_overlay, b_overlay) else {
        return false;
    };
    let base = match (a_base, b_base) {
        (Some(x), Some(y)) => match compare(x, y) {
            Some(o) => o,
            None => return false,
        },
        (None, Some(y)) if numbers(y).is_some() => std::cmp::Ordering::Less,
        (None, None) => std::cmp::Ordering::Equal,
        _ => return false,
    };
    use std::cmp::Ordering::{Greater, Less};
    overlay != Greater && base != Greater && (overlay == Less || base == Less)
}

#[cfg(test)]
mod tests {
    use super::is_older;

    #[test]
    fn versions_compare_as_numbers_and_hand_made_ones_are_kept() {
        assert!(is_older("2026.11.1", "2026.11.2"));
        assert!(is_older("2026.9.1", "2026.11.1"));
        assert!(!is_older("2026.11.2", "2026.11.2"));
        assert!(!is_older("2027.1", "2026.11.2"));
        assert!(!is_older("vingaker-egen", "2026.11.2"));
    }

    #[test]
    fn an_overlay_or_a_base_that_is_newer_makes_a_format_2_version_newer() {
        assert!(is_older("2026.12.1+2026.12.1", "2026.12.1+2027.1.1"));
        assert!(is_older("2026.12.1+2026.12.1", "2026.12.2+2026.12.1"));
        assert!(is_older("2026.12.1+2026.12.1", "2026.12.2+2027.1.1"));
        assert!(!is_older("2026.12.1+2026.12.1", "2026.12.1+2026.12.1"));
        // One part newer, the other older: not an upgrade.
        assert!(!is_older("2026.12.2+2026.12.1", "2026.12.1+2027.1.1"));
        assert!(!is_older("2026.12.1+2027.1.1", "2026.12.1+2026.12.1"));
        // Hand-made parts are kept.
        assert!(!is_older("egen+2026.12.1", "2026.12.1+2027.1.1"));
        assert!(!is_older("2026.12.1+egen", "2026.12.1+2027.1.1"));
    }

    #[test]
    fn a_format_1_version_is_older_than_its_format_2_successor() {
        assert!(is_older("2026.11.2", "2026.12.1+2026.12.1"));
        assert!(is_older("2026.12.1", "2026.12.1+2026.12.1"));
        assert!(!is_older("2027.1.1", "2026.12.1+2026.12.1"));
        assert!(!is_older("2026.12.1+2026.12.1", "2026.12.1"));
    }
}
