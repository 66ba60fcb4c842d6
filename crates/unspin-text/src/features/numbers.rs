//! Numbers with their units and normalized values: `400,000 subscribers`, `3.2%`,
//! `$1.5 billion`, `$70-million`, `.20` (0.20), `#115,000` (METER's pound sign),
//! `6-3/16 pct` (a market's fraction, 6.1875), the wires' and papers' abbreviations
//! (`5.5 mln dlrs` is $5.5 million, `£2.5m`, `£2.5million`, `$2bn`, `300 mln stg`,
//! `6 pct` is 6%), `21 years`, "45 cents" ($0.45); spelled, approximate: "two decades"
//! (20 years), "nine states" and "a three-month high" (a count of the noun after the
//! numeral), "thirty-six years", "a dozen people" (the phrases count only spans of time,
//! people and times). One token scan reads every spelled form.
//! Dates are found first and masked, so "2004" or "07" inside a date is never read as
//! a quantity.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::text::words::Token;

#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    pub range: Range<usize>,
    pub value: f64,
    /// Currency symbol, `%`, or the stem of the following noun ("year", "subscrib").
    pub unit: Option<String>,
    /// Spelled out or vague ("two decades", "dozens"): compared with tolerance.
    pub approx: bool,
}

impl NumberMention {
    /// Same quantity: equal values, or within 10% when either side is approximate.
    pub fn same_value(&self, other: &NumberMention) -> bool {
        let (a, b) = (self.value, other.value);
        if !(a.is_finite() && b.is_finite()) {
            // A run of 309 digits reads as infinity: equal only to itself, not to all.
            return a == b;
        }
        if self.approx || other.approx {
            (a - b).abs() <= 0.1 * a.abs().max(b.abs())
        } else {
            (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
        }
    }

    /// Units do not contradict each other (either unknown, or equal). An amount in
    /// cents (kept in whole units) may be dollars or euros.
    pub fn unit_compatible(&self, other: &NumberMention) -> bool {
        match (self.unit.as_deref(), other.unit.as_deref()) {
            (Some(a), Some(b)) => a == b || money_in_cents(a, b) || money_in_cents(b, a),
            _ => true,
        }
    }
}

/// The unit of an amount in cents, its value in whole dollars or euros.
pub const CENT: &str = "cent";

fn money_in_cents(cents: &str, other: &str) -> bool {
    cents == CENT && matches!(other, "$" | "€")
}

fn digits_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)([$£€#]\s?)?\b(\d{1,2}/(?:64|32|16|8|4|3|2)\b|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+[- ]\d{1,2}/(?:64|32|16|8|4|3|2)\b|\d+(?:\.\d+)?)(?:(million|billion|trillion|bn|mn|mln|bln|m|k)\b|\b)(\s?(?:%|percent\b|per cent\b))?([\s-](?:million|billion|trillion|thousand|bn|mn|mln|bln)\b)?")
            .expect("regex")
    })
}

/// The value of a digit run as `digits_re` finds it: "1,250.5", or a whole number with a
/// fraction as markets quote rates and prices ("6-3/16" is 6.1875, "82 1/8" 82.125).
fn amount(digits: &str) -> Option<f64> {
    let Some((whole_num, den)) = digits.split_once('/') else {
        return digits.replace(',', "").parse().ok();
    };
    let (whole, num) = whole_num
        .rsplit_once(['-', ' '])
        .unwrap_or(("0", whole_num));
    let (whole, num, den) = (
        whole.parse::<f64>().ok()?,
        num.parse::<f64>().ok()?,
        den.parse::<f64>().ok()?,
    );
    Some(whole + num / den)
}

/// The value of a spelled number word, "one" to "ninety".
fn word_value(word: &str) -> Option<f64> {
    let v = match word {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "fifteen" => 15.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    };
    Some(v)
}

/// Numbers in `text` (whose normalized start is `offset`), skipping `masked` ranges
/// (dates). `tokens` are the sentence's tokens, used to read the unit noun.
pub fn find_numbers(
    text: &str,
    offset: usize,
    masked: &[Range<usize>],
    tokens: &[Token],
) -> Vec<NumberMention> {
    let mut out = Vec::new();
    let overlaps = |r: &Range<usize>| overlaps_sorted(masked, r);
    // The unit of the last scaled amount: a list leaves it out after the first ("will
    // drain 546 mln stg, bills for repurchase 76 mln, a rise in note circulation 310
    // mln"), and the amounts after it are in it.
    let mut list_unit: Option<String> = None;
    for c in digits_re().captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let range = whole.start() + offset..whole.end() + offset;
        if overlaps(&range) {
            continue;
        }
        let Some(digits) = c.get(2) else { continue };
        // A scale glued to the digits: "£2.5m", "$40k" with a currency sign, "2bn"
        // ("mln", "bln", "£2.5million") with or without one. Without a sign, "5m" may be
        // metres, and is left alone like any other digits glued to letters.
        let glued_scale = c.get(3).map(|m| m.as_str().to_lowercase());
        if glued_scale
            .as_deref()
            .is_some_and(|w| c.get(1).is_none() && matches!(w, "m" | "k"))
        {
            continue;
        }
        // A digit run glued to letters ("G20", "3D") is a name, not a quantity.
        let glued = text[..digits.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
            || glued_scale.is_none()
                && text[digits.end()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
        if glued && c.get(4).is_none() {
            continue;
        }
        let Some(mut value) = amount(digits.as_str()) else {
            continue;
        };
        // A decimal written without its leading zero (".20 parts per million"), where the
        // dot follows a space or an opening bracket, not a word or another number.
        let mut range = range;
        if c.get(1).is_none()
            && leading_dot(text, digits.start())
            && !digits.as_str().contains(['.', ','])
        {
            value /= 10f64.powi(digits.len() as i32);
            range.start -= 1;
        }
        let spaced_scale = c.get(5).map(|m| {
            m.as_str()
                .trim_matches(|c: char| c.is_whitespace() || c == '-')
                .to_lowercase()
        });
        for word in glued_scale.iter().chain(&spaced_scale) {
            value *= scale_value(word).unwrap_or(1.0);
        }
        let unit = if c.get(4).is_some() {
            Some("%".to_string())
        } else if let Some(cur) = c.get(1) {
            Some(match cur.as_str().trim() {
                "#" => "£".to_string(),
                s => s.to_string(),
            })
        } else if let Some((sign, end)) = currency_after(tokens, range.end) {
            range.end = end;
            Some(sign.to_string())
        } else {
            match next_noun(tokens, range.end) {
                // "45 cents" is $0.45 (or €0.45): the amount in whole units, and the
                // word in the mention, so "$1.45 became 45 cents" reads as it should.
                Some(t) if is_cents(&t.lower) => {
                    value /= 100.0;
                    range.end = t.range.end;
                    Some(CENT.to_string())
                }
                // "5.5 mln dlrs", "6 pct": the word is the amount's sign, and part of
                // the mention as a sign is.
                Some(t) if sign_for(&t.lower).is_some() => {
                    range.end = t.range.end;
                    Some(unit_of(t))
                }
                t => t.map(unit_of),
            }
        };
        let unit = if glued_scale.is_some() || spaced_scale.is_some() {
            if unit.is_some() {
                list_unit.clone_from(&unit);
            }
            unit.or_else(|| list_unit.clone())
        } else {
            unit
        };
        out.push(NumberMention {
            range,
            value,
            unit,
            approx: false,
        });
    }
    // Spelled quantities ("nine states", "six other protesters", "a three-month high",
    // "two decades", "a dozen people"), where the digits found nothing.
    let found: Vec<Range<usize>> = out.iter().map(|n| n.range.clone()).collect();
    let text_end = offset + text.len();
    let in_text = |t: &&Token| t.range.end <= text_end;
    let mut k = tokens.partition_point(|t| t.range.start < offset);
    while let Some(t) = tokens.get(k).filter(in_text) {
        let Some(q) = quantity_at(text, offset, tokens, k).filter(|q| in_text(&&tokens[q.last]))
        else {
            k += 1;
            continue;
        };
        k = q.last + 1;
        let mut value = q.value;
        let range = t.range.start..tokens[q.last].range.end;
        if overlaps(&range) || overlaps_sorted(&found, &range) {
            continue;
        }
        if let Some(end) = percent_after(text, offset, tokens, range.end) {
            out.push(NumberMention {
                range: range.start..end,
                value,
                unit: Some("%".to_string()),
                approx: true,
            });
            continue;
        }
        let noun = match spelled_unit(text, offset, tokens, range.end) {
            Some(noun) => noun,
            None if q.counts_any_noun => {
                let Some(mut noun) = counted_noun(tokens, range.end) else {
                    continue;
                };
                // "two hundred men", "three million people": a scale, then what is
                // counted.
                if let Some(scale) = scale_value(&noun.lower) {
                    value *= scale;
                    match counted_noun(tokens, noun.range.end) {
                        Some(next) => noun = next,
                        None => continue,
                    }
                }
                noun
            }
            None => continue,
        };
        let unit = match noun.lower.as_str() {
            "decade" | "decades" => {
                value *= 10.0;
                "year".to_string()
            }
            "century" | "centuries" => {
                value *= 100.0;
                "year".to_string()
            }
            w if is_cents(w) => {
                value /= 100.0;
                CENT.to_string()
            }
            _ => unit_of(noun),
        };
        out.push(NumberMention {
            range: range.start..noun.range.end,
            value,
            unit: Some(unit),
            approx: true,
        });
    }
    out.sort_by_key(|n| n.range.start);
    out
}

/// A spelled quantity: its value and last token.
struct Quantity {
    value: f64,
    last: usize,
    /// A numeral ("two" to "ninety") counts any noun after it. "one", "several" and the
    /// phrases ("a dozen", "hundreds of") count only the nouns of [`UNIT_NOUNS`]: "one of
    /// them", "no one", "several reasons" are seldom quantities a copy would change.
    counts_any_noun: bool,
}

/// The spelled quantity that starts at token `k`: a numeral ("two", "twenty-five"),
/// "one", "several", "a few", "a dozen", "a hundred", "dozens of" or "hundreds of".
/// A possessive ("the Fab Four's") is a name's, not a quantity.
fn quantity_at(text: &str, offset: usize, tokens: &[Token], k: usize) -> Option<Quantity> {
    let t = tokens.get(k).filter(|t| t.range.len() == t.lower.len())?;
    // The token after `t`, one space away, if it reads `word`.
    let then = |word: &str| {
        tokens
            .get(k + 1)
            .filter(|n| n.lower == word && gap(text, offset, t.range.end, n) == Some(" "))
            .map(|_| k + 1)
    };
    let phrase = |value: f64, last: usize| {
        Some(Quantity {
            value,
            last,
            counts_any_noun: false,
        })
    };
    match t.lower.as_str() {
        "several" => phrase(4.0, k),
        "one" => phrase(1.0, k),
        "a" => [("few", 3.0), ("dozen", 12.0), ("hundred", 100.0)]
            .into_iter()
            .find_map(|(word, value)| then(word).map(|last| (value, last)))
            .and_then(|(value, last)| phrase(value, last)),
        "dozens" => then("of").and_then(|last| phrase(24.0, last)),
        "hundreds" => then("of").and_then(|last| phrase(200.0, last)),
        w => {
            let mut value = word_value(w)?;
            let mut last = k;
            // "twenty-five"
            if let Some(v) = tokens
                .get(k + 1)
                .filter(|n| value >= 20.0 && gap(text, offset, t.range.end, n) == Some("-"))
                .and_then(|n| word_value(&n.lower))
                .filter(|v| *v < 10.0)
            {
                value += v;
                last = k + 1;
            }
            Some(Quantity {
                value,
                last,
                counts_any_noun: true,
            })
        }
    }
}

/// The text between byte `end` and token `next`.
fn gap<'t>(text: &'t str, offset: usize, end: usize, next: &Token) -> Option<&'t str> {
    text.get(end.checked_sub(offset)?..next.range.start.checked_sub(offset)?)
}

/// Whether token `next` follows byte `end` after white space.
fn spaced(text: &str, offset: usize, end: usize, next: &Token) -> bool {
    gap(text, offset, end, next)
        .is_some_and(|g| !g.is_empty() && g.chars().all(char::is_whitespace))
}

/// The nouns any spelled quantity counts: spans of time, people and times.
const UNIT_NOUNS: &[&str] = &[
    "centuries",
    "century",
    "day",
    "days",
    "decade",
    "decades",
    "hour",
    "hours",
    "minute",
    "minutes",
    "month",
    "months",
    "people",
    "times",
    "week",
    "weeks",
    "year",
    "years",
];

/// A noun of [`UNIT_NOUNS`] after byte `end`, right after it or after one other word
/// ("two long years"), each after white space. A scale word is no such other word: "two
/// hundred years" are 200.
fn spelled_unit<'t>(
    text: &str,
    offset: usize,
    tokens: &'t [Token],
    end: usize,
) -> Option<&'t Token> {
    let at = tokens.partition_point(|t| t.range.start < end);
    let is_unit = |t: &Token| UNIT_NOUNS.contains(&t.lower.as_str());
    let first = tokens.get(at).filter(|t| spaced(text, offset, end, t))?;
    if is_unit(first) {
        return Some(first);
    }
    if scale_value(&first.lower).is_some() || !first.lower.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    tokens
        .get(at + 1)
        .filter(|t| spaced(text, offset, first.range.end, t) && is_unit(t))
}

/// Where "percent" or "per cent" right after byte `end` ends.
fn percent_after(text: &str, offset: usize, tokens: &[Token], end: usize) -> Option<usize> {
    let at = tokens.partition_point(|t| t.range.start < end);
    let spaced = |from: usize, t: &Token| spaced(text, offset, from, t);
    let first = tokens.get(at).filter(|t| spaced(end, t))?;
    match first.lower.as_str() {
        "percent" => Some(first.range.end),
        "per" => tokens
            .get(at + 1)
            .filter(|t| t.lower == "cent" && spaced(first.range.end, t))
            .map(|t| t.range.end),
        _ => None,
    }
}

/// What a scale word after a numeral multiplies it by, the wires' and the papers'
/// abbreviations ("mln", "bn", the "m" of "£2.5m") included.
fn scale_value(lower: &str) -> Option<f64> {
    Some(match lower {
        "dozen" => 12.0,
        "hundred" => 1e2,
        "k" | "thousand" => 1e3,
        "m" | "mn" | "mln" | "million" => 1e6,
        "bn" | "bln" | "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// A word for cents: "cents", and the wires' "cts".
fn is_cents(lower: &str) -> bool {
    matches!(lower, "cent" | "cents" | "ct" | "cts")
}

/// The unit a counted noun gives its number: its stem, one spelling for cents.
fn unit_of(noun: &Token) -> String {
    if is_cents(&noun.lower) {
        CENT.to_string()
    } else if let Some(sign) = sign_for(&noun.lower) {
        sign.to_string()
    } else {
        noun.stem.to_string()
    }
}

/// A currency word after an amount, maybe past the capitalized words that say whose
/// currency it is ("7.53 billion Taiwan dlrs", "51 billion U.S. Dlrs", "Hong Kong
/// dollars"): its sign, and where the word ends.
fn currency_after(tokens: &[Token], end: usize) -> Option<(&'static str, usize)> {
    let mut at = end;
    let after = tokens.partition_point(|t| t.range.start < end);
    for t in tokens.get(after..)?.iter().take(3) {
        if t.range.start > at + 1 {
            return None;
        }
        if let Some(sign) = sign_for(&t.lower).filter(|&s| s != "%") {
            return Some((sign, t.range.end));
        }
        if !t.cap || t.stop {
            return None;
        }
        at = t.range.end;
    }
    None
}

/// The sign a currency or percent word stands for: "5.5 mln dlrs" is "$5.5 million",
/// "300 mln stg" "£300 million", "6 pct" "6%".
fn sign_for(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "dlr" | "dlrs" | "dollar" | "dollars" => "$",
        "stg" | "sterling" => "£",
        "euro" | "euros" => "€",
        "pct" => "%",
        _ => return None,
    })
}

/// The noun a numeral ending at `end` counts: the next word if it is a lowercase content
/// word, or the one after a single function word ("six other protesters"), each joined
/// to what comes before by one space or hyphen.
fn counted_noun(tokens: &[Token], end: usize) -> Option<&Token> {
    let at = tokens.partition_point(|t| t.range.start < end);
    let mut last_end = end;
    for t in tokens.get(at..)?.iter().take(2) {
        if t.range.start > last_end + 1 || t.numeric || t.cap {
            return None;
        }
        if !t.stop {
            return Some(t);
        }
        last_end = t.range.end;
    }
    None
}

/// Whether the digits at byte `at` follow a lone dot: one after a space, an opening
/// bracket or the start of the text.
fn leading_dot(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix('.') else {
        return false;
    };
    before
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(')
}

/// Whether `r` overlaps a range of `sorted` (in text order, none overlapping another).
fn overlaps_sorted(sorted: &[Range<usize>], r: &Range<usize>) -> bool {
    let first_ending_after = sorted.partition_point(|m| m.end <= r.start);
    sorted
        .get(first_ending_after)
        .is_some_and(|m| m.start < r.end)
}

/// The first content word right after `end`, whose stem is the number's unit.
fn next_noun(tokens: &[Token], end: usize) -> Option<&Token> {
    // Tokens are in text order: a binary search, or a sentence of n numbers costs n².
    let next = tokens.get(tokens.partition_point(|t| t.range.start < end))?;
    if next.range.start > end + 1 || next.numeric || next.stop || next.cap {
        return None;
    }
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::tokenize;

    fn check(text: &str, expect: &[(&str, f64, Option<&str>)]) {
        let tokens = tokenize(text, 0);
        let got: Vec<(String, f64, Option<String>)> = find_numbers(text, 0, &[], &tokens)
            .into_iter()
            .map(|n| (text[n.range].to_string(), n.value, n.unit))
            .collect();
        let expect: Vec<(String, f64, Option<String>)> = expect
            .iter()
            .map(|(s, v, u)| (s.to_string(), *v, u.map(str::to_string)))
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn values_and_units() {
        check(
            "A channel with 400,000 subscribers grew 3.2% to $1.5 billion over 21 years; #115,000 paid.",
            &[
                ("400,000", 400000.0, Some("subscrib")),
                ("3.2%", 3.2, Some("%")),
                ("$1.5 billion", 1.5e9, Some("$")),
                ("21", 21.0, Some("year")),
                ("#115,000", 115000.0, Some("£")),
            ],
        );
    }

    #[test]
    fn spelled_and_names() {
        check(
            "a career over two decades at the G20 for three years",
            &[
                ("two decades", 20.0, Some("year")),
                ("three years", 3.0, Some("year")),
            ],
        );
    }

    #[test]
    fn hyphenated_scales_and_decimals_without_their_zero() {
        check(
            "a $70-million program when ozone reaches .20 parts, (.5 of it) or 1.20, U.S.20",
            &[
                ("$70-million", 7e7, Some("$")),
                (".20", 0.2, Some("part")),
                (".5", 0.5, None),
                ("1.20", 1.2, None),
                // A dot after a word is no decimal point.
                ("20", 20.0, None),
            ],
        );
    }

    #[test]
    fn abbreviated_scales_and_currency_words() {
        check(
            "sold for 5.5 mln dlrs, or £2.5m, a $2bn bid, 1.2 bln yen, 300 mln stg, \
             $40k, a 5m wall, a 5mm bolt, 6 pct, 12 euros, a £3.5million house",
            &[
                ("5.5 mln dlrs", 5.5e6, Some("$")),
                ("£2.5m", 2.5e6, Some("£")),
                ("$2bn", 2e9, Some("$")),
                ("1.2 bln", 1.2e9, Some("yen")),
                ("300 mln stg", 3e8, Some("£")),
                ("$40k", 4e4, Some("$")),
                // Without a currency sign, "5m" may be metres: no number is read.
                ("6 pct", 6.0, Some("%")),
                ("12 euros", 12.0, Some("€")),
                ("£3.5million", 3.5e6, Some("£")),
            ],
        );
        // Whose currency it is may stand between the amount and the word.
        check(
            "issued 7.53 billion Taiwan dlrs, reserves of 51 billion U.S. Dlrs, 30 \
             Hong Kong dollars, 12 New Year gifts",
            &[
                ("7.53 billion Taiwan dlrs", 7.53e9, Some("$")),
                ("51 billion U.S. Dlrs", 5.1e10, Some("$")),
                ("30 Hong Kong dollars", 30.0, Some("$")),
                ("12", 12.0, None),
            ],
        );
        // A list states the unit once: the amounts after it are in it, until another.
        check(
            "drain 546 mln stg, repurchases 76 mln, notes 1.2 billion and 5 mln tonnes, 3 mln",
            &[
                ("546 mln stg", 5.46e8, Some("£")),
                ("76 mln", 7.6e7, Some("£")),
                ("1.2 billion", 1.2e9, Some("£")),
                ("5 mln", 5e6, Some("tonn")),
                ("3 mln", 3e6, Some("tonn")),
            ],
        );
    }

    #[test]
    fn quoted_fractions_are_one_amount() {
        check(
            "funds at 6-3/16 pct, priced at 82 1/8, fees of 3/8 pct, 9/11 and 24/7",
            &[
                ("6-3/16 pct", 6.1875, Some("%")),
                ("82 1/8", 82.125, None),
                ("3/8 pct", 0.375, Some("%")),
                // No market quotes elevenths or sevenths.
                ("9", 9.0, None),
                ("11", 11.0, None),
                ("24", 24.0, None),
                ("7", 7.0, None),
            ],
        );
    }

    #[test]
    fn cents_are_an_amount_of_money() {
        let text = "earnings of 45 cents a share, or $1.45, against 12 cts last year";
        check(
            text,
            &[
                ("45 cents", 0.45, Some(CENT)),
                ("$1.45", 1.45, Some("$")),
                ("12 cts", 0.12, Some(CENT)),
            ],
        );
        check(
            "a bill of 2 million cents, or twenty thousand cents",
            &[
                ("2 million cents", 20_000.0, Some(CENT)),
                ("twenty thousand cents", 200.0, Some(CENT)),
            ],
        );
        let n = find_numbers(text, 0, &[], &tokenize(text, 0));
        assert!(n[0].unit_compatible(&n[1]) && n[1].unit_compatible(&n[0]));
        let pounds = find_numbers("#1.45", 0, &[], &tokenize("#1.45", 0));
        assert!(!n[0].unit_compatible(&pounds[0]));
    }

    #[test]
    fn numerals_count_any_noun() {
        check(
            "Nine states and six other protesters saw a three-month high, twenty-five \
             ministers, two of them, two hundred men, eight cents and eight per cent",
            &[
                ("Nine states", 9.0, Some("state")),
                ("six other protesters", 6.0, Some("protest")),
                ("three-month", 3.0, Some("month")),
                ("twenty-five ministers", 25.0, Some("minist")),
                ("two hundred men", 200.0, Some("men")),
                ("eight cents", 0.08, Some(CENT)),
                ("eight per cent", 8.0, Some("%")),
            ],
        );
    }

    #[test]
    fn spelled_phrases_count_spans_of_time_people_and_times() {
        check(
            "a dozen people, hundreds of people, several times, one year, a few days, two \
             long years, two hundred years, thirty-six years, Fifty-seven percent, several \
             reasons, one of them",
            &[
                ("a dozen people", 12.0, Some("peopl")),
                ("hundreds of people", 200.0, Some("peopl")),
                ("several times", 4.0, Some("time")),
                ("one year", 1.0, Some("year")),
                ("a few days", 3.0, Some("day")),
                ("two long years", 2.0, Some("year")),
                ("two hundred years", 200.0, Some("year")),
                ("thirty-six years", 36.0, Some("year")),
                ("Fifty-seven percent", 57.0, Some("%")),
            ],
        );
    }

    #[test]
    fn spelled_and_digit_counts_share_their_unit() {
        let text = "two people waited 40 minutes, then 3 people waited five minutes";
        let n = find_numbers(text, 0, &[], &tokenize(text, 0));
        assert_eq!(n.len(), 4);
        assert_eq!(n[0].unit, n[2].unit);
        assert_eq!(n[1].unit, n[3].unit);
    }

    #[test]
    fn approximate_comparison() {
        let tokens = tokenize("two decades 21 years", 0);
        let n = find_numbers("two decades 21 years", 0, &[], &tokens);
        assert!(n[0].same_value(&n[1]) && n[0].unit_compatible(&n[1]));
    }

    #[test]
    fn a_number_too_long_for_f64_equals_only_itself() {
        let text = format!("{} and 7", "9".repeat(400));
        let n = find_numbers(&text, 0, &[], &tokenize(&text, 0));
        assert_eq!(n.len(), 2);
        assert!(n[0].same_value(&n[0]) && !n[0].same_value(&n[1]) && !n[1].same_value(&n[0]));
    }

    proptest::proptest! {
        /// Amounts in the digit forms the reader knows (signs, scales glued or spaced,
        /// currency words past whose currency it is), run together with words: mentions
        /// are found in order, within the text, on character boundaries, and each one
        /// starts with its sign or its first figure.
        #[test]
        fn amounts_of_any_form_give_well_formed_mentions(
            text in "(([$£€#]|US\\$)?[0-9]{1,4}([.,/-][0-9]{1,3})?(m|k|bn|mln|million)?( (mln|bln|billion|dlrs|stg|pct|euros|Taiwan dlrs|U\\.S\\. Dlrs|tonnes|cts))?[ ,.;]{1,2}(and |vs |the |&#3; )?){1,8}"
        ) {
            let n = find_numbers(&text, 0, &[], &tokenize(&text, 0));
            let mut end = 0;
            for m in &n {
                proptest::prop_assert!(m.range.start >= end && m.range.end <= text.len(), "{m:?} in {text:?}");
                proptest::prop_assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
                proptest::prop_assert!(text[m.range.clone()].starts_with(|c: char| c.is_ascii_digit() || "$£€#.".contains(c)), "{m:?} in {text:?}");
                end = m.range.end;
            }
        }
    }
}
