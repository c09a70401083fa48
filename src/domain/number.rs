//! Decimal numbers as a clinic writes them in its configuration ("38.0", "2", "1.25", "-3",
//! "1e1"), read and written without the standard library's float parsing and formatting or
//! serde_json's: those are the largest pieces of code the first open would otherwise carry
//! for a handful of thresholds.
//!
//! Reading takes the JSON number grammar with at most 15 significant digits, the range where
//! one division of two exactly represented values gives the correctly rounded double
//! (Clinger's fast path): every threshold a clinic writes fits, and the result is the same as
//! `str::parse::<f64>` (property-tested).

/// The most significant digits a number may have: 10^15 < 2^53, so the digits are exact.
const MAX_DIGITS: usize = 15;
/// Powers of ten exactly representable as f64.
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads a number written in JSON's grammar (surrounding spaces allowed); `None` for anything
/// else, and for a number with more than 15 significant digits or beyond 10^22 either way.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let s = text.trim().as_bytes();
    let (negative, s) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    let int_len = s.iter().take_while(|b| b.is_ascii_digit()).count();
    if int_len == 0 || (int_len > 1 && s[0] == b'0') {
        return None;
    }
    let (int_digits, mut rest) = s.split_at(int_len);
    let mut frac_digits: &[u8] = &[];
    if let Some((b'.', after)) = rest.split_first() {
        let len = after.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        (frac_digits, rest) = after.split_at(len);
    }
    let mut exponent: i64 = 0;
    if let Some((b'e' | b'E', after)) = rest.split_first() {
        let (sign, after) = match after.split_first() {
            Some((b'-', a)) => (-1, a),
            Some((b'+', a)) => (1, a),
            _ => (1, after),
        };
        if after.is_empty() || after.len() > 4 || !after.iter().all(u8::is_ascii_digit) {
            return None;
        }
        exponent = sign * after.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0'));
        rest = &[];
    }
    if !rest.is_empty() {
        return None;
    }
    // The digits as one integer (leading zeros dropped), and the power of ten it is scaled by.
    let digits = int_digits.iter().chain(frac_digits);
    let significant: Vec<u8> = digits.copied().skip_while(|&d| d == b'0').collect();
    let trailing_zeros = significant.iter().rev().take_while(|&&d| d == b'0').count();
    let kept = &significant[..significant.len() - trailing_zeros];
    if kept.len() > MAX_DIGITS {
        return None;
    }
    let mantissa = kept.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
    let scale = exponent + trailing_zeros as i64 - frac_digits.len() as i64;
    let magnitude = if mantissa == 0 {
        0.0
    } else {
        let power = POWERS.get(scale.unsigned_abs() as usize)?;
        // Both operands are exact, so the one operation rounds once: the correctly
        // rounded value.
        if scale < 0 {
            mantissa as f64 / power
        } else {
            mantissa as f64 * power
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Writes `v` as Rust's `Display` does ("38.5", "2", "-0.25") for every number
/// `parse_decimal` reads: the shortest decimal that reads back as `v`. Other values (more
/// digits than that) are written with 15 significant digits.
pub fn write_decimal(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else if v > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let a = v.abs();
    if a >= 1e15 {
        // Beyond what a setting holds: the fewest leading digits that read back, then zeros.
        let zeros_max = a.log10().floor() as i32;
        for zeros in (0..=zeros_max).rev() {
            let lead = (a / 10f64.powi(zeros)).round() as u64;
            let text = format!("{lead}{}", "0".repeat(zeros as usize));
            if parse_decimal(&text) == Some(a) {
                return format!("{sign}{text}");
            }
        }
        return format!("{sign}{}", a as u64);
    }
    for places in 0..=37 {
        let scaled = (a * 10f64.powi(places as i32)).round();
        if scaled >= 9_007_199_254_740_992.0 {
            break;
        }
        let text = with_point(scaled as u64, places);
        if parse_decimal(&text) == Some(a) {
            return format!("{sign}{text}");
        }
    }
    let places = (MAX_DIGITS as i32 - 1 - a.log10().floor() as i32).clamp(0, 15) as u32;
    let scaled = (a * 10f64.powi(places as i32)).round() as u64;
    format!("{sign}{}", with_point(scaled, places))
}

/// `digits` with a decimal point `places` from the right ("1250", 2 → "12.5"), trailing
/// zeros of the fraction dropped.
fn with_point(digits: u64, places: u32) -> String {
    let text = digits.to_string();
    if places == 0 {
        return text;
    }
    let places = places as usize;
    let padded = format!("{text:0>width$}", width = places + 1);
    let (int, frac) = padded.split_at(padded.len() - places);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_what_a_clinic_writes() {
        for (text, v) in [
            ("38", 38.0),
            ("38.0", 38.0),
            (" 37.5 ", 37.5),
            ("-3", -3.0),
            ("0", 0.0),
            ("0.1", 0.1),
            ("1.25", 1.25),
            ("1e1", 10.0),
            ("2.5E-1", 0.25),
            ("100", 100.0),
        ] {
            assert_eq!(parse_decimal(text), Some(v), "{text}");
        }
    }

    #[test]
    fn refuses_what_json_refuses_and_too_many_digits() {
        for text in [
            "",
            "-",
            "+1",
            "01",
            "1.",
            ".5",
            "1e",
            "1e+",
            "0x10",
            "NaN",
            "inf",
            "1,5",
            "38 C",
            "1.2.3",
            "--1",
            "1e99999",
            "1234567890123456",
            "1e300",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
    }

    #[test]
    fn writes_what_display_writes() {
        for k in -100_000i64..=100_000 {
            for v in [k as f64 / 1000.0, k as f64 / 10.0, k as f64] {
                assert_eq!(write_decimal(v), format!("{v}"), "{v}");
            }
        }
    }

    proptest! {
        #[test]
        fn reads_as_the_standard_library_does(
            int in 0u64..1_000_000_000,
            frac in 0u64..1_000_000,
            places in 0usize..7,
            exp in -20i32..20,
            negative: bool,
        ) {
            let frac = format!("{frac:06}");
            let text = format!(
                "{}{int}.{}e{exp}",
                if negative { "-" } else { "" },
                &frac[..places.max(1)]
            );
            let expected: f64 = text.parse().unwrap();
            if let Some(v) = parse_decimal(&text) {
                prop_assert_eq!(v, expected, "{}", text);
                prop_assert_eq!(write_decimal(v), format!("{v}"));
            }
        }

        #[test]
        fn every_short_decimal_reads_back_exactly(digits in 0u64..1_000_000_000_000, places in 0u32..10) {
            let text = with_point(digits, places);
            let expected: f64 = text.parse().unwrap();
            prop_assert_eq!(parse_decimal(&text), Some(expected));
            prop_assert_eq!(write_decimal(expected), format!("{expected}"));
        }
    }
}
