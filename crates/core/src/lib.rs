//! Vaksam's domain rules and the sync protocol, shared by the app (wasm) and the server.
//!
//! Nothing here does I/O, spawns tasks or reads a clock: callers pass "now" in. That keeps
//! every rule testable natively in milliseconds and identical on both ends.
#![deny(missing_docs)]

pub mod backoff;
pub mod bank;
pub mod case_number;
pub mod check;
pub mod classification;
pub mod console;
pub mod coverage;
pub mod deadline;
pub mod directory;
pub mod enrollment;
pub mod guidance;
pub mod incident;
pub mod municipality;
pub mod pack;
pub mod protocol;
pub mod quiz;
pub mod record_id;
pub mod search;
pub mod signature;
pub mod source;
pub mod supplement;
pub mod text;
pub mod timestamp;
pub mod validation;

pub use case_number::CaseNumber;
pub use incident::{Incident, IncidentDraft, IncidentReport};
pub use municipality::Kommunkod;
pub use pack::Pack;
pub use supplement::{Supplement, SupplementDraft, SupplementReport};
pub use validation::{FieldError, FieldErrorCode};
