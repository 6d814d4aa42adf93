//! Console roles. A coordinator, data protection officer or manager belongs to one
//! municipality; a sysadmin runs the installation and sees no incident content.

use serde::{Deserialize, Serialize};

/// What an administrator is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The information-security coordinator: everything in their municipality.
    Coordinator,
    /// The data protection officer: incidents with personal data and the breach register.
    Dpo,
    /// A manager: their own workplaces' coverage; incident details only when assigned.
    Manager,
    /// Runs the installation: municipalities and accounts, never incident content.
    Sysadmin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 4] = [Role::Coordinator, Role::Dpo, Role::Manager, Role::Sysadmin];

    /// Its name in the database, the CLI and forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Dpo => "dpo",
            Role::Manager => "manager",
            Role::Sysadmin => "sysadmin",
        }
    }

    /// The role with this name.
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// Whether the role belongs to one municipality (every role but sysadmin).
    pub fn is_municipal(self) -> bool {
        self != Role::Sysadmin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
        assert!(!Role::Sysadmin.is_municipal());
        assert!(Role::Manager.is_municipal());
    }
}
