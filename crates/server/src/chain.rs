//! The signature log's hash chain (DESIGN.md §2: tamper-evident).
//!
//! Entry n's hash is SHA-256 over entry n−1's hash and entry n's fields, one per line in a
//! fixed order. The first entry links to [`GENESIS`]. Changing any field of a stored entry,
//! removing one, or reordering them breaks the chain at that entry; a head row written in
//! the same transaction as each entry shows entries removed from the end.

use vaksam_core::protocol::sha256_hex;

/// The "previous hash" of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One entry of the log as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    /// Position in the municipality's log, from 1.
    pub seq: u64,
    /// The record id.
    pub id: String,
    /// Municipality.
    pub kommunkod: String,
    /// Device that sent it.
    pub device_id: String,
    /// Employee the device belongs to.
    pub employee_id: String,
    /// The outbox record's content hash.
    pub content_hash: String,
    /// The signature as JSON text.
    pub payload: String,
    /// Device time of saving (RFC 3339).
    pub device_created_at: String,
    /// Server time of receipt (RFC 3339).
    pub received_at: String,
    /// The previous entry's hash as stored with this entry.
    pub prev_hash: String,
    /// This entry's hash as stored.
    pub entry_hash: String,
}

/// The hash an entry must have, given the previous entry's hash.
pub fn entry_hash(prev_hash: &str, e: &LogEntry) -> String {
    let text = [
        prev_hash,
        &e.seq.to_string(),
        &e.id,
        &e.kommunkod,
        &e.device_id,
        &e.employee_id,
        &e.content_hash,
        &e.device_created_at,
        &e.received_at,
        &e.payload,
    ]
    .join("\n");
    sha256_hex(text.as_bytes())
}

/// The first place the chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Broken {
    /// An entry's content no longer matches its hash.
    #[error("entry {seq} was altered: its content does not match its hash")]
    Altered {
        /// Entry number.
        seq: u64,
    },
    /// An entry does not link to the one before it.
    #[error("entry {seq} does not link to entry {}: an entry before it was altered, removed or replaced", seq - 1)]
    Unlinked {
        /// Entry number.
        seq: u64,
    },
    /// Numbers are missing.
    #[error("entry {expected} is missing (the next entry present is {found})")]
    Missing {
        /// The number that should come next.
        expected: u64,
        /// The number found instead.
        found: u64,
    },
    /// Entries were removed from the end.
    #[error("the log ends at entry {last} but entry {head} was written: entries were removed from the end")]
    Truncated {
        /// Last entry present.
        last: u64,
        /// Last entry written, per the head row.
        head: u64,
    },
    /// The head row does not match the last entry.
    #[error("the head row does not match entry {seq}")]
    HeadMismatch {
        /// Entry number.
        seq: u64,
    },
}

/// Checks a municipality's log, in `seq` order, against its head row. Returns the number of
/// entries when intact.
pub fn verify(entries: &[LogEntry], head: Option<(u64, &str)>) -> Result<u64, Broken> {
    let mut prev = GENESIS.to_owned();
    for (i, e) in entries.iter().enumerate() {
        let expected = i as u64 + 1;
        if e.seq != expected {
            return Err(Broken::Missing {
                expected,
                found: e.seq,
            });
        }
        if e.prev_hash != prev {
            return Err(Broken::Unlinked { seq: e.seq });
        }
        if entry_hash(&prev, e) != e.entry_hash {
            return Err(Broken::Altered { seq: e.seq });
        }
        prev = e.entry_hash.clone();
    }
    let last = entries.len() as u64;
    match head {
        None if last == 0 => Ok(0),
        None => Err(Broken::HeadMismatch { seq: last }),
        Some((head_seq, _)) if head_seq > last => Err(Broken::Truncated {
            last,
            head: head_seq,
        }),
        Some((head_seq, head_hash)) if head_seq != last || head_hash != prev => {
            Err(Broken::HeadMismatch { seq: last })
        }
        Some(_) => Ok(last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(n: u64) -> Vec<LogEntry> {
        let mut prev = GENESIS.to_owned();
        (1..=n)
            .map(|seq| {
                let mut e = LogEntry {
                    seq,
                    id: format!("id-{seq}"),
                    kommunkod: "0428".into(),
                    device_id: "d".into(),
                    employee_id: "e".into(),
                    content_hash: "c".into(),
                    payload: format!("{{\"n\":{seq}}}"),
                    device_created_at: "2026-11-23T10:00:00Z".into(),
                    received_at: "2026-11-23T10:00:01Z".into(),
                    prev_hash: prev.clone(),
                    entry_hash: String::new(),
                };
                e.entry_hash = entry_hash(&prev, &e);
                prev = e.entry_hash.clone();
                e
            })
            .collect()
    }

    fn head(entries: &[LogEntry]) -> Option<(u64, &str)> {
        entries.last().map(|e| (e.seq, e.entry_hash.as_str()))
    }

    /// Every stored entry's hash is recomputed by `signatures verify`, so the way it is
    /// computed must never change: these values were computed independently (Python's
    /// hashlib over the same lines) and are pinned.
    #[test]
    fn golden_entry_hashes() {
        let mut first = LogEntry {
            seq: 1,
            id: "019ab1c2-d3e4-7f00-8000-000000000001".into(),
            kommunkod: "0428".into(),
            device_id: "019ab1c2-0000-7000-8000-0000000000d1".into(),
            employee_id: "019ab1c2-0000-7000-8000-0000000000e1".into(),
            content_hash: "9d754736bc33c8ac2f29e7f04ca23e38c011135ac1cc1e1f22e478d87c314de7".into(),
            payload: r#"{"kommunkod":"0428","name":"Åsa Öberg","note":"rad ett\nrad två"}"#.into(),
            device_created_at: "2026-11-23T14:05:09.123+01:00".into(),
            received_at: "2026-11-23T13:05:10.5Z".into(),
            prev_hash: GENESIS.into(),
            entry_hash: String::new(),
        };
        first.entry_hash = entry_hash(GENESIS, &first);
        assert_eq!(
            first.entry_hash,
            "102b8279de33675c9af9380e0cfbb5b737b1ec02acebae2a27b2586e321dfc28"
        );
        let second = LogEntry {
            seq: 2,
            prev_hash: first.entry_hash.clone(),
            ..first.clone()
        };
        assert_eq!(
            entry_hash(&first.entry_hash, &second),
            "af5c3e8591e3ba64672e8a3a860306efec312585ad94dcfc7ee0da554ab6831c"
        );
    }

    #[test]
    fn an_intact_log_verifies() {
        let entries = log(4);
        assert_eq!(verify(&entries, head(&entries)), Ok(4));
        assert_eq!(verify(&[], None), Ok(0));
    }

    #[test]
    fn each_kind_of_tampering_is_found_at_its_entry() {
        let entries = log(5);
        let h = head(&entries).map(|(s, h)| (s, h.to_owned()));
        let h = h.as_ref().map(|(s, h)| (*s, h.as_str()));

        let mut altered = entries.clone();
        altered[2].payload = "{\"n\":99}".into();
        assert_eq!(verify(&altered, h), Err(Broken::Altered { seq: 3 }));

        let mut rehashed = altered.clone();
        rehashed[2].entry_hash = entry_hash(&rehashed[2].prev_hash, &rehashed[2]);
        assert_eq!(verify(&rehashed, h), Err(Broken::Unlinked { seq: 4 }));

        let mut removed = entries.clone();
        removed.remove(1);
        assert_eq!(
            verify(&removed, h),
            Err(Broken::Missing {
                expected: 2,
                found: 3
            })
        );

        let truncated = &entries[..3];
        assert_eq!(
            verify(truncated, h),
            Err(Broken::Truncated { last: 3, head: 5 })
        );
    }
}
