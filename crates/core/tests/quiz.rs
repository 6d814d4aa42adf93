//! Pack validation of the quiz bank: each kind of broken question refused with its path.

use std::path::Path;
use vaksam_core::pack::{self, resolve, Pack};

/// A shipped municipality's pack: its overlay resolved with the base.
fn shipped(name: &str) -> Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packs");
    let base = std::fs::read_to_string(dir.join("base.toml")).unwrap();
    let file = format!("{name}.toml");
    let overlay = std::fs::read_to_string(dir.join(&file)).unwrap();
    resolve::resolve(
        resolve::PackFile {
            name: "base.toml",
            text: &base,
        },
        resolve::PackFile {
            name: &file,
            text: &overlay,
        },
    )
    .unwrap()
    .pack
}

/// A bank of two questions on Vingåker's sections, to be broken by the tests.
const BANK: &str = r#"
[quiz]
version = "test-1"

[[quiz.questions]]
id = "lost-phone"
default = true
section = "incidents"
basics = true
scenario.sv = "Du har tappat jobbtelefonen. Vad gör du först?"
scenario.en = "You lost your work phone. What do you do first?"
explanation.sv = "Ring IT så att telefonen kan spärras."
explanation.en = "Call IT so the phone can be blocked."

[[quiz.questions.options]]
id = "a"
correct = true
text.sv = "Ringer IT"
text.en = "Call IT"

[[quiz.questions.options]]
id = "b"
text.sv = "Väntar till i morgon"
text.en = "Wait until tomorrow"

[[quiz.questions.options]]
id = "c"
text.sv = "Köper en ny"
text.en = "Buy a new one"

[[quiz.questions]]
id = "password"
default = true
section = "responsibility"
scenario.sv = "En kollega ber om ditt lösenord. Vad stämmer?"
scenario.en = "A colleague asks for your password. What is true?"
explanation.sv = "Lösenordet är ditt eget. Det du gör i systemen loggas på dig."
explanation.en = "Your password is yours alone. What is done in the systems is logged as you."

[[quiz.questions.options]]
id = "a"
correct = true
text.sv = "Jag säger nej"
text.en = "I say no"

[[quiz.questions.options]]
id = "b"
correct = true
text.sv = "Det som görs loggas på mig"
text.en = "What is done is logged as me"

[[quiz.questions.options]]
id = "c"
text.sv = "Det går bra om kollegan är snabb"
text.en = "It is fine if the colleague is quick"
"#;

/// Vingåker's resolved pack with its bank replaced by `BANK` after `edit`.
fn with_bank(edit: impl Fn(String) -> String) -> Result<pack::Pack, Vec<String>> {
    #[derive(serde::Deserialize)]
    struct File {
        quiz: vaksam_core::bank::Bank,
    }
    let file: File = toml::from_str(&edit(BANK.to_owned())).map_err(|e| vec![e.to_string()])?;
    let mut p = shipped("vingaker");
    p.quiz = Some(file.quiz);
    p.validate("bank.toml")
        .map(|()| p)
        .map_err(|e| e.iter().map(ToString::to_string).collect())
}

fn refused(edit: impl Fn(String) -> String, path: &str, words: &str) {
    let errors = with_bank(edit).expect_err("the broken bank must be refused");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("bank.toml: {path}: ")) && e.contains(words)),
        "no error at {path} saying {words:?}: {errors:?}"
    );
}

#[test]
fn a_well_formed_bank_is_accepted_and_scored() {
    let p = with_bank(|b| b).unwrap();
    let bank = p.quiz.unwrap();
    assert_eq!(bank.questions.len(), 2);
    let q = bank.question("password").unwrap();
    assert!(q.is_multiple());
    assert!(q.is_right(&["b".to_owned(), "a".to_owned()]));
}

#[test]
fn every_question_needs_a_right_and_a_wrong_option() {
    refused(
        |b| {
            b.replacen(
                "correct = true\ntext.sv = \"Ringer IT\"",
                "text.sv = \"Ringer IT\"",
                1,
            )
        },
        "quiz.questions[0].options",
        "no option is marked",
    );
    refused(
        |b| {
            b.replace("id = \"c\"\ntext.sv", "id = \"c\"\ncorrect = true\ntext.sv")
                .replacen(
                    "id = \"b\"\ntext.sv",
                    "id = \"b\"\ncorrect = true\ntext.sv",
                    1,
                )
        },
        "quiz.questions[0].options",
        "at least one must be wrong",
    );
}

#[test]
fn three_or_four_options() {
    let two = |b: String| {
        let cut = b.find("[[quiz.questions.options]]\nid = \"c\"").unwrap();
        let end = b[cut..].find("\n\n").unwrap() + cut;
        format!("{}{}", &b[..cut], &b[end + 2..])
    };
    refused(two, "quiz.questions[0].options", "has 2 options");
}

#[test]
fn ids_sections_and_texts_are_checked() {
    refused(
        |b| b.replacen("id = \"password\"", "id = \"lost-phone\"", 1),
        "quiz.questions[1].id",
        "duplicate id",
    );
    refused(
        |b| b.replacen("id = \"b\"", "id = \"a\"", 1),
        "quiz.questions[0].options[1].id",
        "duplicate id",
    );
    refused(
        |b| b.replacen("section = \"incidents\"", "section = \"nowhere\"", 1),
        "quiz.questions[0].section",
        "\"nowhere\" is not a section",
    );
    refused(
        |b| {
            b.replacen(
                "explanation.en = \"Call IT so the phone can be blocked.\"",
                "explanation.en = \" \"",
                1,
            )
        },
        "quiz.questions[0].explanation.en",
        "is empty",
    );
}

mod results {
    use super::with_bank;
    use time::macros::datetime;
    use vaksam_core::quiz::{completion, Completion, QuizAnswer, QuizResult};

    fn result() -> QuizResult {
        QuizResult {
            kommunkod: "0428".parse().unwrap(),
            pack_version: "2026.11.3".into(),
            bank_version: "test-1".into(),
            started_at: datetime!(2026-11-23 09:00 UTC),
            finished_at: datetime!(2026-11-23 09:02 UTC),
            answers: vec![
                QuizAnswer {
                    question: "lost-phone".into(),
                    chosen: vec!["a".into()],
                    correct: true,
                    ms: 8_000,
                },
                QuizAnswer {
                    question: "password".into(),
                    chosen: vec!["a".into()],
                    correct: false,
                    ms: 12_000,
                },
            ],
            course_completed_at: None,
            sector: None,
        }
    }

    fn fields(r: &QuizResult) -> Vec<String> {
        let pack = with_bank(|b| b).unwrap();
        match r.validate(&pack, datetime!(2026-11-23 10:00 UTC)) {
            Ok(()) => vec![],
            Err(e) => e.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn a_result_is_checked_against_the_bank_it_names() {
        assert!(fields(&result()).is_empty());

        let mut claimed = result();
        claimed.answers[1].correct = true;
        assert_eq!(fields(&claimed), vec!["answers[1].correct"]);

        let mut unknown = result();
        unknown.answers[0].question = "nope".into();
        unknown.answers[1].chosen = vec!["z".into()];
        assert_eq!(
            fields(&unknown),
            vec!["answers[0].question", "answers[1].chosen"]
        );

        let mut other_bank = result();
        other_bank.bank_version = "old".into();
        assert_eq!(fields(&other_bank), vec!["bank_version"]);

        let mut future = result();
        future.course_completed_at = Some(datetime!(2026-11-24 09:00 UTC));
        future.started_at = datetime!(2026-11-23 09:05 UTC);
        assert_eq!(fields(&future), vec!["finished_at", "course_completed_at"]);
    }

    #[test]
    fn every_time_of_a_result_is_in_the_accepted_range() {
        let text = serde_json::to_value(result()).unwrap();
        for field in ["started_at", "finished_at", "course_completed_at"] {
            let mut sent = text.clone();
            sent[field] = serde_json::json!("9999-12-31T23:59:59-00:01");
            let errors = vaksam_core::validation::from_payload::<QuizResult>(&sent).unwrap_err();
            assert_eq!(errors[0].field, format!("payload.{field}"));
            assert!(errors[0].message.contains("outside the range"));
        }
        let mut sent = text.clone();
        sent["course_completed_at"] = serde_json::json!("2026-11-23t09:02:00z");
        let read: QuizResult = vaksam_core::validation::from_payload(&sent).unwrap();
        assert_eq!(
            read.course_completed_at,
            Some(datetime!(2026-11-23 09:02 UTC))
        );
    }

    #[test]
    fn completion_is_judged_against_the_interval() {
        let now = datetime!(2026-11-23 10:00 UTC);
        assert_eq!(completion(None, 12, now), Completion::NotCompleted);
        assert_eq!(
            completion(Some(datetime!(2026-01-10 10:00 UTC)), 12, now),
            Completion::Completed
        );
        assert_eq!(
            completion(Some(datetime!(2025-11-22 10:00 UTC)), 12, now),
            Completion::Overdue
        );
    }
}

#[test]
fn every_shipped_pack_has_a_bank_that_fits_every_sector() {
    use vaksam_core::classification::Sector;
    for name in ["vingaker", "tyreso", "overkalix", "lessebo", "mariestad"] {
        let p = shipped(name);
        let bank = p.quiz.as_ref().expect("a bank");
        let everyone = bank.questions_for(None).count();
        assert!(everyone >= 10, "{name}: {everyone} questions for everyone");
        assert!(
            bank.questions_for(None).filter(|q| q.basics).count() >= 3,
            "{name}: basics for everyone"
        );
        for sector in [Sector::HomeCare, Sector::School] {
            assert!(
                bank.questions_for(Some(sector)).count() > everyone,
                "{name}: {sector:?} has questions of its own"
            );
        }
        // A school employee is never asked a home-care-only question.
        assert!(bank
            .questions_for(Some(Sector::School))
            .all(|q| q.sectors.is_empty() || q.sectors.contains(&Sector::School)));
        assert!(
            bank.questions.iter().any(|q| q.is_multiple()),
            "{name}: multiple choice"
        );
        // The right answer does not always stand in the same place.
        let firsts = bank
            .questions
            .iter()
            .filter(|q| q.options[0].correct)
            .count();
        assert!(
            firsts < bank.questions.len() / 2,
            "{name}: {firsts} right answers first"
        );
        // A question's "read more" section exists; a cited question cites the document.
        for q in &bank.questions {
            if let Some(section) = &q.section {
                assert!(
                    p.policy.sections.iter().any(|s| &s.id == section),
                    "{name}: {}",
                    q.id
                );
            }
        }
        // Some questions are the municipality's own, cited to its document.
        assert!(
            bank.questions.iter().any(|q| !q.cite.is_empty()),
            "{name}: none of its own"
        );
    }
}

mod sessions {
    use time::macros::datetime;
    use time::Duration;
    use vaksam_core::pack;
    use vaksam_core::quiz::{CourseStatus, Progress, Session};

    fn lessebo() -> pack::Pack {
        super::shipped("lessebo")
    }

    fn right_options(p: &pack::Pack, id: &str) -> Vec<String> {
        let q = p.quiz.as_ref().unwrap().question(id).unwrap();
        q.options
            .iter()
            .filter(|o| o.correct)
            .map(|o| o.id.clone())
            .collect()
    }

    #[test]
    fn sessions_of_five_answered_right_complete_the_course_and_the_result_says_so() {
        use vaksam_core::classification::Sector;
        let p = lessebo();
        let bank = p.quiz.as_ref().unwrap();
        // The course is the questions for everyone plus the employee's sector's: a
        // school employee is never asked a home-care question.
        for sector in [None, Some(Sector::HomeCare), Some(Sector::School)] {
            let mut progress = Progress {
                sector,
                ..Progress::default()
            };
            let mut now = datetime!(2026-11-23 09:00 UTC);
            let mut results = Vec::new();
            while let Some(mut session) = Session::start(&p, &progress, false, now) {
                assert!(session.questions.len() <= 5);
                // A new employee is asked the basics first.
                if results.is_empty() {
                    let first = bank.question(&session.questions[0]).unwrap();
                    assert!(first.basics);
                }
                while let Some(id) = session.current().map(str::to_owned) {
                    assert!(
                        bank.question(&id).unwrap().asked_of(sector),
                        "{id} for {sector:?}"
                    );
                    assert_eq!(
                        session.answer(bank, right_options(&p, &id), 5_000),
                        Some(true)
                    );
                }
                assert!(session.is_finished());
                results.push(session.finish(&p, &mut progress, now).unwrap());
                now += Duration::minutes(10);
            }
            let course = bank.questions_for(sector).count();
            assert!(course < bank.questions.len(), "{sector:?}");
            assert_eq!(results.len(), course.div_ceil(5), "{sector:?}");
            assert!(results.iter().all(|r| r.sector == sector));
            let last = results.last().unwrap();
            assert!(last.course_completed_at.is_some());
            assert!(results[..results.len() - 1]
                .iter()
                .all(|r| r.course_completed_at.is_none()));
            assert!(matches!(
                progress.status(bank, 12, now),
                CourseStatus::Done { .. }
            ));
            // Nothing is due now, but practice is always possible.
            assert!(Session::start(&p, &progress, false, now).is_none());
            assert_eq!(
                Session::start(&p, &progress, true, now)
                    .unwrap()
                    .questions
                    .len(),
                5
            );
            // The server, replaying the same answers with the sector each result names,
            // proves the same completion.
            let proven = vaksam_core::quiz::proven_completion(&results, |_| Some(&p));
            assert_eq!(proven.map(|c| c.completed_at), last.course_completed_at);
            // Every result is one the server accepts.
            for r in &results {
                r.validate(&p, now).unwrap();
            }
        }
    }

    #[test]
    fn a_wrong_answer_is_kept_as_wrong_and_comes_back_first_the_next_day() {
        let p = lessebo();
        let bank = p.quiz.as_ref().unwrap();
        let mut progress = Progress::default();
        let now = datetime!(2026-11-23 09:00 UTC);
        let mut session = Session::start(&p, &progress, false, now).unwrap();
        let missed = session.current().unwrap().to_owned();
        assert_eq!(session.answer(bank, vec![], 3_000), Some(false));
        let result = session.finish(&p, &mut progress, now).unwrap();
        assert!(!result.answers[0].correct);
        let tomorrow = Session::start(&p, &progress, false, now + Duration::days(1)).unwrap();
        assert_eq!(tomorrow.questions[0], missed);
    }
}

/// The server's view of training: completion replayed from the stored answers.
mod replay {
    use time::macros::datetime;
    use time::{Duration, OffsetDateTime};
    use vaksam_core::pack::Pack;
    use vaksam_core::quiz::{
        proven_completion, Progress, ProvenCompletion, QuizAnswer, QuizResult, Session,
    };

    fn lessebo() -> Pack {
        super::shipped("lessebo")
    }

    fn chosen(p: &Pack, id: &str, right: bool) -> Vec<String> {
        let q = p.quiz.as_ref().unwrap().question(id).unwrap();
        q.options
            .iter()
            .filter(|o| o.correct == right)
            .take(if right { 4 } else { 1 })
            .map(|o| o.id.clone())
            .collect()
    }

    /// A result answering `ids` (right or not), finished at `at`, as a device could send it.
    fn result(p: &Pack, ids: &[&str], right: bool, at: OffsetDateTime) -> QuizResult {
        QuizResult {
            kommunkod: p.municipality.kommunkod.clone(),
            pack_version: p.version.clone(),
            bank_version: p.quiz.as_ref().unwrap().version.clone(),
            started_at: at - Duration::minutes(2),
            finished_at: at,
            answers: ids
                .iter()
                .map(|id| QuizAnswer {
                    question: (*id).to_owned(),
                    chosen: chosen(p, id, right),
                    correct: right,
                    ms: 5_000,
                })
                .collect(),
            course_completed_at: None,
            sector: None,
        }
    }

    fn all_ids(p: &Pack) -> Vec<&str> {
        p.quiz
            .as_ref()
            .unwrap()
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .collect()
    }

    fn replay(p: &Pack, results: &[QuizResult]) -> Option<ProvenCompletion> {
        proven_completion(results, |r| (r.pack_version == p.version).then_some(p))
    }

    #[test]
    fn honest_sessions_prove_the_completion_the_phone_saw() {
        let p = lessebo();
        let bank = p.quiz.as_ref().unwrap();
        let mut progress = Progress::default();
        let mut now = datetime!(2026-11-23 09:00 UTC);
        let mut results = Vec::new();
        // Every third answer wrong; the phone asks those again the next day.
        let mut n = 0;
        while let Some(mut session) = Session::start(&p, &progress, false, now) {
            while let Some(id) = session.current().map(str::to_owned) {
                n += 1;
                session.answer(bank, chosen(&p, &id, n % 3 != 0), 4_000);
            }
            results.push(session.finish(&p, &mut progress, now).unwrap());
            now += Duration::days(1);
        }
        let claimed = results.iter().rev().find_map(|r| r.course_completed_at);
        assert!(claimed.is_some(), "the phone completed the course");
        assert_eq!(
            replay(&p, &results),
            Some(ProvenCompletion {
                completed_at: claimed.unwrap(),
                bank_version: bank.version.clone(),
            })
        );
        assert_eq!(progress.completed_at, claimed);
    }

    #[test]
    fn the_reviews_forgeries_prove_nothing() {
        let p = lessebo();
        let at = datetime!(2026-11-23 09:00 UTC);
        let claim = |mut r: QuizResult, when: OffsetDateTime| {
            r.course_completed_at = Some(when);
            r
        };
        // One right answer with a claim; one wrong answer with a claim; a claim dated a
        // day ahead.
        let one_right = claim(result(&p, &["lost-phone"], true, at), at);
        let one_wrong = claim(result(&p, &["lost-phone"], false, at), at);
        let ahead = claim(
            result(&p, &["lost-phone"], true, at),
            at + Duration::hours(23),
        );
        for forged in [&one_right, &one_wrong, &ahead] {
            assert_eq!(replay(&p, std::slice::from_ref(forged)), None);
        }
        assert_eq!(replay(&p, &[one_right, one_wrong, ahead]), None);

        // Every question but one answered right, many times over, is not the course.
        let ids = all_ids(&p);
        let most: Vec<QuizResult> = (0..10)
            .map(|i| claim(result(&p, &ids[1..], true, at + Duration::minutes(i)), at))
            .collect();
        assert_eq!(replay(&p, &most), None);
    }

    #[test]
    fn an_answer_counts_as_the_bank_scores_it_not_as_the_result_says() {
        let p = lessebo();
        let at = datetime!(2026-11-23 09:00 UTC);
        let ids = all_ids(&p);
        let mut lying = result(&p, &ids, false, at);
        for a in &mut lying.answers {
            a.correct = true;
        }
        assert_eq!(replay(&p, &[lying]), None);
        let honest = result(&p, &ids, true, at);
        assert_eq!(replay(&p, &[honest]).unwrap().completed_at, at);
    }

    #[test]
    fn results_are_replayed_in_the_order_they_were_finished() {
        let p = lessebo();
        let ids = all_ids(&p);
        let (first, second) = ids.split_at(ids.len() - 3);
        let early = datetime!(2026-11-20 09:00 UTC);
        let late = datetime!(2026-11-23 09:00 UTC);
        // The later session arrived first (another device synced sooner).
        let results = [
            result(&p, second, true, late),
            result(&p, first, true, early),
        ];
        assert_eq!(replay(&p, &results).unwrap().completed_at, late);
    }

    #[test]
    fn practice_before_the_round_opens_does_not_count_but_a_new_round_does() {
        let p = lessebo();
        assert_eq!(p.training.interval_months, 12);
        let ids = all_ids(&p);
        let first = datetime!(2026-01-15 09:00 UTC);
        let practice = datetime!(2026-07-15 09:00 UTC);
        let next_round = datetime!(2027-02-01 09:00 UTC);
        let mut results = vec![
            result(&p, &ids, true, first),
            result(&p, &ids, true, practice),
        ];
        assert_eq!(replay(&p, &results).unwrap().completed_at, first);
        // Due again on 2027-01-15; answering everything right after that completes again.
        results.push(result(&p, &ids[..5], true, next_round));
        assert_eq!(replay(&p, &results).unwrap().completed_at, first);
        results.push(result(&p, &ids[5..], true, next_round + Duration::hours(1)));
        assert_eq!(
            replay(&p, &results).unwrap().completed_at,
            next_round + Duration::hours(1)
        );
    }

    #[test]
    fn a_result_of_an_unknown_pack_or_another_bank_proves_nothing() {
        let p = lessebo();
        let at = datetime!(2026-11-23 09:00 UTC);
        let ids = all_ids(&p);
        let mut unknown = result(&p, &ids, true, at);
        unknown.pack_version = "1999.1".into();
        let mut other_bank = result(&p, &ids, true, at);
        other_bank.bank_version = "other".into();
        assert_eq!(replay(&p, &[unknown, other_bank]), None);
    }
}
