//! Client-made record ids: UUIDv7, so that ids sort roughly by creation and a resend of the
//! same record is recognised by the server. Ordering is advisory: device clocks can be wrong.

use uuid::{Builder, Uuid};

/// Builds a UUIDv7 from a Unix time in milliseconds and 10 random bytes.
///
/// The caller supplies both so that the core stays free of clocks and randomness
/// (the app uses `Date.now()` and `crypto.getRandomValues`).
pub fn new_v7(unix_ms: u64, random: [u8; 10]) -> Uuid {
    Builder::from_unix_timestamp_millis(unix_ms, &random).into_uuid()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_7_and_sort_by_time() {
        let a = new_v7(1_763_900_000_000, [7; 10]);
        let b = new_v7(1_763_900_000_001, [0; 10]);
        assert_eq!(a.get_version_num(), 7);
        assert!(a < b);
    }

    #[test]
    fn different_random_bytes_give_different_ids() {
        assert_ne!(new_v7(1, [1; 10]), new_v7(1, [2; 10]));
    }
}
