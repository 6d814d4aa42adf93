//! Enrollment codes: short, one-time codes an employee types into the app on first run.
//!
//! Codes use Crockford's base-32 alphabet (no I, L, O, U) so that they survive being read
//! aloud or copied from paper; the user may type them in any case, with or without dashes.

/// Letters allowed in a code.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Number of symbols in a code: 12 × 5 bits = 60 bits.
pub const CODE_LEN: usize = 12;

/// Makes a code from random bytes (one symbol per byte), grouped as `XXXX-XXXX-XXXX`.
pub fn code_from_random(random: [u8; CODE_LEN]) -> String {
    let symbols: String = random
        .iter()
        .map(|b| ALPHABET[(b & 31) as usize] as char)
        .collect();
    group(&symbols)
}

/// The canonical form of what a user typed, or `None` if it cannot be a code.
/// Maps easily confused letters the way Crockford's scheme does (O→0, I/L→1).
pub fn normalize(input: &str) -> Option<String> {
    let mut symbols = String::with_capacity(CODE_LEN);
    for c in input.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\t' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        symbols.push(c);
    }
    (symbols.len() == CODE_LEN).then(|| group(&symbols))
}

fn group(symbols: &str) -> String {
    let mut out = String::with_capacity(CODE_LEN + 2);
    for (i, c) in symbols.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_code_is_grouped_and_normal() {
        let code = code_from_random([0, 1, 2, 3, 31, 30, 29, 28, 255, 64, 65, 10]);
        assert_eq!(code, "0123-ZYXW-Z01A");
        assert_eq!(normalize(&code).as_deref(), Some(code.as_str()));
    }

    #[test]
    fn typed_code_is_forgiving_about_case_spaces_and_lookalikes() {
        assert_eq!(
            normalize("o123 zyxw z0la").as_deref(),
            Some("0123-ZYXW-Z01A")
        );
    }

    #[test]
    fn wrong_length_or_symbols_is_not_a_code() {
        assert_eq!(normalize("0123-ZYXW-Z01"), None);
        assert_eq!(normalize("0123-ZYXW-Z01AB"), None);
        assert_eq!(normalize("0123-ZYXW-Z0UA"), None);
        assert_eq!(normalize("0123-ZYXW-Z0ÅA"), None);
    }
}
