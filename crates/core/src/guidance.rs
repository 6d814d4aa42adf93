//! "What to do now" after a report: the first steps for the reporter.
//!
//! These are Vaksam's defaults, drawn from common practice, not any municipality's rule,
//! used when no pack has reached the phone (the app marks them "Vaksams råd"). A pack
//! replaces them with the municipality's own routing and contacts (`Pack::guidance_for`).

use crate::incident::{Answer, Category, IncidentReport};
use serde::{Deserialize, Serialize};

/// One step the reporter should take now. The app words each step in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Call IT support so the device can be locked or wiped and accounts blocked.
    CallItToBlockDevice,
    /// Have the card, tag or key blocked, and tell whoever holds the lock (e.g. the care recipient).
    BlockCardOrKey,
    /// Ask the wrong recipient to delete the message, and do not resend the content.
    AskRecipientToDelete,
    /// Fetch the printout at once if you can, or ask someone near the printer to.
    FetchPrintout,
    /// Do not click, reply or open attachments; delete after reporting.
    DoNotClickOrReply,
    /// If you clicked or typed a password: change it now and call IT.
    ChangePasswordIfEntered,
    /// Disconnect the device from the network (Wi-Fi off) and call IT.
    DisconnectAndCallIt,
    /// Use the agreed manual routine (paper, phone) until the system is back.
    UseFallbackRoutine,
    /// Tell the system administrator or IT what was changed or lost, so it can be restored.
    AskForRestore,
    /// Tell your manager today.
    TellManager,
    /// Because a care recipient or pupil may be harmed: follow the lex Sarah / avvikelse routine.
    FollowLexSarahRoutine,
    /// Because it is still going on: call IT support now rather than wait.
    CallNowItIsOngoing,
}

/// The steps for a report, most urgent first.
pub fn steps_for(report: &IncidentReport) -> Vec<Step> {
    let mut steps = match report.category {
        Category::LostDevice => vec![Step::CallItToBlockDevice],
        Category::LostCardOrKey => vec![Step::BlockCardOrKey],
        Category::WrongRecipient => vec![Step::AskRecipientToDelete],
        Category::WrongPrinter => vec![Step::FetchPrintout],
        Category::Phishing => vec![Step::DoNotClickOrReply, Step::ChangePasswordIfEntered],
        Category::Malware => vec![Step::DisconnectAndCallIt],
        Category::SystemUnavailable => vec![Step::UseFallbackRoutine],
        Category::DataChangedOrDestroyed => vec![Step::AskForRestore],
        Category::UnauthorizedAccess | Category::WrongAccessRights | Category::Other => vec![],
    };
    if report.ongoing == Answer::Yes && !steps.contains(&Step::CallItToBlockDevice) {
        steps.insert(0, Step::CallNowItIsOngoing);
    }
    if report.harm_to_person == Answer::Yes {
        steps.push(Step::FollowLexSarahRoutine);
    }
    steps.push(Step::TellManager);
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::PersonalData;
    use time::macros::datetime;

    fn incident(category: Category, ongoing: Answer, harm: Answer) -> IncidentReport {
        let t = datetime!(2026-11-23 10:00 UTC);
        IncidentReport {
            category,
            occurred_at: t,
            discovered_at: t,
            place: String::new(),
            aspects: vec![],
            personal_data: PersonalData::default(),
            harm_to_person: harm,
            ongoing,
            actions_taken: String::new(),
            description: "x".into(),
        }
    }

    #[test]
    fn lost_phone_starts_with_blocking_it_and_ends_with_manager() {
        let steps = steps_for(&incident(Category::LostDevice, Answer::Yes, Answer::No));
        assert_eq!(steps, [Step::CallItToBlockDevice, Step::TellManager]);
    }

    #[test]
    fn ongoing_incident_puts_calling_first() {
        let steps = steps_for(&incident(Category::Malware, Answer::Yes, Answer::No));
        assert_eq!(steps[0], Step::CallNowItIsOngoing);
    }

    #[test]
    fn possible_harm_routes_to_lex_sarah() {
        let steps = steps_for(&incident(Category::WrongRecipient, Answer::No, Answer::Yes));
        assert!(steps.contains(&Step::FollowLexSarahRoutine));
        let steps = steps_for(&incident(
            Category::WrongRecipient,
            Answer::No,
            Answer::Unknown,
        ));
        assert!(!steps.contains(&Step::FollowLexSarahRoutine));
    }

    #[test]
    fn every_category_tells_the_manager() {
        for c in Category::ALL {
            assert!(steps_for(&incident(c, Answer::No, Answer::No)).contains(&Step::TellManager));
        }
    }
}
