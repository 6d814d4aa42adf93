//! Repeat training: the pack's question bank, scoring, and when each question and the
//! course as a whole are due again.
//!
//! Scheduling is Leitner-style and deterministic: every question sits in a box; a right
//! answer moves it up a box and spaces it out, a wrong one sends it back to box 1, due again
//! the next day. The course is done when every question of the bank has been answered
//! right once in the current round; it is due again `training.interval_months` later.
//! New employees start with the questions marked `basics`.

use crate::classification::Sector;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Duration, OffsetDateTime};

/// Questions in one session (about two minutes).
pub const SESSION_SIZE: usize = 5;
/// Days until a question in box 1, 2, … is due again. A wrong answer puts a question in box
/// 1 (due the next day); each right answer moves it up one box.
pub const BOX_DAYS: [i64; 5] = [1, 3, 7, 21, 60];
pub use crate::bank::{Bank, Choice, Question, OPTIONS};

/// Where one question stands for one employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Leitner box, 1–5.
    pub r#box: u8,
    /// When it is due again.
    #[serde(with = "crate::timestamp::lenient")]
    pub due: OffsetDateTime,
    /// When it was last answered right.
    #[serde(default, with = "crate::timestamp::lenient::option")]
    pub right_at: Option<OffsetDateTime>,
    /// Whether the last answer was right.
    pub last_right: bool,
}

/// One employee's training, kept on the phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Per question id.
    pub cards: BTreeMap<String, Card>,
    /// When the course was last completed.
    #[serde(default, with = "crate::timestamp::lenient::option")]
    pub completed_at: Option<OffsetDateTime>,
    /// The employee's sector, chosen in the app: the course is the questions for everyone
    /// plus those for this sector (`None`: only the questions for everyone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
}

/// Where the employee stands with the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CourseStatus {
    /// Never completed and nothing answered right yet; due now.
    NotStarted,
    /// A round is under way: `right` of `total` questions answered right in it.
    InProgress {
        /// Answered right this round.
        right: usize,
        /// Questions in the bank.
        total: usize,
        /// For a repeat round, when it came due (the course is overdue since then); `None`
        /// for a new employee's first round.
        due_since: Option<OffsetDateTime>,
    },
    /// Done; due again at `next_due`.
    Done {
        /// When the next round is due.
        next_due: OffsetDateTime,
    },
}

/// `months` calendar months after `t` (the day clamped to the month's length).
pub fn add_months(t: OffsetDateTime, months: u32) -> OffsetDateTime {
    let total = t.month() as i32 - 1 + months as i32;
    let year = t.year() + total / 12;
    let month = time::Month::try_from((total % 12 + 1) as u8).unwrap_or(time::Month::January);
    let last = month.length(year);
    let date = time::Date::from_calendar_date(year, month, t.day().min(last)).unwrap_or(t.date());
    t.replace_date(date)
}

impl Progress {
    /// When the course is next due: `None` (now) for someone who never completed it,
    /// otherwise `interval_months` after the last completion.
    pub fn course_due(&self, interval_months: u32) -> Option<OffsetDateTime> {
        self.completed_at.map(|t| add_months(t, interval_months))
    }

    /// The start of the round that counts at `now`, or `None` while the course is done.
    /// Answers before a round opens (practice) do not count toward it.
    fn round_start(&self, interval_months: u32, now: OffsetDateTime) -> Option<OffsetDateTime> {
        match self.course_due(interval_months) {
            None => Some(OffsetDateTime::UNIX_EPOCH),
            Some(due) if now >= due => Some(due),
            Some(_) => None,
        }
    }

    fn right_in_round(&self, id: &str, start: OffsetDateTime) -> bool {
        self.cards
            .get(id)
            .and_then(|c| c.right_at)
            .is_some_and(|t| t >= start)
    }

    /// Where the employee stands.
    pub fn status(&self, bank: &Bank, interval_months: u32, now: OffsetDateTime) -> CourseStatus {
        let Some(start) = self.round_start(interval_months, now) else {
            let next_due = self.course_due(interval_months).unwrap_or(now);
            return CourseStatus::Done { next_due };
        };
        let right = bank
            .questions_for(self.sector)
            .filter(|q| self.right_in_round(&q.id, start))
            .count();
        if right == 0 && self.completed_at.is_none() {
            return CourseStatus::NotStarted;
        }
        CourseStatus::InProgress {
            right,
            total: bank.questions_for(self.sector).count(),
            due_since: self.course_due(interval_months),
        }
    }

    /// The questions of the next session, at most [`SESSION_SIZE`], most needed first:
    /// due questions answered wrong last time, then (while a round is open) questions not
    /// yet right this round, basics before the rest and unseen before seen, then any other
    /// due question, earliest due first. Ties keep the bank's order. Empty when nothing is
    /// due and the course is done.
    pub fn next_session(
        &self,
        bank: &Bank,
        interval_months: u32,
        now: OffsetDateTime,
    ) -> Vec<String> {
        let start = self.round_start(interval_months, now);
        let mut ranked: Vec<((u8, bool, bool, OffsetDateTime), usize)> = bank
            .questions_for(self.sector)
            .enumerate()
            .filter_map(|(i, q)| {
                let card = self.cards.get(&q.id);
                let due = card.is_none_or(|c| c.due <= now);
                let needed = start.is_some_and(|s| !self.right_in_round(&q.id, s));
                let rank = match card {
                    Some(c) if due && !c.last_right => 0,
                    _ if needed => 1,
                    _ if due => 2,
                    _ => return None,
                };
                let when = card.map_or(OffsetDateTime::UNIX_EPOCH, |c| c.due);
                Some(((rank, !q.basics, card.is_some(), when), i))
            })
            .collect();
        ranked.sort();
        ranked
            .into_iter()
            .take(SESSION_SIZE)
            .filter_map(|(_, i)| bank.questions_for(self.sector).nth(i))
            .map(|q| q.id.clone())
            .collect()
    }

    /// Records an answer: right moves the question up a box, wrong back to box 1, and both
    /// set when it is due again. Completes the course when, in an open round, every
    /// question of the bank has now been answered right. Returns whether this answer
    /// completed it.
    pub fn record(
        &mut self,
        bank: &Bank,
        interval_months: u32,
        question: &str,
        right: bool,
        now: OffsetDateTime,
    ) -> bool {
        let start = self.round_start(interval_months, now);
        let card = self.cards.entry(question.to_owned()).or_insert(Card {
            r#box: 1,
            due: now,
            right_at: None,
            last_right: false,
        });
        if right {
            card.r#box = (card.r#box + 1).min(BOX_DAYS.len() as u8);
            card.right_at = Some(now);
        } else {
            card.r#box = 1;
        }
        card.last_right = right;
        card.due = now + Duration::days(BOX_DAYS[usize::from(card.r#box) - 1]);
        let Some(start) = start else {
            return false;
        };
        let all_right = bank
            .questions_for(self.sector)
            .all(|q| self.right_in_round(&q.id, start));
        if all_right {
            self.completed_at = Some(now);
        }
        all_right
    }
}

/// Most answers one result may carry (a session is about five).
pub const MAX_ANSWERS: usize = 50;
/// Longest time one answer may take, in milliseconds (an hour; a phone left on a question).
pub const MAX_ANSWER_MS: u32 = 3_600_000;

/// A finished session, sent through the outbox (`RecordKind::Quiz`): every answer, whether
/// it was right, how long it took, and whether it completed the course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizResult {
    /// The municipality.
    pub kommunkod: crate::Kommunkod,
    /// The pack version whose bank was used.
    pub pack_version: String,
    /// The bank's version.
    pub bank_version: String,
    /// When the session started (device time).
    #[serde(with = "crate::timestamp::rfc3339")]
    pub started_at: OffsetDateTime,
    /// When its last answer was given (device time).
    #[serde(with = "crate::timestamp::rfc3339")]
    pub finished_at: OffsetDateTime,
    /// The answers in the order given.
    pub answers: Vec<QuizAnswer>,
    /// Set when this session completed the course on the phone ("utbildning genomförd").
    /// Only the phone's view: the server decides completion from the answers it stored
    /// ([`proven_completion`]) and never reads this.
    #[serde(default, with = "crate::timestamp::rfc3339::option")]
    pub course_completed_at: Option<OffsetDateTime>,
    /// The employee's sector when the session was taken: which questions make up their
    /// course. Left out: only the questions for everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizAnswer {
    /// Question id.
    pub question: String,
    /// Option ids chosen.
    pub chosen: Vec<String>,
    /// Whether that was right.
    pub correct: bool,
    /// Time from showing the question to answering, in milliseconds.
    pub ms: u32,
}

impl QuizResult {
    /// Checks the result against the pack it names: same municipality, that bank version,
    /// known questions and options, `correct` as the bank scores it, sane times.
    pub fn validate(
        &self,
        pack: &crate::Pack,
        now: OffsetDateTime,
    ) -> Result<(), Vec<crate::FieldError>> {
        use crate::{FieldError, FieldErrorCode};
        let mut errors = Vec::new();
        let mut err = |field: String, code, message: String| {
            errors.push(FieldError::new(&field, code, message));
        };
        if self.kommunkod != pack.municipality.kommunkod {
            err(
                "kommunkod".into(),
                FieldErrorCode::Inconsistent,
                "not the pack's municipality".into(),
            );
        }
        let Some(bank) = pack
            .quiz
            .as_ref()
            .filter(|b| b.version == self.bank_version)
        else {
            err(
                "bank_version".into(),
                FieldErrorCode::Invalid,
                format!(
                    "pack {:?} has no bank {:?}",
                    pack.version, self.bank_version
                ),
            );
            return Err(errors);
        };
        if self.answers.is_empty() || self.answers.len() > MAX_ANSWERS {
            err(
                "answers".into(),
                FieldErrorCode::Invalid,
                format!("a result has 1 to {MAX_ANSWERS} answers"),
            );
        }
        for (i, a) in self.answers.iter().enumerate() {
            let Some(q) = bank.question(&a.question) else {
                err(
                    format!("answers[{i}].question"),
                    FieldErrorCode::Invalid,
                    format!("no question {:?}", a.question),
                );
                continue;
            };
            if let Some(bad) = a
                .chosen
                .iter()
                .find(|c| !q.options.iter().any(|o| o.id == **c))
            {
                err(
                    format!("answers[{i}].chosen"),
                    FieldErrorCode::Invalid,
                    format!("no option {bad:?}"),
                );
            } else if a.correct != q.is_right(&a.chosen) {
                err(
                    format!("answers[{i}].correct"),
                    FieldErrorCode::Inconsistent,
                    "does not match the bank".into(),
                );
            }
            if a.ms > MAX_ANSWER_MS {
                err(
                    format!("answers[{i}].ms"),
                    FieldErrorCode::Invalid,
                    "longer than an hour".into(),
                );
            }
        }
        if self.finished_at < self.started_at {
            err(
                "finished_at".into(),
                FieldErrorCode::BeforeOccurred,
                "before the start".into(),
            );
        }
        for (field, t) in [
            ("finished_at", Some(self.finished_at)),
            ("course_completed_at", self.course_completed_at),
        ] {
            if t.is_some_and(|t| t > now) {
                err(
                    field.into(),
                    FieldErrorCode::InFuture,
                    "in the future".into(),
                );
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A session under way: its questions and the answers given so far. Kept on the phone
/// after every answer, so a reload or an update resumes at the same question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The pack version whose bank is used.
    pub pack_version: String,
    /// The bank's version.
    pub bank_version: String,
    /// Question ids in the order asked.
    pub questions: Vec<String>,
    /// Answers so far, in order.
    pub answers: Vec<QuizAnswer>,
    /// When the session started.
    #[serde(with = "crate::timestamp::lenient")]
    pub started_at: OffsetDateTime,
}

impl Session {
    /// A session of what is due, or, when nothing is (`practice`), of the questions least
    /// well known. `None` when the pack has no bank or nothing is due and not practising.
    pub fn start(
        pack: &crate::Pack,
        progress: &Progress,
        practice: bool,
        now: OffsetDateTime,
    ) -> Option<Session> {
        let bank = pack.quiz.as_ref()?;
        let months = pack.training.interval_months;
        let mut questions = progress.next_session(bank, months, now);
        if questions.is_empty() && practice {
            let mut known: Vec<(u8, OffsetDateTime, usize)> = bank
                .questions_for(progress.sector)
                .enumerate()
                .map(|(i, q)| {
                    let c = progress.cards.get(&q.id);
                    (c.map_or(0, |c| c.r#box), c.map_or(now, |c| c.due), i)
                })
                .collect();
            known.sort();
            questions = known
                .into_iter()
                .take(SESSION_SIZE)
                .filter_map(|(_, _, i)| bank.questions_for(progress.sector).nth(i))
                .map(|q| q.id.clone())
                .collect();
        }
        (!questions.is_empty()).then(|| Session {
            pack_version: pack.version.clone(),
            bank_version: bank.version.clone(),
            questions,
            answers: Vec::new(),
            started_at: now,
        })
    }

    /// The question to answer next, if any is left.
    pub fn current(&self) -> Option<&str> {
        self.questions.get(self.answers.len()).map(String::as_str)
    }

    /// Scores `chosen` for the current question and keeps the answer; returns whether it
    /// was right, or `None` if the session is over or the question left the bank.
    pub fn answer(&mut self, bank: &Bank, chosen: Vec<String>, ms: u32) -> Option<bool> {
        let question = bank.question(self.current()?)?;
        let correct = question.is_right(&chosen);
        self.answers.push(QuizAnswer {
            question: question.id.clone(),
            chosen,
            correct,
            ms: ms.min(MAX_ANSWER_MS),
        });
        Some(correct)
    }

    /// Every question answered.
    pub fn is_finished(&self) -> bool {
        self.answers.len() >= self.questions.len()
    }

    /// Applies the answers to `progress` and gives the result to send, with the course's
    /// completion when one of these answers completed it.
    pub fn finish(
        &self,
        pack: &crate::Pack,
        progress: &mut Progress,
        now: OffsetDateTime,
    ) -> Option<QuizResult> {
        let bank = pack.quiz.as_ref()?;
        let months = pack.training.interval_months;
        let mut completed = None;
        for a in &self.answers {
            if progress.record(bank, months, &a.question, a.correct, now) {
                completed = Some(now);
            }
        }
        Some(QuizResult {
            kommunkod: pack.municipality.kommunkod.clone(),
            pack_version: self.pack_version.clone(),
            bank_version: self.bank_version.clone(),
            started_at: self.started_at,
            finished_at: now.max(self.started_at),
            answers: self.answers.clone(),
            course_completed_at: completed,
            sector: progress.sector,
        })
    }
}

/// A course completion proven by an employee's own answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvenCompletion {
    /// When the last round was completed: the `finished_at` of the result whose answer
    /// completed it.
    pub completed_at: OffsetDateTime,
    /// The bank version of that result.
    pub bank_version: String,
}

/// The last course completion that an employee's results prove, replayed through the same
/// rules the phone applies ([`Progress::record`]); `None` if they prove none.
///
/// The phone's claim (`course_completed_at`) is never read: a device could send one answer
/// with a claim and appear completed for a year (review H2). Instead every result is
/// replayed in order of `finished_at` (ties in the order given, which should be the order
/// received), each answer scored again by the bank of the pack the result names
/// (`pack_of`; the phone scored and scheduled against that same bank and interval), at the
/// result's `finished_at`, as `Session::finish` does. A result whose pack is unknown or has
/// another bank version counts for nothing. So the course is completed only when, within
/// an open round, every question of the bank has been answered right.
pub fn proven_completion<'p>(
    results: &[QuizResult],
    pack_of: impl Fn(&QuizResult) -> Option<&'p crate::Pack>,
) -> Option<ProvenCompletion> {
    let mut order: Vec<&QuizResult> = results.iter().collect();
    order.sort_by_key(|r| r.finished_at);
    let mut progress = Progress::default();
    let mut last = None;
    for r in order {
        let Some(pack) = pack_of(r) else { continue };
        let Some(bank) = pack.quiz.as_ref().filter(|b| b.version == r.bank_version) else {
            continue;
        };
        let months = pack.training.interval_months;
        progress.sector = r.sector;
        for a in &r.answers {
            let Some(q) = bank.question(&a.question) else {
                continue;
            };
            if progress.record(bank, months, &q.id, q.is_right(&a.chosen), r.finished_at) {
                last = Some(ProvenCompletion {
                    completed_at: r.finished_at,
                    bank_version: bank.version.clone(),
                });
            }
        }
    }
    last
}

/// Where an employee stands in the municipality's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Completion {
    /// Completed within the interval.
    Completed,
    /// Completed once, but longer ago than the interval.
    Overdue,
    /// Never completed.
    NotCompleted,
}

/// Where someone whose last completion was `completed_at` stands at `now`.
pub fn completion(
    completed_at: Option<OffsetDateTime>,
    interval_months: u32,
    now: OffsetDateTime,
) -> Completion {
    match completed_at {
        None => Completion::NotCompleted,
        Some(t) if now < add_months(t, interval_months) => Completion::Completed,
        Some(_) => Completion::Overdue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-23 09:00 +01:00);
    const MONTHS: u32 = 12;

    fn text(s: &str) -> Text {
        Text::sv_en(s, s)
    }

    fn question(id: &str, basics: bool, correct: &[&str]) -> Question {
        Question {
            id: id.to_owned(),
            section: None,
            sectors: Vec::new(),
            cite: Default::default(),
            default: true,
            default_fields: Vec::new(),
            confirmed: false,
            basics,
            scenario: text("?"),
            options: ["a", "b", "c", "d"]
                .iter()
                .map(|o| Choice {
                    id: (*o).to_owned(),
                    text: text(o),
                    correct: correct.contains(o),
                })
                .collect(),
            explanation: text("because"),
        }
    }

    /// Seven questions: three basics among them, q1 with two right options.
    fn bank() -> Bank {
        Bank {
            version: "1".into(),
            questions: vec![
                question("q1", false, &["a", "c"]),
                question("q2", true, &["b"]),
                question("q3", false, &["a"]),
                question("q4", true, &["d"]),
                question("q5", false, &["a"]),
                question("q6", true, &["c"]),
                question("q7", false, &["b"]),
            ],
        }
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn single_choice_is_right_only_with_exactly_the_right_option() {
        let q = question("q", false, &["b"]);
        assert!(!q.is_multiple());
        assert!(q.is_right(&ids(&["b"])));
        assert!(!q.is_right(&ids(&["a"])));
        assert!(!q.is_right(&ids(&["a", "b"])));
        assert!(!q.is_right(&[]));
        assert!(
            !q.is_right(&ids(&["b", "x"])),
            "an unknown option is never right"
        );
    }

    #[test]
    fn multiple_choice_needs_all_right_options_and_no_wrong_one() {
        let q = question("q", false, &["a", "c"]);
        assert!(q.is_multiple());
        assert!(q.is_right(&ids(&["c", "a"])));
        assert!(
            q.is_right(&ids(&["a", "c", "a"])),
            "a repeat changes nothing"
        );
        assert!(!q.is_right(&ids(&["a"])));
        assert!(!q.is_right(&ids(&["a", "b", "c"])));
    }

    #[test]
    fn a_new_employee_starts_with_the_basics() {
        let p = Progress::default();
        let bank = bank();
        assert_eq!(p.status(&bank, MONTHS, NOW), CourseStatus::NotStarted);
        assert_eq!(
            p.next_session(&bank, MONTHS, NOW),
            ids(&["q2", "q4", "q6", "q1", "q3"])
        );
    }

    #[test]
    fn a_wrong_answer_is_due_the_next_day_and_comes_first() {
        let bank = bank();
        let mut p = Progress::default();
        p.record(&bank, MONTHS, "q2", false, NOW);
        p.record(&bank, MONTHS, "q4", true, NOW);
        let q2 = p.cards["q2"];
        assert_eq!((q2.r#box, q2.due), (1, NOW + Duration::days(1)));
        let q4 = p.cards["q4"];
        assert_eq!((q4.r#box, q4.due), (2, NOW + Duration::days(3)));
        // The same day q2 is not due yet; unseen questions are.
        assert!(!p
            .next_session(&bank, MONTHS, NOW)
            .contains(&"q4".to_owned()));
        // The next day it comes first.
        let tomorrow = NOW + Duration::days(1);
        assert_eq!(p.next_session(&bank, MONTHS, tomorrow)[0], "q2");
    }

    #[test]
    fn right_answers_are_spaced_out_box_by_box() {
        let bank = bank();
        let mut p = Progress::default();
        let mut t = NOW;
        let mut gaps = Vec::new();
        for _ in 0..6 {
            p.record(&bank, MONTHS, "q3", true, t);
            let due = p.cards["q3"].due;
            gaps.push((due - t).whole_days());
            t = due;
        }
        assert_eq!(gaps, vec![3, 7, 21, 60, 60, 60]);
        // One wrong answer sends it back to the start.
        p.record(&bank, MONTHS, "q3", false, t);
        assert_eq!(p.cards["q3"].r#box, 1);
        assert_eq!((p.cards["q3"].due - t).whole_days(), 1);
    }

    #[test]
    fn the_course_completes_when_every_question_was_right_once_and_is_due_after_the_interval() {
        let bank = bank();
        let mut p = Progress::default();
        let mut completed = Vec::new();
        for q in &bank.questions {
            completed.push(p.record(&bank, MONTHS, &q.id, true, NOW));
        }
        assert_eq!(completed.iter().filter(|c| **c).count(), 1);
        assert!(completed[6], "the last right answer completes the course");
        let next_due = datetime!(2027-11-23 09:00 +01:00);
        assert_eq!(
            p.status(&bank, MONTHS, NOW),
            CourseStatus::Done { next_due }
        );
        // Nothing is due the next day; a question comes back when its box says so.
        assert!(p
            .next_session(&bank, MONTHS, NOW + Duration::days(1))
            .is_empty());
        assert_eq!(
            p.next_session(&bank, MONTHS, NOW + Duration::days(3)).len(),
            5
        );
    }

    #[test]
    fn after_the_interval_a_new_round_opens_and_practice_before_it_does_not_count() {
        let bank = bank();
        let mut p = Progress::default();
        for q in &bank.questions {
            p.record(&bank, MONTHS, &q.id, true, NOW);
        }
        // Practice a month before the round opens.
        let practice = datetime!(2027-10-23 09:00 +01:00);
        assert!(!p.record(&bank, MONTHS, "q1", true, practice));
        let due = datetime!(2027-11-23 09:00 +01:00);
        let later = due + Duration::days(10);
        assert_eq!(
            p.status(&bank, MONTHS, later),
            CourseStatus::InProgress {
                right: 0,
                total: 7,
                due_since: Some(due)
            }
        );
        // The whole bank is asked again, basics first.
        assert_eq!(
            p.next_session(&bank, MONTHS, later)[..3],
            ids(&["q2", "q4", "q6"])
        );
        for q in &bank.questions {
            p.record(&bank, MONTHS, &q.id, true, later);
        }
        assert_eq!(p.completed_at, Some(later));
    }

    #[test]
    fn months_roll_over_years_and_short_months() {
        assert_eq!(
            add_months(datetime!(2026-01-31 12:00 UTC), 1),
            datetime!(2026-02-28 12:00 UTC)
        );
        assert_eq!(
            add_months(datetime!(2026-11-23 12:00 UTC), 14),
            datetime!(2028-01-23 12:00 UTC)
        );
    }
}
