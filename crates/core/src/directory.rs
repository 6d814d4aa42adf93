//! The staff directory: reading an import file (CSV from the HR system) and working out,
//! before anything is stored, what it would add, change and leave.
//!
//! Rules:
//! - A row is an employee: a name and at least one key, the e-mail address or the employee
//!   id (anställningsnummer). A row matches an employee in the directory by employee id
//!   first, then by e-mail.
//! - A column the file does not have, or an empty cell, leaves that value as it is: a file
//!   with only names and e-mail addresses never wipes the workplaces.
//! - The manager column names the row's workplace's manager by e-mail. A workplace named
//!   with managers in the file gets exactly those managers; one named without any keeps
//!   its own.
//! - Employees in the directory that the file does not name are listed, never removed by
//!   the plan itself (removing them is a separate, explicit choice).
//! - A row that matches no current employee but a removed one (by employee id, then
//!   e-mail) brings that employee back: the same row, so their signatures and training
//!   still count.
//! - Importing the same file twice: the second plan changes nothing.

use std::collections::{BTreeMap, BTreeSet};
use time::Date;

/// Longest name of an employee or a workplace, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest e-mail address (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// Longest employee id.
pub const MAX_NUMBER_CHARS: usize = 64;
/// Most rows one import may hold (a large municipality has about 20 000 employees).
pub const MAX_ROWS: usize = 50_000;

/// A name or address folded for matching: trimmed, inner whitespace as single spaces,
/// lower case (all of Unicode, so "Hemtjänst ÖST" and "hemtjänst öst" are one workplace).
pub fn fold(text: &str) -> String {
    tidy(text).to_lowercase()
}

/// Trimmed, with inner whitespace as single spaces.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A key that sorts names as a Swedish list does: case-insensitive, Å Ä Ö after Z (in that
/// order), é and ü with e and u. Ties keep their order (sort stably).
pub fn swedish_order(text: &str) -> String {
    tidy(text)
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' => '{',
            'ä' | 'æ' => '|',
            'ö' | 'ø' => '}',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' => 'u',
            'á' | 'à' => 'a',
            c => c,
        })
        .collect()
}

/// Whether `email` (folded) looks like an address: one `@`, something before it, a domain
/// with a dot after it, no spaces or control characters.
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && email.chars().count() <= MAX_EMAIL_CHARS
}

/// The columns an import file may have. Headers are matched folded, in Swedish or English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// The employee's name.
    Name,
    /// E-mail address.
    Email,
    /// Employee id (anställningsnummer).
    EmployeeNumber,
    /// Workplace (enhet).
    Workplace,
    /// The workplace's manager, by e-mail.
    Manager,
    /// First day of employment, YYYY-MM-DD.
    StartedOn,
}

impl Column {
    /// Every column, in the order the console lists them.
    pub const ALL: [Column; 6] = [
        Column::Name,
        Column::Email,
        Column::EmployeeNumber,
        Column::Workplace,
        Column::Manager,
        Column::StartedOn,
    ];

    /// The header names that mean this column (folded).
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Column::Name => &["namn", "name", "för- och efternamn", "fullständigt namn"],
            Column::Email => &[
                "e-post",
                "epost",
                "e-postadress",
                "mejl",
                "email",
                "e-mail",
                "mail",
            ],
            Column::EmployeeNumber => &[
                "anställningsnummer",
                "anst.nr",
                "anstnr",
                "anställnings-id",
                "personalnummer",
                "employee id",
                "employee_id",
                "employee number",
            ],
            Column::Workplace => &["arbetsplats", "enhet", "workplace", "unit"],
            Column::Manager => &[
                "chef",
                "chefens e-post",
                "manager",
                "manager email",
                "manager_email",
            ],
            Column::StartedOn => &[
                "startdatum",
                "anställd från",
                "anställningsdatum",
                "start date",
                "start_date",
                "started_on",
            ],
        }
    }

    /// The first header name, Swedish, as the console shows it in errors.
    pub fn swedish(self) -> &'static str {
        self.headers()[0]
    }

    fn of_header(header: &str) -> Option<Column> {
        let h = fold(header);
        Column::ALL
            .into_iter()
            .find(|c| c.headers().contains(&h.as_str()))
    }
}

/// What is wrong with a file or one of its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file is empty or has only a header.
    Empty,
    /// The header lacks the name column, or has neither e-mail nor employee id.
    MissingColumn(Column),
    /// The header names a column twice.
    DuplicateColumn(Column),
    /// A quoted cell runs to the end of the file.
    UnclosedQuote,
    /// More rows than [`MAX_ROWS`].
    TooManyRows,
    /// A required cell is empty.
    Required(Column),
    /// A cell is longer than its column allows.
    TooLong(Column),
    /// The e-mail or manager cell is not an e-mail address.
    NotAnEmail(Column, String),
    /// The start date is not a date written YYYY-MM-DD.
    NotADate(String),
    /// The row has neither e-mail nor employee id.
    NoKey,
    /// Another row of the file already names this employee (its line number).
    SameAsLine(usize),
    /// The row's employee id and e-mail belong to two different employees.
    TwoEmployees,
}

/// A problem, where it is: line 1 is the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file (1-based; a row with a line break in a quoted cell starts on it).
    pub line: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// One employee as the directory holds them, or as an import row would set them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Person {
    /// Name, tidied.
    pub name: String,
    /// E-mail, folded.
    pub email: Option<String>,
    /// Employee id, trimmed.
    pub employee_number: Option<String>,
    /// Workplace name, tidied (its identity is the folded name).
    pub workplace: Option<String>,
    /// First day of employment.
    pub started_on: Option<Date>,
}

/// A valid row of an import file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// Where it starts in the file.
    pub line: usize,
    /// What it says (`None` fields: the column is missing or the cell empty).
    pub person: Person,
    /// The workplace's manager, folded e-mail.
    pub manager: Option<String>,
}

/// A read import file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportFile {
    /// The columns it has.
    pub columns: BTreeSet<Column>,
    /// Its rows, in order.
    pub rows: Vec<ImportRow>,
}

/// Splits CSV text into records of cells, each with the line it starts on. Cells may be
/// quoted (`"a ""b"""`, with separators and line breaks inside). The separator is the one of
/// `;`, `,` and tab that the first line uses most (Swedish spreadsheets write `;`).
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, RowError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("");
    let separator = [';', ',', '\t']
        .into_iter()
        .max_by_key(|s| first_line.matches(*s).count())
        .unwrap_or(';');
    let mut out = Vec::new();
    let mut line = 1;
    let mut chars = text.chars().peekable();
    while chars.peek().is_some() {
        let start = line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        loop {
            let Some(c) = chars.next() else {
                if quoted {
                    return Err(RowError {
                        line: start,
                        problem: Problem::UnclosedQuote,
                    });
                }
                break;
            };
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    '"' => quoted = false,
                    '\n' => {
                        line += 1;
                        cell.push('\n');
                    }
                    c => cell.push(c),
                }
            } else if c == '"' && cell.trim().is_empty() {
                cell.clear();
                quoted = true;
            } else if c == separator {
                cells.push(std::mem::take(&mut cell));
            } else if c == '\n' {
                line += 1;
                break;
            } else if c != '\r' {
                cell.push(c);
            }
        }
        cells.push(cell);
        if cells.iter().any(|c| !c.trim().is_empty()) {
            out.push((start, cells));
        }
    }
    Ok(out)
}

/// Reads an import file: every row's problems, or the rows. All problems of the file are
/// reported at once, in line order.
pub fn read(text: &str) -> Result<ImportFile, Vec<RowError>> {
    let records = records(text).map_err(|e| vec![e])?;
    let mut iter = records.into_iter();
    let Some((_, header)) = iter.next() else {
        return Err(vec![RowError {
            line: 1,
            problem: Problem::Empty,
        }]);
    };
    let mut errors = Vec::new();
    let mut index: BTreeMap<Column, usize> = BTreeMap::new();
    for (i, h) in header.iter().enumerate() {
        if let Some(c) = Column::of_header(h) {
            if index.insert(c, i).is_some() {
                errors.push(RowError {
                    line: 1,
                    problem: Problem::DuplicateColumn(c),
                });
            }
        }
    }
    if !index.contains_key(&Column::Name) {
        errors.push(RowError {
            line: 1,
            problem: Problem::MissingColumn(Column::Name),
        });
    }
    if !index.contains_key(&Column::Email) && !index.contains_key(&Column::EmployeeNumber) {
        errors.push(RowError {
            line: 1,
            problem: Problem::MissingColumn(Column::Email),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let body: Vec<_> = iter.collect();
    if body.is_empty() {
        return Err(vec![RowError {
            line: 1,
            problem: Problem::Empty,
        }]);
    }
    if body.len() > MAX_ROWS {
        return Err(vec![RowError {
            line: body[MAX_ROWS].0,
            problem: Problem::TooManyRows,
        }]);
    }
    let mut rows = Vec::with_capacity(body.len());
    let mut seen_email: BTreeMap<String, usize> = BTreeMap::new();
    let mut seen_number: BTreeMap<String, usize> = BTreeMap::new();
    for (line, cells) in body {
        let cell = |c: Column| -> Option<String> {
            index
                .get(&c)
                .and_then(|i| cells.get(*i))
                .map(|s| tidy(s))
                .filter(|s| !s.is_empty())
        };
        let mut problem = |p: Problem| errors.push(RowError { line, problem: p });
        let name = cell(Column::Name);
        match &name {
            None => problem(Problem::Required(Column::Name)),
            Some(n) if n.chars().count() > MAX_NAME_CHARS => {
                problem(Problem::TooLong(Column::Name))
            }
            Some(_) => {}
        }
        let email = cell(Column::Email).map(|e| e.to_lowercase());
        if let Some(e) = &email {
            if !is_email(e) {
                problem(Problem::NotAnEmail(Column::Email, e.clone()));
            }
        }
        let number = cell(Column::EmployeeNumber);
        if number
            .as_ref()
            .is_some_and(|n| n.chars().count() > MAX_NUMBER_CHARS)
        {
            problem(Problem::TooLong(Column::EmployeeNumber));
        }
        if email.is_none() && number.is_none() {
            problem(Problem::NoKey);
        }
        let workplace = cell(Column::Workplace);
        if workplace
            .as_ref()
            .is_some_and(|w| w.chars().count() > MAX_NAME_CHARS)
        {
            problem(Problem::TooLong(Column::Workplace));
        }
        let manager = cell(Column::Manager).map(|m| m.to_lowercase());
        if let Some(m) = &manager {
            if !is_email(m) {
                problem(Problem::NotAnEmail(Column::Manager, m.clone()));
            }
        }
        let started_on = cell(Column::StartedOn).and_then(|d| match parse_date(&d) {
            Some(date) => Some(date),
            None => {
                problem(Problem::NotADate(d));
                None
            }
        });
        let mut same = None;
        if let Some(n) = &number {
            same = same.or(seen_number.insert(n.clone(), line));
        }
        if let Some(e) = &email {
            same = same.or(seen_email.insert(e.clone(), line));
        }
        if let Some(first) = same {
            problem(Problem::SameAsLine(first));
        }
        rows.push(ImportRow {
            line,
            person: Person {
                name: name.unwrap_or_default(),
                email,
                employee_number: number,
                workplace,
                started_on,
            },
            manager,
        });
    }
    if errors.is_empty() {
        Ok(ImportFile {
            columns: index.into_keys().collect(),
            rows,
        })
    } else {
        Err(errors)
    }
}

/// A date written YYYY-MM-DD.
pub fn parse_date(text: &str) -> Option<Date> {
    crate::timestamp::read_date_text(text.trim())
}

/// An employee in the directory, for planning an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    /// Their id in storage.
    pub id: String,
    /// What the directory holds.
    pub person: Person,
    /// Removed (offboarded): matched only by a row that matches no current employee.
    pub removed: bool,
}

/// What an import would do to one employee already in the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// The row's line.
    pub line: usize,
    /// The employee's id.
    pub id: String,
    /// As they are now.
    pub before: Person,
    /// As they would be.
    pub after: Person,
}

impl Changed {
    /// The fields that differ.
    pub fn fields(&self) -> Vec<Column> {
        let (b, a) = (&self.before, &self.after);
        let mut out = Vec::new();
        if b.name != a.name {
            out.push(Column::Name);
        }
        if b.email != a.email {
            out.push(Column::Email);
        }
        if b.employee_number != a.employee_number {
            out.push(Column::EmployeeNumber);
        }
        if b.workplace.as_deref().map(fold) != a.workplace.as_deref().map(fold) {
            out.push(Column::Workplace);
        }
        if b.started_on != a.started_on {
            out.push(Column::StartedOn);
        }
        out
    }
}

/// A workplace whose managers an import would set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagersChanged {
    /// The workplace's name.
    pub workplace: String,
    /// Managers it gains (folded e-mail).
    pub added: BTreeSet<String>,
    /// Managers it loses.
    pub removed: BTreeSet<String>,
}

/// What importing a file would do, worked out against the directory as it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// New employees, with the line that adds them.
    pub added: Vec<(usize, Person)>,
    /// Employees the file changes.
    pub changed: Vec<Changed>,
    /// Removed employees the file brings back (with what it changes).
    pub returning: Vec<Changed>,
    /// How many rows match an employee exactly as the directory holds them.
    pub unchanged: usize,
    /// Employees with a key (e-mail or employee id) that the file does not name: they stay
    /// unless removing them is chosen.
    pub not_in_file: Vec<Existing>,
    /// Workplaces the file names that do not exist yet (names as written, first spelling).
    pub new_workplaces: Vec<String>,
    /// Workplaces whose managers change.
    pub managers: Vec<ManagersChanged>,
    /// Rows that cannot be applied (a row whose keys match two different employees).
    pub errors: Vec<RowError>,
}

impl Plan {
    /// Whether applying it changes nothing (removing those not in the file aside).
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.returning.is_empty()
            && self.new_workplaces.is_empty()
            && self.managers.is_empty()
    }
}

/// Plans an import of `file` into a directory holding `existing` employees (current and
/// removed ones, the most recently removed last) and `workplaces` (name → its managers,
/// folded e-mail).
pub fn plan(
    file: &ImportFile,
    existing: &[Existing],
    workplaces: &BTreeMap<String, BTreeSet<String>>,
) -> Plan {
    let index = |removed: bool, key: fn(&Person) -> Option<&str>| -> BTreeMap<&str, usize> {
        existing
            .iter()
            .enumerate()
            .filter(|(_, e)| e.removed == removed)
            .filter_map(|(i, e)| key(&e.person).map(|k| (k, i)))
            .collect()
    };
    let by_number = index(false, |p| p.employee_number.as_deref());
    let by_email = index(false, |p| p.email.as_deref());
    let gone_by_number = index(true, |p| p.employee_number.as_deref());
    let gone_by_email = index(true, |p| p.email.as_deref());
    let known_workplaces: BTreeMap<String, &String> =
        workplaces.keys().map(|name| (fold(name), name)).collect();

    let mut plan = Plan::default();
    // Existing employee → the line that matched them: a second row matching the same one
    // (by the other key) is an error, not a silent overwrite.
    let mut named: BTreeMap<usize, usize> = BTreeMap::new();
    let mut new_workplaces: BTreeMap<String, String> = BTreeMap::new();
    let mut file_managers: BTreeMap<String, (String, BTreeSet<String>)> = BTreeMap::new();
    for row in &file.rows {
        let p = &row.person;
        let on_number = p
            .employee_number
            .as_deref()
            .and_then(|n| by_number.get(n).copied());
        let on_email = p.email.as_deref().and_then(|m| by_email.get(m).copied());
        let matched = match (on_number, on_email) {
            (Some(a), Some(b)) if a != b => {
                plan.errors.push(RowError {
                    line: row.line,
                    problem: Problem::TwoEmployees,
                });
                continue;
            }
            (a, b) => a.or(b),
        };
        // No current employee: perhaps one who was removed and comes back.
        let matched = matched.or_else(|| {
            p.employee_number
                .as_deref()
                .and_then(|n| gone_by_number.get(n).copied())
                .or_else(|| {
                    p.email
                        .as_deref()
                        .and_then(|m| gone_by_email.get(m).copied())
                })
        });
        if let Some(w) = &p.workplace {
            let key = fold(w);
            if !known_workplaces.contains_key(&key) {
                new_workplaces
                    .entry(key.clone())
                    .or_insert_with(|| w.clone());
            }
            if let Some(m) = &row.manager {
                file_managers
                    .entry(key)
                    .or_insert_with(|| (w.clone(), BTreeSet::new()))
                    .1
                    .insert(m.clone());
            }
        }
        match matched {
            None => plan.added.push((row.line, p.clone())),
            Some(i) => {
                if let Some(first) = named.insert(i, row.line) {
                    named.insert(i, first);
                    plan.errors.push(RowError {
                        line: row.line,
                        problem: Problem::SameAsLine(first),
                    });
                    continue;
                }
                let before = &existing[i].person;
                let after = merged(before, p, &known_workplaces);
                if existing[i].removed {
                    plan.returning.push(Changed {
                        line: row.line,
                        id: existing[i].id.clone(),
                        before: before.clone(),
                        after,
                    });
                } else if &after == before {
                    plan.unchanged += 1;
                } else {
                    plan.changed.push(Changed {
                        line: row.line,
                        id: existing[i].id.clone(),
                        before: before.clone(),
                        after,
                    });
                }
            }
        }
    }
    plan.not_in_file = existing
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            !e.removed
                && !named.contains_key(i)
                && (e.person.email.is_some() || e.person.employee_number.is_some())
        })
        .map(|(_, e)| e.clone())
        .collect();
    plan.new_workplaces = new_workplaces.into_values().collect();
    let current: BTreeMap<String, &BTreeSet<String>> =
        workplaces.iter().map(|(n, m)| (fold(n), m)).collect();
    let none = BTreeSet::new();
    for (key, (name, wanted)) in file_managers {
        let have = current.get(&key).copied().unwrap_or(&none);
        let added: BTreeSet<String> = wanted.difference(have).cloned().collect();
        let removed: BTreeSet<String> = have.difference(&wanted).cloned().collect();
        if !added.is_empty() || !removed.is_empty() {
            let workplace = known_workplaces
                .get(&key)
                .map(|n| (*n).clone())
                .unwrap_or(name);
            plan.managers.push(ManagersChanged {
                workplace,
                added,
                removed,
            });
        }
    }
    plan
}

/// `before` with what the row sets; an empty cell leaves the value. A workplace the
/// directory knows keeps the directory's spelling, so a difference of case is no change.
fn merged(before: &Person, row: &Person, known: &BTreeMap<String, &String>) -> Person {
    let workplace = row.workplace.as_ref().map(|w| {
        known
            .get(&fold(w))
            .map(|n| (*n).clone())
            .unwrap_or_else(|| w.clone())
    });
    Person {
        name: if row.name.is_empty() {
            before.name.clone()
        } else {
            row.name.clone()
        },
        email: row.email.clone().or_else(|| before.email.clone()),
        employee_number: row
            .employee_number
            .clone()
            .or_else(|| before.employee_number.clone()),
        workplace: workplace.or_else(|| before.workplace.clone()),
        started_on: row.started_on.or(before.started_on),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const FILE: &str = "\u{feff}Namn;E-post;Anställningsnummer;Enhet;Chef\r\n\
        Anna Andersson;Anna.Andersson@Kommun.se;1001;Hemtjänst Norr;chef.norr@kommun.se\r\n\
        \"Berg, Björn\";bjorn.berg@kommun.se;;Hemtjänst Norr;\r\n\
        Cecilia Ceder;;1003;Skola Väst;rektor@kommun.se\r\n";

    fn workplaces(list: &[(&str, &[&str])]) -> BTreeMap<String, BTreeSet<String>> {
        list.iter()
            .map(|(n, m)| (n.to_string(), m.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    fn existing_after(file: &ImportFile) -> Vec<Existing> {
        file.rows
            .iter()
            .enumerate()
            .map(|(i, r)| Existing {
                id: format!("e{i}"),
                person: r.person.clone(),
                removed: false,
            })
            .collect()
    }

    #[test]
    fn reads_semicolons_quotes_bom_and_crlf() {
        let file = read(FILE).unwrap();
        assert_eq!(file.rows.len(), 3);
        assert_eq!(file.rows[0].line, 2);
        assert_eq!(
            file.rows[0].person.email.as_deref(),
            Some("anna.andersson@kommun.se")
        );
        assert_eq!(file.rows[1].person.name, "Berg, Björn");
        assert_eq!(file.rows[1].person.employee_number, None);
        assert_eq!(file.rows[2].manager.as_deref(), Some("rektor@kommun.se"));
        assert!(!file.columns.contains(&Column::StartedOn));
    }

    #[test]
    fn a_quoted_line_break_keeps_later_line_numbers_true() {
        let text = "name,email\n\"Anna\nAndersson\",anna@k.se\nBo,not-an-address\n";
        let errors = read(text).unwrap_err();
        assert_eq!(
            errors,
            vec![RowError {
                line: 4,
                problem: Problem::NotAnEmail(Column::Email, "not-an-address".into())
            }]
        );
    }

    #[test]
    fn every_row_problem_is_reported_with_its_line() {
        let text = "Namn,E-post,Anställningsnummer,Startdatum,Chef\n\
            ,a@k.se,,,\n\
            Bo,,,,\n\
            Cia,c@k.se,,2026-13-01,\n\
            Dan,a@k.se,,,Dans chef\n";
        let errors = read(text).unwrap_err();
        assert_eq!(
            errors,
            vec![
                RowError {
                    line: 2,
                    problem: Problem::Required(Column::Name)
                },
                RowError {
                    line: 3,
                    problem: Problem::NoKey
                },
                RowError {
                    line: 4,
                    problem: Problem::NotADate("2026-13-01".into())
                },
                RowError {
                    line: 5,
                    problem: Problem::NotAnEmail(Column::Manager, "dans chef".into())
                },
                RowError {
                    line: 5,
                    problem: Problem::SameAsLine(2)
                },
            ]
        );
    }

    #[test]
    fn a_header_without_name_or_keys_is_refused() {
        assert_eq!(
            read("Arbetsplats;Chef\nX;y@k.se\n").unwrap_err(),
            vec![
                RowError {
                    line: 1,
                    problem: Problem::MissingColumn(Column::Name)
                },
                RowError {
                    line: 1,
                    problem: Problem::MissingColumn(Column::Email)
                }
            ]
        );
        assert_eq!(
            read("Namn;E-post\n").unwrap_err()[0].problem,
            Problem::Empty
        );
        assert_eq!(
            read("Namn;E-post\n\"Anna;a@k.se\n").unwrap_err()[0],
            RowError {
                line: 2,
                problem: Problem::UnclosedQuote
            }
        );
    }

    #[test]
    fn first_import_adds_everyone_and_their_workplaces() {
        let file = read(FILE).unwrap();
        let plan = plan(&file, &[], &BTreeMap::new());
        assert_eq!(plan.added.len(), 3);
        assert_eq!(plan.new_workplaces, vec!["Hemtjänst Norr", "Skola Väst"]);
        assert_eq!(plan.managers.len(), 2);
        assert!(plan.errors.is_empty());
    }

    #[test]
    fn importing_the_same_file_twice_changes_nothing() {
        let file = read(FILE).unwrap();
        let existing = existing_after(&file);
        let wp = workplaces(&[
            ("Hemtjänst Norr", &["chef.norr@kommun.se"]),
            ("Skola Väst", &["rektor@kommun.se"]),
        ]);
        let again = plan(&file, &existing, &wp);
        assert!(again.is_empty(), "{again:?}");
        assert_eq!(again.unchanged, 3);
        assert!(again.not_in_file.is_empty());
    }

    #[test]
    fn matches_by_employee_id_first_then_email_and_lists_changes() {
        let existing = vec![
            Existing {
                id: "a".into(),
                person: Person {
                    name: "Anna Andersson".into(),
                    email: Some("anna.old@kommun.se".into()),
                    employee_number: Some("1001".into()),
                    workplace: Some("hemtjänst norr".into()),
                    started_on: None,
                },
                removed: false,
            },
            Existing {
                id: "d".into(),
                person: Person {
                    name: "David Dahl".into(),
                    email: Some("david@kommun.se".into()),
                    ..Person::default()
                },
                removed: false,
            },
            Existing {
                id: "sub".into(),
                person: Person {
                    name: "Vikarie utan konto".into(),
                    ..Person::default()
                },
                removed: false,
            },
        ];
        let wp = workplaces(&[("hemtjänst norr", &[])]);
        let plan = plan(&read(FILE).unwrap(), &existing, &wp);
        assert_eq!(plan.changed.len(), 1);
        let anna = &plan.changed[0];
        assert_eq!(anna.id, "a");
        // Only the e-mail changed: the workplace differs in case only, and keeps the
        // directory's spelling.
        assert_eq!(anna.fields(), vec![Column::Email]);
        assert_eq!(anna.after.workplace.as_deref(), Some("hemtjänst norr"));
        assert_eq!(plan.added.len(), 2);
        assert_eq!(plan.new_workplaces, vec!["Skola Väst"]);
        // David has a key and is not in the file; the substitute without any key is not
        // the file's business.
        assert_eq!(plan.not_in_file.len(), 1);
        assert_eq!(plan.not_in_file[0].id, "d");
        assert_eq!(
            plan.managers[0],
            ManagersChanged {
                workplace: "hemtjänst norr".into(),
                added: ["chef.norr@kommun.se".to_string()].into(),
                removed: BTreeSet::new(),
            }
        );
    }

    #[test]
    fn empty_cells_and_missing_columns_leave_values() {
        let existing = vec![Existing {
            id: "a".into(),
            person: Person {
                name: "Anna".into(),
                email: Some("a@k.se".into()),
                employee_number: Some("1".into()),
                workplace: Some("Skola".into()),
                started_on: Some(date!(2026 - 08 - 01)),
            },
            removed: false,
        }];
        let file = read("Namn,E-post,Enhet\nAnna,a@k.se,\n").unwrap();
        let plan = plan(&file, &existing, &workplaces(&[("Skola", &[])]));
        assert!(plan.is_empty(), "{plan:?}");
    }

    #[test]
    fn named_managers_replace_a_workplaces_managers() {
        let file = read("Namn,E-post,Enhet,Chef\nAnna,a@k.se,Skola,ny@k.se\n").unwrap();
        let existing = existing_after(&file);
        let plan = plan(
            &file,
            &existing,
            &workplaces(&[("Skola", &["gammal@k.se"])]),
        );
        assert_eq!(
            plan.managers,
            vec![ManagersChanged {
                workplace: "Skola".into(),
                added: ["ny@k.se".to_string()].into(),
                removed: ["gammal@k.se".to_string()].into(),
            }]
        );
    }

    #[test]
    fn keys_of_two_different_employees_are_an_error_not_a_guess() {
        let existing = vec![
            Existing {
                id: "a".into(),
                person: Person {
                    name: "A".into(),
                    employee_number: Some("1".into()),
                    ..Person::default()
                },
                removed: false,
            },
            Existing {
                id: "b".into(),
                person: Person {
                    name: "B".into(),
                    email: Some("b@k.se".into()),
                    ..Person::default()
                },
                removed: false,
            },
        ];
        let file = read("Namn,E-post,Anställningsnummer\nA,b@k.se,1\n").unwrap();
        let plan = plan(&file, &existing, &BTreeMap::new());
        assert_eq!(
            plan.errors,
            vec![RowError {
                line: 2,
                problem: Problem::TwoEmployees
            }]
        );
        assert!(plan.changed.is_empty() && plan.added.is_empty());
    }

    #[test]
    fn two_rows_matching_one_employee_by_different_keys_are_an_error() {
        let existing = vec![Existing {
            id: "x".into(),
            person: Person {
                name: "X".into(),
                email: Some("anna@k.se".into()),
                employee_number: Some("1001".into()),
                ..Person::default()
            },
            removed: false,
        }];
        let file =
            read("Namn,E-post,Anställningsnummer\nA,anna.a@k.se,1001\nB,anna@k.se,2002\n").unwrap();
        let plan = plan(&file, &existing, &BTreeMap::new());
        assert_eq!(
            plan.errors,
            vec![RowError {
                line: 3,
                problem: Problem::SameAsLine(2)
            }]
        );
    }

    #[test]
    fn swedish_lists_put_a_ring_a_umlaut_o_umlaut_last() {
        let mut names = vec!["Örjan", "Åsa", "Zelda", "Ärla", "anna", "Émile", "Bo"];
        names.sort_by_key(|n| swedish_order(n));
        assert_eq!(
            names,
            vec!["anna", "Bo", "Émile", "Zelda", "Åsa", "Ärla", "Örjan"]
        );
    }

    #[test]
    fn a_removed_employee_in_the_file_comes_back_as_the_same_employee() {
        let existing = vec![
            Existing {
                id: "old".into(),
                person: Person {
                    name: "Vera Vikarie".into(),
                    email: Some("vera@k.se".into()),
                    ..Person::default()
                },
                removed: true,
            },
            Existing {
                id: "cur".into(),
                person: Person {
                    name: "Bo".into(),
                    email: Some("bo@k.se".into()),
                    ..Person::default()
                },
                removed: false,
            },
        ];
        let file = read("Namn,E-post,Enhet\nVera Vikarie,vera@k.se,Skola\nBo,bo@k.se,\n").unwrap();
        let plan = plan(&file, &existing, &BTreeMap::new());
        assert_eq!(plan.returning.len(), 1);
        assert_eq!(plan.returning[0].id, "old");
        assert_eq!(plan.returning[0].after.workplace.as_deref(), Some("Skola"));
        assert!(plan.added.is_empty());
        assert_eq!(plan.unchanged, 1);
        assert!(!plan.is_empty());
        // Not in a file: a removed employee is never listed as missing.
        let only_bo = read("Namn,E-post\nBo,bo@k.se\n").unwrap();
        assert!(super::plan(&only_bo, &existing, &BTreeMap::new())
            .not_in_file
            .is_empty());
    }

    #[test]
    fn email_check() {
        assert!(is_email("a.b@kommun.se"));
        for bad in [
            "a", "@k.se", "a@k", "a@@k.se", "a b@k.se", "a@.se", "a@k.se.",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
