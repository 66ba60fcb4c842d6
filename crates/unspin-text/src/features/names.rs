//! Name-like spans: runs of capitalized words and acronyms ("Dmitry Peskov", "Secretary
//! of State", "ASEAN"). A capitalized word at the start of a sentence (or of a quote)
//! counts only when the document capitalizes it elsewhere too, so "Moreover" and "The"
//! are not names while "Lavrov" is; a function word opening a sentence ("Throughout
//! China's mainland") needs that evidence even before another name. An initial or a
//! title cut short with a dot stays inside the name ("William H. Rehnquist", "Sen. Ben
//! Nelson"), and a weekday is never a name ("Thursday's opening round"). In a line set
//! in capitals ("JURY RESUMES IN NORWICH") only words the document capitalizes
//! elsewhere are names, and a sentence's opening word set in capitals ("A PATIENT who
//! died") is a name only where the document never writes it in lowercase.

use std::ops::Range;

use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::text::words::Token;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMention {
    pub range: Range<usize>,
    /// Lowercased words of the name, connectors ("of") excluded.
    pub words: Vec<String>,
}

impl NameMention {
    pub fn last_word(&self) -> &str {
        self.words.last().map_or("", String::as_str)
    }

    /// Whether the token `t` lies inside this name.
    pub fn holds(&self, t: &Token) -> bool {
        self.range.start <= t.range.start && t.range.end <= self.range.end
    }
}

/// The key of a name word's stem: 32 bits of a seeded xxh3, the same in every run, so
/// that a corpus scan can count the articles naming each word (a rare collision only
/// makes a name look commoner than it is).
pub fn name_key(stem: &str) -> u32 {
    (xxh3_64_with_seed(stem.as_bytes(), NAME_SEED) >> 32) as u32
}

const NAME_SEED: u64 = 0x756e_7370_696e; // "unspin"

const CONNECTORS: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "du", "la", "le", "of", "van", "von",
];

/// Honorifics, which open a person's name: within a run of capitalized words, one of
/// them starts a new name ("the BBC Mr Howard" is the BBC and Mr Howard).
const HONORIFICS: &[&str] = &["dame", "dr", "miss", "mr", "mrs", "ms", "pc", "sir", "wpc"];

/// A title of address that opens a person's name ("Mr", "Dr", "Dame").
pub fn is_honorific(lower: &str) -> bool {
    HONORIFICS.contains(&lower)
}

/// Titles written cut short with a dot before a name ("Adm. Hal Gehman").
const TITLES: &[&str] = &[
    "adm", "capt", "cmdr", "col", "cpl", "dr", "gen", "gov", "lt", "maj", "mr", "mrs", "ms",
    "prof", "rep", "rev", "sen", "sgt", "st",
];

/// Words that open sentences ("Throughout China's mainland", "Besides Japan") and, there,
/// a name only where the document capitalizes them mid-sentence too. Function words that
/// the stopword list leaves out, since they carry meaning for alignment.
const OPENERS: &[&str] = &[
    "according",
    "across",
    "along",
    "already",
    "although",
    "amid",
    "amidst",
    "among",
    "amongst",
    "another",
    "around",
    "behind",
    "beside",
    "besides",
    "beyond",
    "concerning",
    "despite",
    "earlier",
    "either",
    "elsewhere",
    "even",
    "every",
    "following",
    "furthermore",
    "hence",
    "however",
    "including",
    "indeed",
    "inside",
    "instead",
    "last",
    "later",
    "like",
    "many",
    "meanwhile",
    "moreover",
    "near",
    "neither",
    "nevertheless",
    "next",
    "nonetheless",
    "otherwise",
    "outside",
    "overall",
    "perhaps",
    "regarding",
    "several",
    "since",
    "still",
    "though",
    "throughout",
    "thus",
    "today",
    "tomorrow",
    "toward",
    "towards",
    "unless",
    "unlike",
    "upon",
    "whereas",
    "whether",
    "whilst",
    "within",
    "without",
    "yesterday",
    "yet",
];

/// How a reporter describes a person's mood, plight or record before the name ("Defiant
/// Matt Williams", "An emotional Ferguson", "Tearful Dr Stephen Bolsin", "Double Olympic
/// champion Kelly Holmes"): no name's word, and not who spoke. Sorted.
const DESCRIBING: &[&str] = &[
    "angry",
    "beaming",
    "bitter",
    "bullish",
    "crestfallen",
    "defiant",
    "dejected",
    "delighted",
    "depraved",
    "disappointed",
    "disgraced",
    "distraught",
    "double",
    "ecstatic",
    "elated",
    "emotional",
    "frustrated",
    "furious",
    "grieving",
    "heartbroken",
    "jubilant",
    "proud",
    "relieved",
    "shocked",
    "smiling",
    "sobbing",
    "stunned",
    "tearful",
    "thrilled",
    "unemployed",
    "upbeat",
    "weeping",
    "worried",
];

/// A word describing the person named after it (see [`DESCRIBING`]).
pub fn is_describing(lower: &str) -> bool {
    DESCRIBING.binary_search(&lower).is_ok()
}

/// What a person does or is, as a story opens on them before their name ("Shopkeeper
/// Rajesh Jain", "Teenager Sania Mirza", "Actress Dera Cooper"): at a sentence's start no
/// name's word, though the article may never write it in lowercase. Titles that are part
/// of a name ("Judge", "Detective", "Father") are not here. Sorted.
const OCCUPATIONS: &[&str] = &[
    "actor",
    "actress",
    "anaesthetist",
    "businessman",
    "businesswoman",
    "comedian",
    "footballer",
    "grandfather",
    "grandmother",
    "housewife",
    "landlady",
    "landlord",
    "millionaire",
    "motorist",
    "pensioner",
    "promoter",
    "schoolboy",
    "schoolgirl",
    "shopkeeper",
    "singer",
    "student",
    "teenager",
    "tycoon",
    "widow",
    "widower",
];

fn is_occupation(lower: &str) -> bool {
    OCCUPATIONS.binary_search(&lower).is_ok()
}

/// A word that opens sentences and is a name there only on other evidence (see
/// [`OPENERS`]).
pub fn is_opener(lower: &str) -> bool {
    OPENERS.binary_search(&lower).is_ok()
}

/// A day or month name ("Tuesday", "January"): a time, where a setting opens a
/// sentence ("On Tuesday Labour chairman Ian McCartney said").
pub fn is_calendar_word(lower: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    WEEKDAYS.contains(&lower) || MONTHS.contains(&lower)
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Head nouns of place and institution names ("Downing Street", "National Trust"):
/// they end a name and never start one. Sorted.
const HEADS: &[&str] = &[
    "airport",
    "association",
    "authority",
    "bank",
    "bridge",
    "centre",
    "college",
    "commission",
    "committee",
    "council",
    "court",
    "department",
    "exchange",
    "fund",
    "hospital",
    "house",
    "institute",
    "ministry",
    "office",
    "party",
    "road",
    "service",
    "square",
    "street",
    "trust",
    "union",
    "university",
];

fn is_head(lower: &str) -> bool {
    HEADS.binary_search(&lower).is_ok()
}

/// How a document writes its words mid-sentence, outside headlines and lines in
/// capitals: the evidence for reading a capitalized word at a sentence's start.
pub trait WordUsage {
    /// The document capitalizes the token's word somewhere: a name ("Lavrov").
    fn capitalized(&self, t: &Token) -> bool;
    /// The document writes the token's word in lowercase, in this or another form: an
    /// ordinary word even where a sentence opens with it ("Torturing Guillermo
    /// Saladort", in an article that writes "torture", names Guillermo Saladort).
    fn ordinary(&self, t: &Token) -> bool;
}

/// Names among one sentence's `tokens`. `text` is the whole normalized text;
/// `usage` says how the document writes its words mid-sentence.
/// In a sentence written in capitals (`shouting`, see [`is_shouting`], which the caller
/// has asked already) case tells nothing, so only words the document capitalizes
/// elsewhere are name words there.
pub fn find_names(
    text: &str,
    tokens: &[Token],
    shouting: bool,
    masked: &[Range<usize>],
    usage: &dyn WordUsage,
) -> Vec<NameMention> {
    let reader = Reader {
        text,
        masked,
        usage,
        shouting,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !reader.starts_name(tokens, i) {
            i += 1;
            continue;
        }
        // "White House", "Downing Street" opening a sentence: the first word, ordinary
        // elsewhere ("white", "down"), is still the name's, as a head noun never starts
        // a name.
        let start = match i.checked_sub(1) {
            Some(p)
                if is_head(&t.lower)
                    && reader.is_name_word(&tokens[p])
                    && !tokens[p].stop
                    && !is_opener(&tokens[p].lower)
                    && adjacent(text, &tokens[p], t) =>
            {
                p
            }
            _ => i,
        };
        let mut end = i;
        let mut j = i + 1;
        while j < tokens.len() && joined(text, &tokens[j - 1], &tokens[j]) {
            let next = &tokens[j];
            // "told the BBC Mr Howard had": an honorific opens a name of its own.
            if is_honorific(&next.lower) {
                break;
            }
            if reader.is_name_word(next) {
                end = j;
                j += 1;
            } else if CONNECTORS.contains(&next.lower.as_str())
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| reader.is_name_word(n) && adjacent(text, next, n))
                || hyphened_connector(text, &tokens[j - 1], next, tokens.get(j + 1))
                    && reader.is_name_word(&tokens[j + 1])
            {
                j += 1;
            } else {
                break;
            }
        }
        let words = tokens[start..=end]
            .iter()
            .filter(|w| !CONNECTORS.contains(&w.lower.as_str()))
            .map(|w| w.lower.to_string())
            .collect();
        out.push(NameMention {
            range: tokens[start].range.start..tokens[end].range.end,
            words,
        });
        i = end + 1;
    }
    out
}

/// A sentence written in capitals, as wire slugs and tabloid headlines set in the body
/// are ("MURDER TRIAL JURY RESUMES DELIBERATIONS"): three words or more, none with a
/// lowercase letter. Its capitals say nothing about which words are names.
pub fn is_shouting(tokens: &[Token]) -> bool {
    // Most sentences show a lowercase letter in their first word or two.
    let mut capitals = 0;
    for t in tokens.iter().filter(|t| !t.numeric) {
        if t.acronym || t.cap && t.lower.chars().nth(1).is_none() {
            capitals += 1;
        } else if t.lower.chars().any(char::is_alphabetic) {
            return false;
        }
    }
    capitals >= 3
}

/// What one sentence's name finder needs to know besides its tokens.
struct Reader<'r> {
    text: &'r str,
    masked: &'r [Range<usize>],
    usage: &'r dyn WordUsage,
    shouting: bool,
}

impl Reader<'_> {
    fn is_name_word(&self, t: &Token) -> bool {
        (t.cap || t.acronym)
            && !t.numeric
            && !self.emphasis(t)
            && !WEEKDAYS.contains(&t.lower.as_str())
            // "say I've been attacked": the pronoun, contracted.
            && !t.lower.starts_with("i'")
            && !self
                .masked
                .iter()
                .any(|m| m.start <= t.range.start && t.range.end <= m.end)
            && (!self.shouting || self.usage.capitalized(t))
    }

    /// A function word of four letters or more set in capitals for emphasis ("two years
    /// BEFORE Thomas's murder", "he would NEVER"): no acronym is one.
    fn emphasis(&self, t: &Token) -> bool {
        t.acronym && t.stop && t.lower.chars().nth(3).is_some()
    }

    fn starts_name(&self, tokens: &[Token], i: usize) -> bool {
        let t = &tokens[i];
        if !self.is_name_word(t) {
            return false;
        }
        if t.acronym {
            return !self.lead_in(tokens, i);
        }
        let initial = i == 0 || {
            gap(self.text, &tokens[i - 1], t)
                .is_some_and(|g| g.contains(['"', ':', '.', '?', '!', '(', '-']))
        };
        if !initial {
            return !t.stop;
        }
        if t.stop {
            return false;
        }
        if self.usage.capitalized(t) {
            return true;
        }
        // (An honorific after it opens a name of its own: "Whistleblower Dr Stephen
        // Bolsin" says nothing of "Whistleblower".)
        !is_opener(&t.lower)
            && !is_describing(&t.lower)
            && !is_occupation(&t.lower)
            && tokens.get(i + 1).is_some_and(|n| {
                self.is_name_word(n)
                    && !n.stop
                    && !is_honorific(&n.lower)
                    && joined(self.text, t, n)
            })
            && !self.usage.ordinary(t)
    }

    /// Whether the acronym at `i` is an ordinary word set in capitals at the opening of
    /// its sentence, as newspapers open a story ("A PATIENT who died", "SHOPKEEPER Kevan
    /// Roberts"): only capitals stand before it, it has three letters or more and no
    /// dots, and the document writes the word in lowercase too, or it is an occupation
    /// (see [`OCCUPATIONS`]). Before a name word, only
    /// an article or a word of four letters or more that the document never capitalizes
    /// mid-sentence is: "A CROWN Prosecution Service clerk" opens a name in a story that
    /// writes "the Crown", and "CTS Corp" in one that writes "cts" for cents. "U.S." and "UK" stay names, and so does "NHS"
    /// in an article that never writes "nhs". A line set in capitals has its own test
    /// (see [`is_shouting`]).
    fn lead_in(&self, tokens: &[Token], i: usize) -> bool {
        let t = &tokens[i];
        !self.shouting
            && tokens[..i].iter().all(|p| p.acronym || p.cap && p.stop)
            && (!tokens.get(i + 1).is_some_and(|n| n.cap && !n.acronym)
                || !self.usage.capitalized(t)
                    && (t.lower.chars().nth(3).is_some()
                        || matches!(t.lower.as_str(), "a" | "an" | "the")))
            && t.lower.chars().nth(2).is_some()
            && !self.text[t.range.clone()].contains('.')
            && (self.usage.ordinary(t) || is_occupation(&t.lower))
    }
}

/// A short lowercase word between hyphens inside a place's name ("Eccles-on-Sea",
/// "Stratford-upon-Avon", "Thorpe-le-Soken").
fn hyphened_connector(text: &str, before: &Token, t: &Token, after: Option<&Token>) -> bool {
    !t.cap
        && t.lower.chars().count() <= 5
        && t.lower.chars().all(char::is_alphabetic)
        && gap(text, before, t) == Some("-")
        && after.is_some_and(|a| gap(text, t, a) == Some("-"))
}

/// Two words of one name: adjacent, joined by a hyphen ("Kilroy-Silk", "Coca-Cola"), or
/// an initial or a title with its dot before the next word ("H. Rehnquist", "Sen. Ben").
fn joined(text: &str, a: &Token, b: &Token) -> bool {
    if adjacent(text, a, b) || gap(text, a, b) == Some("-") {
        return true;
    }
    let short = a.cap && (a.lower.chars().count() == 1 || TITLES.contains(&a.lower.as_str()));
    short
        && gap(text, a, b)
            .and_then(|gap| gap.strip_prefix('.'))
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c == ' '))
}

/// Two tokens separated by spaces only (no punctuation between them).
pub fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    gap(text, a, b).is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\n'))
}

/// The text between two tokens, if `a` comes before `b`.
pub fn gap<'t>(text: &'t str, a: &Token, b: &Token) -> Option<&'t str> {
    text.get(a.range.end..b.range.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::tokenize;

    /// Names `known` capitalized; a word whose stem follows a space in `text` ordinary.
    struct Known<'k> {
        known: &'k [&'k str],
        text: &'k str,
    }

    impl WordUsage for Known<'_> {
        fn capitalized(&self, t: &Token) -> bool {
            self.known.contains(&t.lower.as_str())
        }
        fn ordinary(&self, t: &Token) -> bool {
            self.text.contains(&format!(" {}", t.stem))
        }
    }

    fn check(text: &str, known: &[&str], expect: &[&str]) {
        let tokens = tokenize(text, 0);
        let usage = Known { known, text };
        let got: Vec<&str> = find_names(text, &tokens, is_shouting(&tokens), &[], &usage)
            .iter()
            .map(|n| &text[n.range.clone()])
            .collect();
        assert_eq!(got, expect);
    }

    /// A newspaper's opening words in capitals are ordinary words where the article
    /// writes them in lowercase too; a name or an acronym in capitals stays a name.
    #[test]
    fn opening_words_in_capitals() {
        let text = "A PATIENT who died had seen the NHS doctor. The patient was 63.";
        check(text, &[], &["NHS"]);
        let text = "A CROWN Prosecution Service clerk sold them. The Crown court heard it.";
        check(text, &["crown"], &["CROWN Prosecution Service", "Crown"]);
        // (Each check is one sentence, as `find_names` is asked.)
        let text = "SHOPKEEPER Kevan Roberts was jailed, the shopkeeper's wife said.";
        check(text, &[], &["Kevan Roberts"]);
        let text = "THE Metropolitan Police said the officers had left.";
        check(text, &[], &["Metropolitan Police"]);
        let text = "CTS Corp said it would pay 20 cts a share.";
        check(text, &[], &["CTS Corp"]);
        let text = "He met her two years BEFORE Thomas's murder, and before the trial.";
        check(text, &[], &["Thomas's"]);
        let text = "VICTORIA Beckham has admitted it. US officials told us so.";
        check(text, &[], &["VICTORIA Beckham", "US"]);
        let text = "NATO troops left. The troops were not from nato.";
        check(text, &[], &[]);
    }

    /// An occupation opening a sentence before a name is no word of it, in capitals or
    /// not, though the article never writes it in lowercase; nor is a word describing the
    /// person.
    #[test]
    fn an_occupation_opening_a_sentence_is_no_name_word() {
        check("Shopkeeper Rajesh Jain was robbed.", &[], &["Rajesh Jain"]);
        check(
            "SHOPKEEPER Kevan Roberts was jailed.",
            &[],
            &["Kevan Roberts"],
        );
        check("Teenager Sania Mirza won.", &[], &["Sania Mirza"]);
        // Nor is a word for the person's record.
        check(
            "Double Olympic champion Kelly Holmes won.",
            &[],
            &["Olympic", "Kelly Holmes"],
        );
        // A title stays a name's word.
        check("Judge Ann Marsh jailed him.", &[], &["Judge Ann Marsh"]);
    }

    /// A hyphen joins a name's words, and a short lowercase word between hyphens is part
    /// of a place's name; lowercase compounds stay out.
    #[test]
    fn hyphenated_names_are_one_name() {
        check(
            "Then Robert Kilroy-Silk visited Eccles-on-Sea and a well-known Coca-Cola plant.",
            &[],
            &["Robert Kilroy-Silk", "Eccles-on-Sea", "Coca-Cola"],
        );
    }

    #[test]
    fn runs_connectors_acronyms() {
        check(
            "Moreover, Lavrov met U.S. Secretary of State Marco Rubio and the ASEAN envoy.",
            &["lavrov"],
            &["Lavrov", "U.S. Secretary of State Marco Rubio", "ASEAN"],
        );
    }

    #[test]
    fn an_honorific_opens_a_name_of_its_own() {
        check(
            "Sources told the BBC Mr Howard had agreed, as ITV Sir Alan and Dr. Ruth Westheimer said, and Mr Howard too.",
            &[],
            &[
                "BBC",
                "Howard",
                "ITV",
                "Sir Alan",
                "Dr. Ruth Westheimer",
                "Howard",
            ],
        );
        // Nor is a sentence's first word a name for the honorific after it.
        check(
            "Whistleblower Dr Stephen Bolsin spoke. Chairman Sir Alan Budd agreed. \
             Finding Pc Hendricks not guilty, the magistrate left.",
            &[],
            &["Dr Stephen Bolsin", "Sir Alan Budd", "Pc Hendricks"],
        );
    }

    #[test]
    fn initials_and_titles_with_dots_stay_inside() {
        check(
            "Sen. Ben Nelson, Chief Justice William H. Rehnquist and Adm. Hal Gehman met.",
            &[],
            &[
                "Sen. Ben Nelson",
                "Chief Justice William H. Rehnquist",
                "Adm. Hal Gehman",
            ],
        );
        // A dot after a whole word still ends the name, and a weekday is no name.
        check(
            "They met Ben Nelson. Sen Smith spoke in Thursday's round.",
            &["smith"],
            &["Ben Nelson", "Sen Smith"],
        );
        // Nor is "I" contracted.
        check(
            "He shouted to say I've been attacked and I'd call Ben Nelson.",
            &[],
            &["Ben Nelson"],
        );
    }

    #[test]
    fn sentence_initial_needs_evidence() {
        check(
            "Speculation grew. Peskov said so.",
            &["peskov"],
            &["Peskov"],
        );
        check(
            "Former Russian diplomat Boris Bondarev spoke.",
            &[],
            &["Former Russian", "Boris Bondarev"],
        );
        // A word the document writes in lowercase is no name at a sentence's start.
        check(
            "Torturing Guillermo Saladort was alleged. He denied all torture.",
            &[],
            &["Guillermo Saladort"],
        );
        // A function word opening a sentence is no name, unless the document
        // capitalizes it mid-sentence too.
        check(
            "Throughout China's mainland it spread. Besides Japan, Korea acted.",
            &[],
            &["China's", "Japan", "Korea"],
        );
        check("Next Retail grew.", &["next"], &["Next Retail"]);
    }

    #[test]
    fn heads_are_sorted() {
        assert!(HEADS.windows(2).all(|w| w[0] < w[1]));
    }

    /// A head noun opening a name takes the capitalized word before it, though the
    /// document writes that word in lowercase elsewhere.
    #[test]
    fn a_head_noun_takes_the_word_before_it() {
        check(
            "Downing Street denied it. White House aides agreed. Prices went down as \
             the white paper said.",
            &[],
            &["Downing Street", "White House"],
        );
    }

    #[test]
    fn occupations_are_sorted() {
        assert!(OCCUPATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn describing_words_are_sorted() {
        assert!(DESCRIBING.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn openers_are_sorted_lowercase_and_not_stopwords() {
        assert!(OPENERS.windows(2).all(|w| w[0] < w[1]));
        for w in OPENERS {
            assert_eq!(w.to_lowercase(), *w);
            assert!(
                !crate::text::words::is_stopword(w),
                "{w} is a stopword already"
            );
        }
    }

    #[test]
    fn a_sentence_in_capitals_names_only_known_words() {
        check(
            "SEVEN YEARS FOR WOMAN WHO TORTURED HUSBAND IN NORWICH",
            &["norwich"],
            &["NORWICH"],
        );
        check("JURY HEARS BBC EVIDENCE", &["bbc"], &["BBC"]);
        // Two capitalized words are not yet a line in capitals.
        check("BBC NEWS", &[], &["BBC NEWS"]);
    }
}
