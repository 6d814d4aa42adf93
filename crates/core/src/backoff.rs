//! Retry timing for the outbox: exponential backoff with jitter, capped, reset on success
//! or when the user taps "Skicka nu".

/// First retry delay after a failure, in milliseconds.
pub const BASE_DELAY_MS: u64 = 2_000;
/// No retry waits longer than this (five minutes), however long the server has failed.
pub const MAX_DELAY_MS: u64 = 5 * 60 * 1_000;

/// Delay before retry number `failures` (1 = after the first failure).
///
/// `jitter` in `[0, 1)` spreads retries of many phones so they do not hit a recovering
/// server at the same moment: the delay is drawn from the upper half of the window.
pub fn retry_delay_ms(failures: u32, jitter: f64) -> u64 {
    if failures == 0 {
        return 0;
    }
    let exp = failures.saturating_sub(1).min(20);
    let window = BASE_DELAY_MS.saturating_mul(1u64 << exp).min(MAX_DELAY_MS);
    let jitter = jitter.clamp(0.0, 1.0);
    let half = window / 2;
    half + (half as f64 * jitter) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_failures_means_no_wait() {
        assert_eq!(retry_delay_ms(0, 0.5), 0);
    }

    #[test]
    fn delay_doubles_then_stops_at_five_minutes() {
        assert_eq!(retry_delay_ms(1, 1.0), 2_000);
        assert_eq!(retry_delay_ms(2, 1.0), 4_000);
        assert_eq!(retry_delay_ms(3, 1.0), 8_000);
        assert_eq!(retry_delay_ms(30, 1.0), MAX_DELAY_MS);
        assert_eq!(retry_delay_ms(u32::MAX, 1.0), MAX_DELAY_MS);
    }

    #[test]
    fn jitter_keeps_delay_in_upper_half_of_window() {
        for j in [0.0, 0.3, 0.99] {
            let d = retry_delay_ms(4, j);
            assert!((8_000..=16_000).contains(&d), "{d}");
        }
        assert_eq!(retry_delay_ms(4, 0.0), 8_000);
    }
}
