//! Pack validation of the quiz bank: each kind of broken question refused with its path.

use std::path::Path;
use vaksam_core::pack;

fn vingaker() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packs/vingaker.toml");
    std::fs::read_to_string(path).unwrap()
}

/// A bank of two questions on Vingåker's sections, to be broken by the tests.
const BANK: &str = r#"
[quiz]
version = "test-1"

[[quiz.questions]]
id = "lost-phone"
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

fn with_bank(edit: impl Fn(String) -> String) -> Result<pack::Pack, Vec<String>> {
    let bank = edit(BANK.to_owned());
    pack::from_toml("bank.toml", &format!("{}{bank}", vingaker()))
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
