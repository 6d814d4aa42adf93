//! Console roles. A coordinator, data protection officer or manager belongs to one
//! municipality; a sysadmin runs the installation and sees no incident content.

use super::triage::PersonalDataFlag;
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

/// Something an administrator may want to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// See the incident register (what is listed depends on [`sees_in_register`]).
    ViewRegister,
    /// Open an incident's details.
    ViewIncident,
    /// Change an incident's status, assignee, notes, handovers, CERT-SE category, message.
    Triage,
    /// Record the GDPR decision (breach, risk, IMY).
    DecideBreach,
    /// Record the cybersäkerhetslag's decision.
    DecideNis2,
    /// See the breach register (GDPR art. 33(5)).
    ViewBreachRegister,
    /// Export what they see.
    Export,
    /// Read the audit log.
    ViewAudit,
    /// Edit and publish the municipality's content.
    ManageContent,
    /// Invite and disable administrators.
    InviteAdmins,
    /// See coverage (who has signed and trained).
    ViewCoverage,
    /// Keep the staff directory: employees, workplaces, imports, enrollment letters.
    ManageDirectory,
    /// Run the installation (municipalities, sysadmins).
    ManageInstallation,
}

/// The incident an action concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    /// Whether it involves personal data, as far as is known.
    pub personal_data: PersonalDataFlag,
    /// Whether it is assigned to the admin asking.
    pub assigned_to_me: bool,
}

/// Whether `role` may do `action` (on `subject`, for actions on one incident).
///
/// - A coordinator answers for the municipality's information security: everything in
///   it, except running the installation.
/// - The data protection officer monitors personal data: incidents that (may) involve
///   personal data, or that are assigned to them; the GDPR decision and the breach
///   register. The cybersäkerhetslag's decision, content, the audit log and accounts are
///   the coordinator's.
/// - Coverage: coordinators and managers, and the data protection officer in counts (names
///   only as [`sees_names`] says).
/// - A manager sees their own workplaces' coverage, and an incident only when it is
///   assigned to them (then they may work on it, not record the legal decisions).
/// - A sysadmin runs the installation and invites its administrators, and never sees an
///   incident, the register or the audit log's contents of a municipality.
pub fn may(role: Role, action: Action, subject: Option<&Subject>) -> bool {
    use Action::*;
    let assigned = subject.is_some_and(|s| s.assigned_to_me);
    let personal = subject.is_some_and(|s| s.personal_data.maybe());
    match role {
        Role::Coordinator => action != ManageInstallation,
        Role::Dpo => match action {
            ViewRegister | ViewBreachRegister | Export | ViewCoverage => true,
            ViewIncident | Triage | DecideBreach => subject.is_some() && (personal || assigned),
            _ => false,
        },
        Role::Manager => match action {
            ViewCoverage => true,
            ViewRegister => true,
            ViewIncident | Triage => assigned,
            _ => false,
        },
        Role::Sysadmin => matches!(action, ManageInstallation | InviteAdmins),
    }
}

/// Whether `role` sees the names behind a workplace's coverage figures: a coordinator for
/// every workplace, a manager for their own (`own`); everyone else sees counts only.
pub fn sees_names(role: Role, own: bool) -> bool {
    match role {
        Role::Coordinator => true,
        Role::Manager => own,
        Role::Dpo | Role::Sysadmin => false,
    }
}

/// Whether `role` sees this incident in the register at all (the list is filtered by
/// this; a coordinator sees every incident of the municipality).
pub fn sees_in_register(role: Role, subject: &Subject) -> bool {
    may(role, Action::ViewIncident, Some(subject))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PERSONAL: Subject = Subject {
        personal_data: PersonalDataFlag::Yes,
        assigned_to_me: false,
    };
    const PLAIN: Subject = Subject {
        personal_data: PersonalDataFlag::No,
        assigned_to_me: false,
    };
    const MINE: Subject = Subject {
        personal_data: PersonalDataFlag::No,
        assigned_to_me: true,
    };

    #[test]
    fn a_coordinator_may_do_everything_in_the_municipality() {
        for action in ALL_ACTIONS {
            assert_eq!(
                may(Role::Coordinator, action, Some(&PLAIN)),
                action != Action::ManageInstallation,
                "{action:?}"
            );
        }
    }

    #[test]
    fn the_dpo_sees_incidents_with_personal_data_or_assigned() {
        use Action::*;
        for s in [&PERSONAL, &MINE] {
            assert!(may(Role::Dpo, ViewIncident, Some(s)));
            assert!(may(Role::Dpo, DecideBreach, Some(s)));
            assert!(sees_in_register(Role::Dpo, s));
        }
        let unknown = Subject {
            personal_data: PersonalDataFlag::Unknown,
            ..PLAIN
        };
        assert!(sees_in_register(Role::Dpo, &unknown));
        assert!(!may(Role::Dpo, ViewIncident, Some(&PLAIN)));
        assert!(!sees_in_register(Role::Dpo, &PLAIN));
        assert!(!may(Role::Dpo, ViewIncident, None));
        for action in [
            DecideNis2,
            ViewAudit,
            ManageContent,
            InviteAdmins,
            ManageInstallation,
        ] {
            assert!(!may(Role::Dpo, action, Some(&PERSONAL)), "{action:?}");
        }
        assert!(may(Role::Dpo, ViewBreachRegister, None));
    }

    #[test]
    fn a_manager_sees_coverage_and_only_incidents_assigned_to_them() {
        use Action::*;
        assert!(may(Role::Manager, ViewCoverage, None));
        assert!(may(Role::Manager, ViewIncident, Some(&MINE)));
        assert!(may(Role::Manager, Triage, Some(&MINE)));
        assert!(!may(Role::Manager, ViewIncident, Some(&PERSONAL)));
        assert!(!sees_in_register(Role::Manager, &PLAIN));
        for action in [
            DecideBreach,
            DecideNis2,
            ViewBreachRegister,
            Export,
            ViewAudit,
            ManageContent,
            InviteAdmins,
            ManageDirectory,
        ] {
            assert!(!may(Role::Manager, action, Some(&MINE)), "{action:?}");
        }
    }

    #[test]
    fn names_in_coverage_for_coordinators_and_a_managers_own_workplaces_only() {
        assert!(sees_names(Role::Coordinator, false));
        assert!(sees_names(Role::Manager, true));
        assert!(!sees_names(Role::Manager, false));
        assert!(!sees_names(Role::Dpo, true));
        assert!(!sees_names(Role::Sysadmin, true));
        assert!(may(Role::Coordinator, Action::ManageDirectory, None));
        assert!(!may(Role::Dpo, Action::ManageDirectory, None));
        assert!(may(Role::Dpo, Action::ViewCoverage, None));
    }

    #[test]
    fn a_sysadmin_never_sees_incident_content() {
        for action in ALL_ACTIONS {
            let allowed = matches!(action, Action::ManageInstallation | Action::InviteAdmins);
            assert_eq!(
                may(Role::Sysadmin, action, Some(&MINE)),
                allowed,
                "{action:?}"
            );
        }
        assert!(!sees_in_register(Role::Sysadmin, &MINE));
    }

    const ALL_ACTIONS: [Action; 13] = [
        Action::ViewRegister,
        Action::ViewIncident,
        Action::Triage,
        Action::DecideBreach,
        Action::DecideNis2,
        Action::ViewBreachRegister,
        Action::Export,
        Action::ViewAudit,
        Action::ManageContent,
        Action::InviteAdmins,
        Action::ViewCoverage,
        Action::ManageDirectory,
        Action::ManageInstallation,
    ];

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
