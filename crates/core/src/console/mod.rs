//! The rules of the municipality's console: who may do what (`roles`), the legal clocks
//! (`clock`, in Swedish time: `sweden_time`), how a case moves and the decisions it records
//! (`triage`), and CERT-SE's incident categories (`cert_se`). The server's `/admin` pages
//! only render what these decide.

pub mod cert_se;
pub mod clock;
pub mod roles;
pub mod sweden_time;
pub mod triage;
