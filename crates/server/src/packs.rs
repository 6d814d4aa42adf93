//! Publishing content packs: the five shipped with Vaksam, and new versions from an admin.

use crate::storage::{Origin, Published, Storage, StoredPack};
use time::OffsetDateTime;
use vaksam_core::pack::resolve::{self, PackFile};
use vaksam_core::pack::Pack;
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

/// Resolves a municipality's overlay with `base` and checks it, for an administrator to
/// publish; every error names the file and line of the item at fault.
pub fn prepare(
    base: PackFile<'_>,
    overlay: PackFile<'_>,
    now: OffsetDateTime,
) -> Result<Prepared, String> {
    let resolved = resolve::resolve(base, overlay).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let pack = resolved.pack;
    let kommunkod: Kommunkod = pack.municipality.kommunkod.clone();
    let file = overlay.name;
    let body = serde_json::to_string(&pack).map_err(|e| format!("{file}: {e}"))?;
    let etag = format!("\"{}\"", &sha256_hex(body.as_bytes())[..32]);
    let stored = StoredPack {
        version: pack.version.clone(),
        body,
        etag,
        published_at: now
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        origin: Origin::Admin,
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

/// Publishes each shipped pack whose municipality has none yet, or whose current pack was
/// itself shipped with an older version number (so an upgraded server brings new content,
/// e.g. a matrix). A pack an administrator published is never replaced; neither is one of
/// unknown origin with a version that is not older or not numeric.
pub async fn publish_shipped<S: Storage>(storage: &S, now: OffsetDateTime) -> Result<(), String> {
    for (name, text) in SHIPPED {
        let mut prepared = prepare(shipped_base(), PackFile { name, text }, now)?;
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
        if replace {
            publish(storage, &prepared).await?;
        }
    }
    Ok(())
}

/// Whether version `a` is older than `b`, both dotted numbers like "2026.11.2". A version
/// that is not all numbers is never called older: it was set by hand, so it is kept.
pub fn is_older(a: &str, b: &str) -> bool {
    let parse = |v: &str| {
        v.split('.')
            .map(|n| n.parse::<u64>().ok())
            .collect::<Option<Vec<_>>>()
    };
    match (parse(a), parse(b)) {
        (Some(a), Some(b)) => a < b,
        _ => false,
    }
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
}
