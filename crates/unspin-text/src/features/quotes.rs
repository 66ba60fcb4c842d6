//! Direct quotes and who said them.
//!
//! Quotes are found per paragraph (a quote may span several sentences) in `"…"`, `“…”`,
//! `«…»` and `‘…’`, telling apostrophes from single quotes. Double marks pair as
//! [`crate::text::marks`] reads them, as sentence splitting does. A "wrapper" quote that only reports another quote (`"A source told the
//! FT that 'X'"`) gives way to the inner one.
//!
//! The speaker comes from the frame around the quote: `"…," X said`, `said X`, `X told
//! … that "…"`, `according to X`, `…, saying "…"` (the sentence's subject), and pronouns
//! or "the source" carried back to the last named speaker.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::cues;
use super::names::{
    NameMention, adjacent, gap, is_calendar_word, is_describing, is_honorific, is_opener,
};
use crate::text::marks::{Mark, double_marks};
use crate::text::normalize::{Normalized, QuoteDir};
use crate::text::words::{Token, tokenize};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// How to show the speaker: "Dmitry Peskov", "a person familiar with the matter".
    pub display: String,
    /// What identifies the speaker across articles: a surname, else the phrase.
    pub key: String,
}

impl Speaker {
    /// The person's name the label ends in: its capitalised words after any role or
    /// title, at least a first name and a surname, the last the speaker's key ("Boris
    /// Bondarev" in "Former Russian diplomat Boris Bondarev" and in "Mr Boris
    /// Bondarev"); none for "a BBC spokesman" or "Peter Saunders of the CMF".
    pub fn person_name(&self) -> Option<&str> {
        let capitalised =
            |w: &&str| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase);
        let words: Vec<&str> = self.display.split(' ').collect();
        let n = words
            .iter()
            .rev()
            .take_while(|w| capitalised(w) && !is_honorific(&w.to_lowercase()))
            .count();
        let name = &words[words.len() - n..];
        let len = name
            .iter()
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .saturating_sub(1);
        // A title written in capitals ("Prime Minister") is no name.
        let role = is_role_word(&self.key);
        (n >= 2 && !role && name.last()?.to_lowercase() == self.key)
            .then(|| &self.display[self.display.len() - len..])
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Normalized range including the quote marks.
    pub outer: Range<usize>,
    /// Normalized range of the quoted words.
    pub inner: Range<usize>,
    pub speaker: Option<Speaker>,
    /// The quote this one lies inside (`"You described him as 'not an angel'"`), an
    /// index into the document's quotes: its words are that quote's too.
    pub within: Option<usize>,
}

/// Quotes in one paragraph (normalized range `para`), without speakers.
pub fn find_quotes(norm: &Normalized, para: Range<usize>) -> Vec<Quote> {
    let text = &norm.text;
    let Some(ptext) = text.get(para.clone()) else {
        return Vec::new();
    };
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for (at, mark) in double_marks(norm, para.clone()) {
        match mark {
            Mark::Open => open = Some(at),
            Mark::Reopen { opened } => {
                let end = text[..at].trim_end().len();
                push_quote(&mut quotes, text, opened, end);
                open = Some(at);
            }
            Mark::Close { opened } => {
                push_quote(&mut quotes, text, opened, at + 1);
                open = None;
            }
        }
    }
    let mut single_open: Option<usize> = None;
    for (rel, _) in ptext.char_indices().filter(|&(_, c)| c == '\'') {
        let at = para.start + rel;
        let prev = text[..at].chars().next_back();
        let next = text[at + 1..].chars().next();
        let dir = norm.quote_dir(at);
        let prev_alnum = prev.is_some_and(char::is_alphanumeric);
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        if prev_alnum && next_alnum {
            continue; // apostrophe
        }
        let can_open = dir != QuoteDir::Close
            && next_alnum
            && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '"' | '(' | '-'));
        let can_close = dir != QuoteDir::Open
            && !next_alnum
            && prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?'));
        if let (true, Some(start)) = (can_close, single_open) {
            push_quote(&mut quotes, text, start, at + 1);
            single_open = None;
        } else if can_open {
            single_open = Some(at);
        }
    }
    // An unclosed quote that runs on to the end of the paragraph (news style for a
    // quote continued in the next paragraph).
    if let Some(start) = open
        && text[start..para.end].split_whitespace().count() >= 3
    {
        push_quote(&mut quotes, text, start, para.end);
    }
    quotes.sort_by_key(|q| (q.outer.start, std::cmp::Reverse(q.outer.end)));
    drop_wrappers(text, quotes)
}

fn push_quote(quotes: &mut Vec<Quote>, text: &str, start: usize, end: usize) {
    let inner_start = start + 1;
    let inner_end = if text[..end].ends_with(['"', '\'']) && end > inner_start {
        end - 1
    } else {
        end
    };
    let inner = &text[inner_start..inner_end];
    // A lone letter between quote marks is a contraction ("rock 'n' roll"), not speech.
    if inner
        .chars()
        .filter(|c| c.is_alphanumeric())
        .nth(1)
        .is_none()
        || inner.len() > 4000
    {
        return;
    }
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim().trim_end_matches([',', ' ']);
    quotes.push(Quote {
        outer: start..end,
        inner: inner_start + lead..inner_start + lead + trimmed.len(),
        speaker: None,
        within: None,
    });
}

/// Drop a quote that contains another quote when its own words (outside the inner
/// quote) are a short report of speech: it is a paraphrase's framing, not a quotation.
/// A long quote that reports speech in passing ("You described him to witnesses as 'not
/// an angel'. I have no doubt …") is a quotation.
fn drop_wrappers(text: &str, quotes: Vec<Quote>) -> Vec<Quote> {
    /// The most words a framing has ("A source remarked to the Times that").
    const FRAMING_WORDS: usize = 12;
    let mut keep = vec![true; quotes.len()];
    for (i, outer) in quotes.iter().enumerate() {
        // Sorted by start, longest first: the quotes inside this one follow it and start
        // before it ends (scanning them all made a paragraph of n quotes cost n²).
        let until = quotes.partition_point(|q| q.outer.start < outer.outer.end);
        let inside: Vec<&Quote> = quotes
            .get(i + 1..until)
            .unwrap_or(&[])
            .iter()
            .filter(|q| q.outer != outer.outer && q.outer.end <= outer.outer.end)
            .collect();
        if inside.is_empty() {
            continue;
        }
        let mut own = String::new();
        let mut at = outer.inner.start;
        for q in &inside {
            own.push_str(text.get(at..q.outer.start).unwrap_or(""));
            own.push(' ');
            at = q.outer.end;
        }
        own.push_str(text.get(at..outer.inner.end.max(at)).unwrap_or(""));
        let words = tokenize(&own, 0);
        if words.len() <= FRAMING_WORDS && words.iter().any(|t| t.attribution) {
            keep[i] = false;
        }
    }
    quotes
        .into_iter()
        .zip(keep)
        .filter_map(|(q, k)| k.then_some(q))
        .collect()
}

/// A sentence as the attribution step sees it.
pub struct SentenceView<'a> {
    pub range: Range<usize>,
    pub tokens: &'a [Token],
    pub names: &'a [NameMention],
}

/// Fill in `speaker` and `within` for every quote, in document order. `all_names` lists
/// every name mention of the document (to expand "Peskov" to "Dmitry Peskov").
pub fn attribute(
    text: &str,
    quotes: &mut [Quote],
    sentences: &[SentenceView<'_>],
    all_names: &[NameMention],
) {
    if quotes.is_empty() {
        return;
    }
    let fullest = Fullest::new(text, all_names);
    let mut last: Option<Speaker> = None;
    let spans: Vec<Range<usize>> = quotes.iter().map(|q| q.outer.clone()).collect();
    let cover = Cover::new(&spans);
    let mut starts: Vec<usize> = spans.iter().map(|r| r.start).collect();
    starts.sort_unstable();
    let mut ends: Vec<usize> = spans.iter().map(|r| r.end).collect();
    ends.sort_unstable();
    // The furthest end among the quotes before each one: a quote can only be nested in
    // an earlier one that reaches past its end.
    let mut reach = 0;
    let reach_before: Vec<usize> = spans
        .iter()
        .map(|r| {
            let before = reach;
            reach = reach.max(r.end);
            before
        })
        .collect();
    // Sentences without quotes that report someone's words ("X responded …") introduce
    // the speaker a later "she said" refers to.
    let mut reporters: Vec<(Range<usize>, Speaker)> = Vec::new();
    for s in sentences {
        let outside: Vec<&Token> = s
            .tokens
            .iter()
            .filter(|t| !cover.contains(&t.range))
            .collect();
        if outside.len() < s.tokens.len() {
            continue;
        }
        // "Mr Grobbelaar said that Mr Vincent said it would be easy": the one who says
        // "that" reports; the clause after it is what he reports, its verbs included.
        // Not when the sentence opens on a clause ("Asked if he thought that Sands
        // …, Mr McPhilemy said").
        let main_verb = outside.iter().position(|t| t.attribution);
        let outside = match main_verb.filter(|&v| v > 0 && !cues::is_participle(&outside[v].lower))
        {
            Some(v) => match outside[v..].iter().position(|t| t.lower == "that") {
                Some(that) => &outside[..v + that],
                None => &outside[..],
            },
            None => &outside[..],
        };
        let frame = Frame {
            text,
            sentence: s,
            before: outside,
            after: &[],
        };
        if let Some(Phrase::Tokens(np)) = frame.speaker_phrase()
            && np.iter().any(|t| t.cap && !cues::is_pronoun(&t.lower))
            && let Some(sp) = resolve(text, &np, &frame, s.range.end, None, &fullest)
        {
            reporters.push((s.range.clone(), sp));
        }
    }
    // Sentences that open on a named person ("In interviews Morrison, known as Mogsy,
    // portrayed himself …") say whom a later "he" or "she" means, if no one has spoken
    // since.
    let subjects: Vec<(usize, Option<Speaker>)> = sentences
        .iter()
        .filter_map(|s| Some((s.range.end, opening_person(text, s, &fullest, &cover)?)))
        .collect();
    let mut next_subject = 0;
    // The people sentences opened on since one opened on something else, latest last.
    let mut opened_on: Vec<(usize, Speaker)> = Vec::new();
    let mut last_at = 0;
    let mut next_reporter = 0;
    for qi in 0..quotes.len() {
        let q = quotes[qi].outer.clone();
        while next_reporter < reporters.len() && reporters[next_reporter].0.start < q.start {
            last = Some(reporters[next_reporter].1.clone());
            last_at = reporters[next_reporter].0.end;
            next_reporter += 1;
        }
        while next_subject < subjects.len() && subjects[next_subject].0 <= q.start {
            match &subjects[next_subject] {
                (at, Some(sp)) => opened_on.push((*at, sp.clone())),
                (_, None) => opened_on.clear(),
            }
            next_subject += 1;
        }
        // A quote nested in another quote belongs to the outer speaker.
        if let Some(outer) = (0..qi)
            .rev()
            .take_while(|_| reach_before[qi] >= q.end)
            .find(|&o| spans[o].start <= q.start && q.end <= spans[o].end)
        {
            quotes[qi].speaker = quotes[outer].speaker.clone();
            quotes[qi].within = Some(outer);
            continue;
        }
        // Sentences are in text order and do not overlap: binary searches find the
        // sentence the quote starts in and the last one it reaches.
        let s_start = sentences.partition_point(|s| s.range.end.max(s.range.start + 1) <= q.start);
        if sentences
            .get(s_start)
            .is_none_or(|s| s.range.start > q.start)
        {
            continue;
        }
        let s_end = sentences
            .partition_point(|s| s.range.start < q.end)
            .saturating_sub(1)
            .max(s_start);
        let in_quote = |t: &Token| cover.contains(&t.range);
        // The last quote end before this quote, the first quote start after it.
        let prev_end = ends[..ends.partition_point(|&e| e <= q.start)]
            .last()
            .copied()
            .unwrap_or(0);
        let next_start = starts
            .get(starts.partition_point(|&st| st < q.end))
            .copied()
            .unwrap_or(usize::MAX);
        let before: Vec<&Token> = tokens_within(sentences[s_start].tokens, prev_end, q.start)
            .iter()
            .filter(|t| !in_quote(t))
            .collect();
        let after: Vec<&Token> = tokens_within(sentences[s_end].tokens, q.end, next_start)
            .iter()
            .filter(|t| !in_quote(t))
            .collect();
        let frame = Frame {
            text,
            sentence: &sentences[s_start],
            before: &before,
            after: &after,
        };
        let phrase = frame.speaker_phrase();
        // Whom "he" or "she" means: the latest person a sentence opened on since the
        // last speaker, else the one who spoke last; not one a title or first name
        // says otherwise of ("Mrs Quinn" is no "he"). Nor one the quote names: "I've
        // had a quiet word with Olof" is not Olof Mellberg's but that of the person
        // an earlier sentence opened on.
        let pronoun = match &phrase {
            Some(Phrase::Tokens(toks)) => toks.last().map(|t| t.lower.as_str()),
            _ => None,
        };
        let quoted = text.get(quotes[qi].inner.clone()).unwrap_or("");
        let named = |sp: &Speaker| pronoun_sex(pronoun).is_some() && names(quoted, sp);
        let mut opened = opened_on
            .iter()
            .rev()
            .take_while(|(at, _)| *at > last_at)
            .map(|(_, sp)| sp)
            .skip_while(|sp| named(sp));
        let referent = match opened.next() {
            Some(sp) if !other_sex(pronoun, &sp.display) => Some(sp),
            _ => last
                .as_ref()
                .filter(|sp| !other_sex(pronoun, &sp.display) && !named(sp)),
        };
        let speaker = match phrase {
            Some(Phrase::Tokens(toks)) => resolve(text, &toks, &frame, q.start, referent, &fullest),
            Some(Phrase::Noun(word)) => Some(Speaker {
                display: word.clone(),
                key: word,
            }),
            None if before.is_empty() && after.is_empty() => last.clone(),
            None => None,
        };
        if let Some(s) = &speaker {
            last = Some(s.clone());
            last_at = sentences[s_end].range.end;
        }
        quotes[qi].speaker = speaker;
    }
    one_label_per_person(quotes);
}

/// Show one person under one label in a document: the first that gives the name with a
/// role ("Former Russian diplomat Boris Bondarev") also stands for the bare name
/// ("Boris Bondarev") and for the same name with another role, so a change list does
/// not seem to name two people.
fn one_label_per_person(quotes: &mut [Quote]) {
    let mut labels: FxHashMap<String, String> = FxHashMap::default();
    for q in quotes.iter() {
        if let Some(sp) = &q.speaker
            && let Some(name) = sp.person_name()
        {
            let label = labels
                .entry(name.to_string())
                .or_insert_with(|| name.to_string());
            if label.len() == name.len() && sp.display.len() > name.len() {
                label.clone_from(&sp.display);
            }
        }
    }
    for q in quotes.iter_mut() {
        if let Some(sp) = &mut q.speaker
            && let Some(label) = sp.person_name().and_then(|name| labels.get(name))
        {
            sp.display.clone_from(label);
        }
    }
}

/// The person a sentence opens on, as its subject: a name within its first four words
/// ("Dover coroner Richard Sturt recorded", "In interviews Morrison, known as Mogsy,
/// portrayed"), outside quotes, after no pronoun or reporting verb ("He said Mr Blunkett
/// had"), that the document gives a person's fuller form or a title; none for a name in
/// the possessive ("Holmes' presence would be") or one of no person opening it
/// ("Labour will not hold"): that sentence is about something else.
fn opening_person(
    text: &str,
    s: &SentenceView<'_>,
    fullest: &Fullest<'_>,
    cover: &Cover,
) -> Option<Option<Speaker>> {
    let mut opens_on_other = false;
    for (k, name) in s.names.iter().enumerate() {
        let lead: Vec<&Token> = s
            .tokens
            .iter()
            .take_while(|t| t.range.start < name.range.start)
            .collect();
        // An opening clause closed by a comma ("After hearing her evidence, Professor
        // Kennedy professed") sets the scene: the name after it is the subject.
        let scene = lead.len() <= 8
            && lead
                .last()
                .is_some_and(|t| text.get(t.range.end..name.range.start) == Some(", "));
        let reported = lead
            .iter()
            .any(|t| t.attribution || !scene && cues::is_pronoun(&t.lower));
        if lead.len() > 3 && !scene || reported || cover.contains(&name.range) {
            break;
        }
        let after = text.get(name.range.end..).unwrap_or("");
        if after.starts_with(['\'', '\u{2019}']) {
            return Some(None);
        }
        // A person: one the document also names by surname, or whose title or common
        // given name says so ("Liam Gallagher", where two Gallaghers go by first name).
        let person = |n: &NameMention| {
            // (A title before them: "Professor Ian Kennedy".)
            let titled = n.words.len() >= 2
                && n.words[..n.words.len() - 1]
                    .iter()
                    .take(2)
                    .any(|w| is_honorific(w) || cues::is_given_name(w));
            fullest.person(n) || titled
        };
        if person(name) {
            // "Manchester United manager Sir Alex Ferguson": a role in lower case joins
            // the name to the person it describes.
            let role_of = k + 1 < s.names.len() && {
                let next = &s.names[k + 1];
                let between: Vec<&Token> = s
                    .tokens
                    .iter()
                    .filter(|t| name.range.end <= t.range.start && t.range.end <= next.range.start)
                    .collect();
                !between.is_empty()
                    && between.len() <= 2
                    && between
                        .iter()
                        .all(|t| !t.cap && ROLES.contains(&t.lower.as_str()))
                    && person(next)
            };
            let named = if role_of { &s.names[k + 1] } else { name };
            return Some(Some(name_speaker(text, named, None, fullest)));
        }
        opens_on_other |= lead.is_empty();
    }
    opens_on_other.then_some(None)
}

/// Words for the role a name gives the person after it ("Manchester United manager Sir
/// Alex Ferguson").
const ROLES: &[&str] = &[
    "boss",
    "captain",
    "chairman",
    "chief",
    "coach",
    "director",
    "editor",
    "executive",
    "founder",
    "head",
    "leader",
    "manager",
    "minister",
    "president",
    "secretary",
    "skipper",
    "spokesman",
    "spokeswoman",
    "star",
];

/// Whether a speaker's title or first name says they are not who `pronoun` ("he",
/// "she") stands for: "Mrs Quinn" or "Kelly Holmes" is no "he".
fn other_sex(pronoun: Option<&str>, display: &str) -> bool {
    let Some(want) = pronoun_sex(pronoun) else {
        return false;
    };
    cues::sex_of_name(display.split_whitespace()).is_some_and(|sex| sex != want)
}

/// Whom a personal pronoun stands for: "he"/"his" a man, "she"/"her" a woman.
fn pronoun_sex(pronoun: Option<&str>) -> Option<cues::Sex> {
    match pronoun {
        Some("he" | "his") => Some(cues::Sex::He),
        Some("she" | "her") => Some(cues::Sex::She),
        _ => None,
    }
}

/// A word for someone's role ("manager", "spokesman", "minister").
fn is_role_word(lower: &str) -> bool {
    ROLES.contains(&lower) || cues::is_speaker_phrase_word(lower)
}

/// Whether `quoted` names the person `speaker` by surname or first name ("Olof",
/// "Mellberg" for "Olof Mellberg"): people rarely speak of themselves so. Only for a
/// label ending in a person's name (see [`Speaker::person_name`]): an organisation ("Peter
/// Saunders of the CMF", "A BBC spokesman") often names itself.
fn names(quoted: &str, speaker: &Speaker) -> bool {
    let Some(name) = speaker.person_name() else {
        return false;
    };
    let mut words = name.rsplit(' ');
    let (surname, given) = (words.next(), words.next());
    quoted
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .map(|w| w.strip_suffix("'s").unwrap_or(w))
        .any(|w| Some(w) == surname || Some(w) == given)
}

/// The tokens (in text order) lying wholly in `from..to`, found by binary search: a
/// sentence holding many quotes would otherwise be scanned once per quote.
fn tokens_within(tokens: &[Token], from: usize, to: usize) -> &[Token] {
    let first = tokens.partition_point(|t| t.range.start < from);
    let end = tokens.partition_point(|t| t.range.end <= to);
    tokens.get(first..end).unwrap_or(&[])
}

/// Whether a byte range lies wholly inside one of a set of spans, in O(log n): the
/// largest end among the spans starting at or before the range's start reaches its end.
struct Cover {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Cover {
    fn new(spans: &[Range<usize>]) -> Cover {
        let mut sorted: Vec<(usize, usize)> = spans.iter().map(|r| (r.start, r.end)).collect();
        sorted.sort_unstable();
        let mut reach = 0;
        Cover {
            starts: sorted.iter().map(|&(start, _)| start).collect(),
            max_end: sorted
                .iter()
                .map(|&(_, end)| {
                    reach = reach.max(end);
                    reach
                })
                .collect(),
        }
    }

    fn contains(&self, r: &Range<usize>) -> bool {
        let k = self.starts.partition_point(|&start| start <= r.start);
        k > 0 && self.max_end[k - 1] >= r.end
    }
}

/// Where a noun phrase stands. After its verb ("said the national team coach") it runs
/// to a break; as a sentence's subject its own verb follows unmarked ("A witness
/// remembered seeing"), so only an article and its noun are sure to be the phrase.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    AfterVerb,
    Subject,
}

enum Phrase<'a> {
    Tokens(Vec<&'a Token>),
    Noun(String),
}

struct Frame<'a, 'b> {
    text: &'a str,
    sentence: &'b SentenceView<'a>,
    before: &'b [&'a Token],
    after: &'b [&'a Token],
}

/// The words before a reporting verb that say who spoke: without adverbs ("He
/// ultimately announced", "The newspaper also said"), without the auxiliaries and the
/// time that end the phrase ("the attorney general has again said", "Marco Pierre White
/// yesterday said"), and without the setting that opens it ("A month later Mr Blunkett",
/// "And today Detective Inspector Paul Chapman", "Also giving evidence Ms Adams's
/// sister": an honorific after such ordinary words opens the speaker, unless a role
/// comes before it, as in "lawyers for Mrs Jones", and a title stays, as in "Judge Mr
/// Justice Owen").
fn who_spoke<'a>(text: &str, words: &[&'a Token]) -> Vec<&'a Token> {
    const SETTING: &[&str] = &[
        "afternoon",
        "and",
        "but",
        "day",
        "evening",
        "last",
        "meanwhile",
        "month",
        "morning",
        "night",
        "today",
        "tonight",
        "week",
        "year",
        "yesterday",
    ];
    // A time word joined to the next by a hyphen is part of a compound ("67-year-old"),
    // and "and" between honorifics joins a couple ("Mr and Mrs Marshall").
    let compounds: Vec<usize> = words
        .windows(2)
        .filter(|w| gap(text, w[0], w[1]) == Some("-"))
        .map(|w| w[0].range.start)
        .chain(
            words
                .windows(3)
                .filter(|w| couple(w))
                .map(|w| w[1].range.start),
        )
        .collect();
    let setting =
        |t: &&Token| SETTING.contains(&t.lower.as_str()) && !compounds.contains(&t.range.start);
    // Adverbs of the list go wherever they stand ("the then chairman"); a "-ly" word only
    // where it ends the phrase ("He ultimately announced"), as inside it one describes
    // who spoke ("an elderly neighbour").
    let mut np: Vec<&Token> = words
        .iter()
        .copied()
        .filter(|t| !is_adverb(t) || t.lower.ends_with("ly"))
        .collect();
    while np
        .last()
        .is_some_and(|t| AUXILIARIES.contains(&t.lower.as_str()) || setting(t) || is_adverb(t))
    {
        np.pop();
    }
    let speaker_word = |t: &&Token| {
        let singular = t.lower.strip_suffix('s').unwrap_or(&t.lower);
        cues::is_speaker_phrase_word(&t.lower) || cues::is_speaker_phrase_word(singular)
    };
    let role = |t: &&Token| speaker_word(t) && !t.stop;
    let honorific = np.iter().position(|t| is_honorific(&t.lower)).filter(|&h| {
        let before = &np[..h];
        before.iter().any(|t| !t.cap && !speaker_word(t)) && !before.iter().any(role)
    });
    let opens = honorific.or_else(|| np.iter().rposition(setting).map(|s| s + 1));
    if let Some(start) = opens.filter(|&s| s < np.len()) {
        np.drain(..start);
    }
    np
}

/// Auxiliaries that end the words before a reporting verb ("has again said").
const AUXILIARIES: &[&str] = &[
    "can", "could", "did", "do", "does", "had", "has", "have", "is", "may", "might", "must",
    "should", "was", "were", "will", "would",
];

/// Whether a word before a reporting verb is an adverb: a lowercase "-ly" word other
/// than the nouns among them ("The family said", "the daily reported") or one of the
/// adverbs that sit there most.
fn is_adverb(t: &Token) -> bool {
    const ADVERBS: &[&str] = &[
        "again", "already", "also", "earlier", "even", "later", "now", "once", "soon", "still",
        "then", "too", "yet",
    ];
    const LY_NOUNS: &[&str] = &[
        "ally",
        "assembly",
        "bully",
        "daily",
        "family",
        "monthly",
        "quarterly",
        "rally",
        "weekly",
    ];
    !t.cap
        && (t.lower.ends_with("ly") && !LY_NOUNS.contains(&t.lower.as_str())
            || ADVERBS.contains(&t.lower.as_str()))
}

/// Whether two words of a speaker phrase are next to each other: only spaces between
/// them, or one hyphen ("the 67-year-old", "co-founder"). (A name's words join
/// otherwise: see `names::joined`.)
fn phrase_joined(text: &str, a: &Token, b: &Token) -> bool {
    adjacent(text, a, b) || gap(text, a, b) == Some("-")
}

/// "The 67-year-old": a person the text named before, as "he" is.
fn is_age_reference(np: &[&Token]) -> bool {
    let np = match np {
        [t, rest @ ..] if t.lower == "the" => rest,
        _ => np,
    };
    matches!(np, [n, y, o] if n.numeric
        && matches!(y.lower.as_str(), "year" | "years")
        && o.lower == "old")
}

/// Whether the reporting verb `words[v]` is in the passive ("Bristol Crown Court was
/// told", "jurors were told", "job losses were soon announced"): its subject is who
/// heard the words or what was said, not who said it. Not "is saying" (who speaks),
/// nor "was quoted" (whose words they are).
fn passive(words: &[&Token], v: usize) -> bool {
    let verb = words[v].lower.as_str();
    !verb.ends_with("ing")
        && verb != "quoted"
        && words[..v]
            .iter()
            .rev()
            .find(|t| !is_adverb(t))
            .is_some_and(|t| BE.contains(&t.lower.as_str()))
}

/// The forms of "be", which make a passive and end a speaker phrase ("Rangers have been
/// informed").
const BE: &[&str] = &["are", "be", "been", "being", "is", "was", "were"];

/// Prepositions: no speaker phrase opens on one.
const PREPOSITIONS: &[&str] = &[
    "about", "after", "against", "at", "before", "by", "during", "for", "from", "in", "into", "of",
    "on", "over", "since", "to", "under", "until", "with", "without",
];

/// Reporting verbs that come before who spoke after a comma ("…, observes Ms
/// Alexander.").
const INVERTED: &[&str] = &[
    "added",
    "adds",
    "admits",
    "asked",
    "asks",
    "continued",
    "continues",
    "explained",
    "explains",
    "insists",
    "noted",
    "notes",
    "observed",
    "observes",
    "recalled",
    "recalls",
    "replied",
    "replies",
    "said",
    "says",
    "warned",
    "warns",
];

/// Honorific, "and", honorific: a couple ("Mr and Mrs Marshall"), one speaker.
fn couple(words: &[&Token]) -> bool {
    matches!(words, [a, and, b] if and.lower == "and" && is_honorific(&a.lower) && is_honorific(&b.lower))
}

const CLAUSE_WORDS: &[&str] = &[
    "that", "what", "which", "who", "and", "but", "as", "while", "when", "after", "because", "if",
    "where", "whom", "whether", "although", "though", "unless", "until", "since", "than",
];

impl<'a> Frame<'a, '_> {
    /// The run of at most 8 words joined to each other that ends before `words[v]`, the
    /// reporting verb; a clause word ("whether", "that") ends it. An age set off by
    /// commas ("Mr Jones, 47, said") stands for the run before it, and so do asides set
    /// off by a comma before them: a role ("Adrian Redgrave, QC, prosecuting said"), or
    /// where the speaker is from ("Emmanuel Ferry, from Exane BNP Paribas told").
    fn words_before<'w>(&self, words: &'w [&'a Token], v: usize) -> &'w [&'a Token] {
        if let Some(named) = self.set_off_name(words, v) {
            return named;
        }
        let mut start = self.run_start(words, v);
        if start == v && self.age_before(words, v) {
            return &words[self.run_start(words, v - 2)..v - 1];
        }
        let mut end = v;
        const POST_NOMINALS: &[&str] = &["cbe", "jp", "kc", "mbe", "mep", "mp", "msp", "obe", "qc"];
        let aside = |run: &[&Token]| match run {
            [t] if POST_NOMINALS.contains(&t.lower.as_str()) => true,
            [t, ..] => {
                !t.cap && t.lower.ends_with("ing") || PREPOSITIONS.contains(&t.lower.as_str())
            }
            [] => false,
        };
        // A role ("Christian Aid's head of trade policy", "editor of Digital Camera
        // magazine") describes a full name before it ("Andrew Pendleton"), not a time
        // or a setting ("On Tuesday, deputy prime minister Mr Prescott told"); a role
        // right before a name ("chief executive Helmut Panke") is no aside but who.
        let role = |t: &Token| !t.cap && !t.stop && is_role_word(&t.lower);
        let role_aside = |run: &[&Token]| {
            run.iter().any(|t| role(t)) && !run.windows(2).any(|w| role(w[0]) && w[1].cap)
        };
        // A full name, after a description joined by a hyphen if any ("Leeds-born Mr
        // Hale", "Bristol-based Jane Kent").
        let full_name = |run: &[&Token]| {
            let tail = run
                .iter()
                .rev()
                .take_while(|t| t.cap && (!t.stop || is_honorific(&t.lower)))
                .count();
            let name = &run[run.len() - tail..];
            let described = match run.len() - tail {
                0 => true,
                2 => !run[1].cap && gap(self.text, run[0], run[1]) == Some("-"),
                _ => false,
            };
            name.len() >= 2
                && described
                && !is_opener(&name[0].lower)
                && !name.iter().any(|t| is_calendar_word(&t.lower))
        };
        // A comma right before the verb closes an aside of its own ("Andrew Pendleton,
        // Christian Aid's head of trade policy, said"): kept only if it proves one.
        let comma_before = |i: usize| i > 0 && gap(self.text, words[i - 1], words[i]) == Some(", ");
        let bare = start == v && comma_before(v);
        if bare {
            start = self.run_start(words, v - 1);
        }
        for _ in 0..3 {
            if !comma_before(start) {
                break;
            }
            let before = self.run_start(words, start - 1);
            // The words before the comma must name someone.
            let names = words[before..start].iter().any(|t| t.cap && !t.stop);
            // Closed by commas on both sides, a phrase opening on an article describes
            // the full name before it whatever its noun ("Mr Hale, a former teacher of
            // children, said"); not so without the comma before the verb ("Mr Hale, the
            // council said").
            let described =
                bare && end == v && matches!(words[start].lower.as_str(), "a" | "an" | "the");
            let set_off = aside(&words[start..end]) && names
                || (role_aside(&words[start..end]) || described)
                    && full_name(&words[before..start]);
            if !set_off {
                break;
            }
            end = start;
            start = before;
        }
        if bare && end == v {
            return &words[v..v];
        }
        &words[start..end]
    }

    /// A name set off before the verb `words[v]` that is the one speaking, not the
    /// phrase around it: between dashes ("Banfield's boss - Deputy Chief Constable Tom
    /// Lloyd - said"), or before a relative clause closed by a comma ("Leslie, who
    /// played the Queen Vic's landlord, said").
    fn set_off_name<'w>(&self, words: &'w [&'a Token], v: usize) -> Option<&'w [&'a Token]> {
        let before = v.checked_sub(1)?;
        let gap_before = |i: usize| {
            i.checked_sub(1)
                .and_then(|p| gap(self.text, words[p], words[i]))
                .map(str::trim)
        };
        let named = |run: &'w [&'a Token]| run.iter().any(|t| t.cap && !t.stop).then_some(run);
        let dash = |g: Option<&str>| matches!(g, Some("-" | "--"));
        if dash(gap_before(v)) {
            // Only after a description: in "Mr Bez - himself a former executive at
            // rival Porsche - said" the aside describes the one named before it.
            let start = self.run_start(words, before);
            let described = start.checked_sub(1).is_some_and(|p| !words[p].cap);
            return if dash(gap_before(start)) && described {
                named(&words[start..v])
            } else {
                None
            };
        }
        if gap_before(v) != Some(",") {
            return None;
        }
        // The clause runs from "who" to the comma before the verb, with no comma inside.
        let who = (0..before)
            .rev()
            .take_while(|&i| gap_before(i + 1) != Some(","))
            .find(|&i| words[i].lower == "who")?;
        if gap_before(who) != Some(",") || !words[who.checked_sub(1)?].cap {
            return None;
        }
        // Not a place someone is from ("Helen Flanagan, of Bolton, Greater Manchester,
        // who"), nor a description of the one named before it ("Mr Hamilton, the
        // former MP for Tatton, who").
        let start = self.run_start(words, who - 1);
        let aside = gap_before(start) == Some(",")
            && (matches!(words[start].lower.as_str(), "the" | "a" | "an")
                || matches!(
                    words[self.run_start(words, start - 1)].lower.as_str(),
                    "of" | "from"
                ));
        if aside {
            return None;
        }
        named(&words[start..who])
    }

    /// Where the run of joined words that reaches `words[end]` starts (at most 8 words
    /// back, not past a clause word).
    fn run_start(&self, words: &[&'a Token], end: usize) -> usize {
        let mut start = end;
        while start > 0
            && end - start < 8
            && phrase_joined(self.text, words[start - 1], words[start])
            && (!CLAUSE_WORDS.contains(&words[start - 1].lower.as_str())
                || couple(&words[start.saturating_sub(2)..=start]))
        {
            start -= 1;
        }
        start
    }

    /// Whether an age set off by commas stands right before `words[v]` ("Mr Jones, 47,
    /// said").
    fn age_before(&self, words: &[&'a Token], v: usize) -> bool {
        let comma = |a: &Token, b: &Token| gap(self.text, a, b) == Some(", ");
        v >= 2
            && v < words.len()
            && words[v - 1].numeric
            && comma(words[v - 1], words[v])
            && comma(words[v - 2], words[v - 1])
    }

    /// For a verb inside a relative clause ("for Holmes, who has already admitted"), the
    /// words that name who the clause is about, if a name comes right before "who".
    fn antecedent<'w>(&self, words: &'w [&'a Token], clause_start: usize) -> &'w [&'a Token] {
        let Some(who) = clause_start.checked_sub(1) else {
            return &[];
        };
        let named = who >= 1
            && words[who].lower == "who"
            && words[who - 1].cap
            && gap(self.text, words[who - 1], words[who]) == Some(", ");
        if !named {
            return &[];
        }
        &words[self.run_start(words, who - 1)..who]
    }

    /// Who spoke when the reporting verb `words[v]` passes on another's words: the one
    /// the subject quoted ("Reuters quoted a central bank official as saying"), not the
    /// subject. None for "was quoted by the paper as saying" (whose words they are is
    /// the subject's, see [`passive`]).
    fn quoted_as_saying(&self, words: &[&'a Token], v: usize) -> Option<Vec<&'a Token>> {
        if words[v].lower != "quoted" || v > 0 && BE.contains(&words[v - 1].lower.as_str()) {
            return None;
        }
        let rest = words.get(v + 1..)?;
        let at = rest.iter().take(9).position(|t| t.lower == "as")?;
        let saying = rest.get(at + 1)?;
        let np = &rest[..at];
        let joined = np.windows(2).all(|w| phrase_joined(self.text, w[0], w[1]));
        let opens = np.first()?;
        (matches!(saying.lower.as_str(), "saying" | "telling" | "stating")
            && joined
            && !PREPOSITIONS.contains(&opens.lower.as_str()))
        .then(|| np.to_vec())
    }

    /// Who spoke, for a passive reporting verb at `words[v]`: the one after "by" ("was
    /// told by Mr Justice Owen"), or no one.
    fn told_by(&self, words: &[&'a Token], v: usize) -> Option<Phrase<'a>> {
        let rest = words.get(v + 1..).unwrap_or(&[]);
        let [by, rest @ ..] = rest else {
            return None;
        };
        let np = self.noun_phrase(rest, Place::AfterVerb);
        (by.lower == "by" && !np.is_empty()).then_some(Phrase::Tokens(np))
    }

    /// A transcript's or a round-up's label for who speaks: `Mr Carman: "…"`, `-
    /// Southampton boss Harry Redknapp: "…"`. The sentence opens on a few words that
    /// name a person (an honorific, a role or a given name among them), no verb among
    /// them, and a colon joins them to the quote. What comes before ends a sentence: a
    /// line broken after "His barrister told" goes on.
    fn label(&self) -> Option<Vec<&'a Token>> {
        let (first, last) = (self.before.first()?, self.before.last()?);
        let opens = self.sentence.tokens.first()?.range == first.range
            && self.text[..first.range.start]
                .trim_end_matches(|c: char| c.is_whitespace() || c == '-')
                .chars()
                .next_back()
                .is_none_or(|c| ".?!:\"'\u{201D}\u{2019}".contains(c));
        let colon = self
            .text
            .get(last.range.end..)?
            .strip_prefix(':')?
            .trim_start()
            .starts_with(['"', '\'', '\u{201C}', '\u{2018}']);
        let role = |t: &Token| is_role_word(&t.lower);
        let naming = self
            .before
            .iter()
            .all(|t| (t.cap || role(t)) && !t.attribution && !t.numeric);
        let person = self
            .before
            .iter()
            .any(|t| is_honorific(&t.lower) || cues::is_given_name(&t.lower) || !t.cap && role(t));
        (self.before.len() <= 7 && opens && colon && naming && person && last.cap)
            .then(|| self.before.to_vec())
    }

    fn speaker_phrase(&self) -> Option<Phrase<'a>> {
        if let Some(np) = self.label() {
            return Some(Phrase::Tokens(np));
        }
        // `"…," X said` / `"…," said X`.
        // Further on only after a comma: a name and an aside about it come first
        // (`"…," Andrew Pendleton, Christian Aid's head of trade policy, said`).
        let reports = |t: &&Token| t.attribution && !cues::is_participle(&t.lower);
        let window = &self.after[..self.after.len().min(8)];
        let further = || {
            let v = (8..self.after.len().min(16)).find(|&i| reports(&self.after[i]))?;
            (gap(self.text, self.after[v - 1], self.after[v]) == Some(", ")).then_some(v)
        };
        if let Some(v) = window.iter().position(reports).or_else(further) {
            if passive(self.after, v) {
                return self.told_by(self.after, v);
            }
            if let Some(np) = self.quoted_as_saying(self.after, v) {
                return Some(Phrase::Tokens(np));
            }
            if v > 0 {
                // A run that opens on a preposition goes on the sentence the quote
                // stands in (`relieved "justice had been done" in convicting a man
                // described by …`): the words before the quote say who spoke. (Set
                // off by commas, it is an aside: see `words_before`.)
                let run = self.words_before(self.after, v);
                let np = match run.first() {
                    Some(p) if PREPOSITIONS.contains(&p.lower.as_str()) => Vec::new(),
                    _ => who_spoke(self.text, run),
                };
                if !np.is_empty() && np.len() <= 8 {
                    return Some(Phrase::Tokens(np));
                }
            } else {
                let np = self.noun_phrase(&self.after[1..], Place::AfterVerb);
                if !np.is_empty() {
                    return Some(Phrase::Tokens(np));
                }
            }
        }
        // `X told … that "…"`, `according to X, "…"`, `…, saying "…"`.
        // A finite reporting verb ("X responded …, suggesting") names the speaker better
        // than a participle or a claim noun after it.
        // "Mr Smernicki said he had been told": the one who heard it reports it.
        // A plural noun spelled as a verb ("medical notes and Mrs Quinn's itemised
        // telephone bill showed") is joined to the next noun by "and".
        let plural_noun = |i: usize| {
            self.before[i].lower.ends_with('s')
                && self.before.get(i + 1).is_some_and(|n| n.lower == "and")
        };
        let finite = |i: usize| {
            let t = self.before[i];
            t.attribution
                && !cues::is_participle(&t.lower)
                && !cues::is_claim_noun(&t.lower)
                && !passive(self.before, i)
                && !plural_noun(i)
        };
        let v = (0..self.before.len())
            .rev()
            .find(|&i| finite(i))
            .or_else(|| {
                (0..self.before.len()).rev().find(|&i| {
                    let t = self.before[i];
                    (t.attribution || cues::is_claim_noun(&t.lower)) && !plural_noun(i)
                })
            })?;
        if passive(self.before, v) {
            return self.told_by(self.before, v);
        }
        if let Some(np) = self.quoted_as_saying(self.before, v) {
            return Some(Phrase::Tokens(np));
        }
        let verb = &self.before[v].lower;
        if verb == "according" {
            // "according to the council, …": everything up to the punctuation.
            let rest = self.before.get(v + 2..).unwrap_or(&[]);
            let mut np: Vec<&Token> = Vec::new();
            for t in rest.iter().take(6) {
                if np.last().is_some_and(|p| !phrase_joined(self.text, p, t)) {
                    break;
                }
                np.push(t);
            }
            return (!np.is_empty()).then_some(Phrase::Tokens(np));
        }
        if cues::is_claim_noun(verb) {
            // "the claims of shopkeeper Kevan Roberts that …", "reports of medical
            // experts who …", "claims from Conservative leader Michael Howard that …":
            // whose claims they are.
            if let [of, rest @ ..] = self.before.get(v + 1..).unwrap_or(&[])
                && matches!(of.lower.as_str(), "of" | "by" | "from")
            {
                let mut np: Vec<&Token> = Vec::new();
                for t in rest.iter().take(6) {
                    let ends = CLAUSE_WORDS.contains(&t.lower.as_str())
                        || matches!(t.lower.as_str(), "at" | "for" | "from" | "in" | "on" | "to");
                    if ends || np.last().is_some_and(|p| !phrase_joined(self.text, p, t)) {
                        break;
                    }
                    np.push(t);
                }
                let someone = |t: &&Token| {
                    let singular = t.lower.strip_suffix('s').unwrap_or(&t.lower);
                    (cues::is_speaker_phrase_word(singular) || t.cap) && !t.stop
                };
                if np.iter().any(someone) {
                    return Some(Phrase::Tokens(np));
                }
            }
            let prev = v.checked_sub(1).map(|p| self.before[p]);
            // "Tory claims" are someone's; "The report" is no one's; "Viktor Makarov, 50,
            // claims" is a verb.
            if prev.is_none_or(|p| (!p.cap || p.stop) && !cues::is_pronoun(&p.lower))
                && !self.age_before(self.before, v)
            {
                return Some(Phrase::Noun(verb.to_string()));
            }
        }
        if cues::is_participle(verb) {
            return self.subject_phrase().map(Phrase::Tokens);
        }
        let run = self.words_before(self.before, v);
        let mut np = who_spoke(self.text, run);
        // The relative clause must run on to the quote: in "told Hobbs, who admitted the
        // murders, that he found the crimes …" the quote is the main clause's.
        let clause_runs_on = self
            .before
            .last()
            .and_then(|t| self.text.get(self.before[v].range.end..t.range.end))
            .is_some_and(|rest| !rest.contains(','));
        if np.is_empty() && clause_runs_on {
            np = who_spoke(self.text, self.antecedent(self.before, v - run.len()));
        }
        if np.is_empty() {
            // "…, said Mr Jain.": after a comma the verb may come before who spoke, a
            // name that ends the sentence or the clause (not "told the court", "said
            // Britain would", "said Monday").
            let after = self.noun_phrase(&self.before[v + 1..], Place::AfterVerb);
            let comma_before =
                v > 0 && gap(self.text, self.before[v - 1], self.before[v]) == Some(", ");
            // (An age after the name, "said Heather Tagg, 33, had", makes it the reported
            // clause's subject.)
            let closes = after.last().is_some_and(|last| {
                let rest = self
                    .text
                    .get(last.range.end..self.sentence.range.end)
                    .unwrap_or("");
                let aged = rest
                    .strip_prefix(", ")
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
                (rest.trim_start().is_empty() || rest.starts_with([',', '.', ';'])) && !aged
            });
            if INVERTED.contains(&verb.as_str())
                && comma_before
                && closes
                && after
                    .first()
                    .is_some_and(|t| t.cap && !is_calendar_word(&t.lower))
                && after.iter().any(|t| t.cap && !t.stop)
            {
                return Some(Phrase::Tokens(after));
            }
            return self.subject_phrase().map(Phrase::Tokens);
        }
        Some(Phrase::Tokens(np))
    }

    /// The noun phrase that opens `rest` ("said commuter group spokesman Ian Doyle"): the
    /// words up to punctuation or a preposition, ending on a name or speaker noun, or
    /// after an article the description (see [`Place`]).
    fn noun_phrase(&self, rest: &[&'a Token], place: Place) -> Vec<&'a Token> {
        const STOP: &[&str] = &[
            "to",
            "on",
            "in",
            "at",
            "when",
            "after",
            "during",
            "before",
            "who",
            "which",
            "that",
            "from",
            "for",
            "as",
            "by",
            "while",
            "and",
            "but",
            "yesterday",
            "today",
            "tonight",
            "last",
        ];
        let mut np: Vec<&Token> = Vec::new();
        let mut before_auxiliary = false;
        for (i, t) in rest.iter().take(8).enumerate() {
            if np.last().is_some_and(|p| !phrase_joined(self.text, p, t)) {
                break;
            }
            if i > 0 && rest.get(i - 1..=i + 1).is_some_and(couple) {
                np.push(t);
                continue;
            }
            if !t.cap && STOP.contains(&t.lower.as_str()) {
                break;
            }
            if !t.cap
                && !cues::is_speaker_phrase_word(&t.lower)
                && (t.stop || t.lower.ends_with("ly") || t.numeric)
            {
                before_auxiliary =
                    AUXILIARIES.contains(&t.lower.as_str()) || BE.contains(&t.lower.as_str());
                break;
            }
            np.push(t);
        }
        // "A male voice could", "A stark message has": before an auxiliary, the
        // subject's last word is its noun.
        if place == Place::Subject
            && before_auxiliary
            && let [a, adjective, noun] = np[..]
            && matches!(a.lower.as_str(), "a" | "an" | "the")
            && [adjective, noun]
                .iter()
                .all(|t| !t.cap && !t.stop && !t.numeric)
        {
            return np;
        }
        // End on a name or a speaker noun, not on "the", "of" or a plain word.
        let dangling = |t: &&Token| {
            let filler = matches!(t.lower.as_str(), "the" | "of" | "with" | "a" | "an");
            !t.cap && (filler || !cues::is_speaker_phrase_word(&t.lower))
        };
        // "The judge in the case": a noun after an article heads the phrase; after the
        // verb, so do all the words up to the first break ("the national team coach").
        let headed = |np: &[&Token]| {
            const ORDINALS: &[&str] = &["first", "second", "third", "next", "other", "same"];
            let (Some(a), Some(n)) = (np.first(), np.last()) else {
                return false;
            };
            matches!(a.lower.as_str(), "the" | "a" | "an" | "one")
                && (np.len() == 2 || place == Place::AfterVerb)
                && np.len() >= 2
                && !n.stop
                && !n.numeric
                && !ORDINALS.contains(&n.lower.as_str())
        };
        while !headed(&np) && np.last().is_some_and(dangling) {
            np.pop();
        }
        // Function words or numbers alone ("The", "one" of "said one of the lawyers")
        // name no one; a pronoun names who it stands for.
        if np
            .iter()
            .all(|t| (t.stop || t.numeric || t.lower == "one") && !cues::is_pronoun(&t.lower))
        {
            np.clear();
        }
        np
    }

    /// The sentence's opening noun phrase ("Former Russian diplomat Boris Bondarev").
    fn subject_phrase(&self) -> Option<Vec<&'a Token>> {
        let tokens: Vec<&Token> = self.sentence.tokens.iter().collect();
        let np = self.noun_phrase(&tokens, Place::Subject);
        let named = |np: &[&Token]| {
            np.iter().any(|t| {
                cues::is_speaker_phrase_word(&t.lower)
                    || cues::is_pronoun(&t.lower)
                    || self.sentence.names.iter().any(|n| n.holds(t))
            })
        };
        if !np.is_empty() && named(&np) {
            return Some(np);
        }
        // "Just a day later, Trump expressed …, stating": the first name instead.
        let name = self.sentence.names.first()?;
        let np: Vec<&Token> = self
            .sentence
            .tokens
            .iter()
            .filter(|t| name.holds(t))
            .collect();
        (!np.is_empty()).then_some(np)
    }
}

/// A speaker phrase without the words around it that are no part of who spoke: the
/// conjunction or adverb that opens its sentence ("But Graham Cluley", "Instead the
/// RFU"), the auxiliaries, negations and infinitive frame that end it before the verb
/// ("Herbert is said to have told", "Rangers have been informed", "an independent person
/// to say", "the defendant was heard to say", "he was due to tell"), a reporting verb it
/// ends on ("Mr Blair said states had to"), and, after a
/// reporting verb inside it, either the reported clause's named subject ("Miss Evans
/// said Guscott told her") or the reporter ("the girl said she did not tell", "David
/// Davis said five million children were being"); a phrase ending on "he", "she" or
/// "they" is that pronoun ("after the defeat by Wolves he added").
fn tidy<'t, 'a>(np: &'t [&'a Token]) -> &'t [&'a Token] {
    const OPENING: &[&str] = &[
        "also",
        "and",
        "but",
        "earlier",
        "however",
        "instead",
        "later",
        "meanwhile",
        "moreover",
        "or",
        "so",
        "then",
        "yet",
    ];
    let ending = |t: &Token| {
        AUXILIARIES.contains(&t.lower.as_str())
            || BE.contains(&t.lower.as_str())
            || matches!(
                t.lower.as_str(),
                "to" | "due" | "expected" | "heard" | "set"
            )
            || cues::is_negation(&t.lower)
            || t.attribution
            || is_adverb(t)
    };
    let ends = |mut np: &'t [&'a Token]| {
        while let [rest @ .., t] = np
            && !rest.is_empty()
            && ending(t)
        {
            np = rest;
        }
        np
    };
    let mut np = ends(np);
    if let Some(v) = np
        .iter()
        .rposition(|t| t.attribution && t.lower != "according")
        && v + 1 < np.len()
    {
        let (head, tail) = (&np[..v], &np[v + 1..]);
        let pronoun = matches!(tail, [t] if cues::is_pronoun(&t.lower));
        let named = tail[0].cap && !pronoun;
        np = if named || head.is_empty() {
            tail
        } else {
            ends(head)
        };
    }
    // "set out the choices he says", "after the defeat by Wolves he added": the pronoun.
    if let [.., t] = np
        && matches!(t.lower.as_str(), "he" | "she" | "they")
    {
        np = &np[np.len() - 1..];
    }
    while let [t, rest @ ..] = np
        && !rest.is_empty()
        && OPENING.contains(&t.lower.as_str())
    {
        np = rest;
    }
    // "After the verdict Steve Otter", "In a statement the RSPCA", "Last night
    // Gallagher": a setting opens the phrase, and the speaker is the name after it.
    // The speaker, when something else opens the phrase: from the first capitalized
    // word after `opening` that is neither a function word nor a day or month.
    let from_name_after = |np: &'t [&'a Token], opening: usize| {
        np[opening + 1..]
            .iter()
            .position(|t| t.cap && !t.stop && !is_calendar_word(&t.lower))
            .map(|name| &np[opening + 1 + name..])
    };
    if np
        .first()
        .is_some_and(|t| SETTING_OPENERS.contains(&t.lower.as_str()))
    {
        if let Some(rest) = from_name_after(np, 0) {
            np = rest;
        } else if let Some(d) = np
            .iter()
            .rposition(|t| DETERMINERS.contains(&t.lower.as_str()))
            && d >= 2
            && d + 1 < np.len()
            && !np[d - 1].stop
            && !(d == 2 && np[1].lower.ends_with("ing"))
        {
            // "In a joint statement the firms", "In their ruling the judges": with no
            // name after the setting, the speaker is the noun phrase after the setting's
            // noun (not after a verb, "in convicting a man", or a function word, "the
            // investigation into the killings").
            np = &np[d..];
        }
    }
    // "After his wife was sentenced Richard Amor": a clause with its own verb opens the
    // phrase, and the speaker is the name after it ("May" and "Will" may be names).
    if let Some(aux) = np
        .iter()
        .rposition(|t| !t.cap && AUXILIARIES.contains(&t.lower.as_str()))
        && let Some(rest) = from_name_after(np, aux)
    {
        np = rest;
    }
    // "He went on to say", "I see one": a pronoun and the verb after it: the pronoun.
    if let [t, rest @ ..] = np
        && matches!(t.lower.as_str(), "he" | "she" | "they" | "i" | "we")
        && rest.iter().all(|r| !r.cap)
    {
        np = &np[..1];
    }
    // "WTO itself", "Lib Dems both", "Unions reacted angrily to the": a function word or
    // an adverb does not end who spoke.
    while let [rest @ .., t] = np
        && !rest.is_empty()
        && (t.stop && !t.cap && !names_someone(t) || is_adverb(t))
    {
        np = rest;
    }
    np
}

/// A word that stands for a person by itself: "he", "they", "I", "we".
fn names_someone(t: &Token) -> bool {
    cues::is_pronoun(&t.lower) || first_person(t)
}

/// "I" (contracted or not) or "we": the one speaking.
fn first_person(t: &Token) -> bool {
    matches!(t.lower.as_str(), "i" | "i'm" | "i'd" | "i've" | "we")
}

/// Words that open a noun phrase: who spoke, after a setting without a name.
const DETERMINERS: &[&str] = &["a", "an", "her", "his", "its", "the", "their"];

/// Words that open a setting before the subject of a sentence ("After the hearing",
/// "On Tuesday", "Speaking outside court").
const SETTING_OPENERS: &[&str] = &[
    "after",
    "as",
    "at",
    "before",
    "despite",
    "during",
    "following",
    "in",
    "last",
    "on",
    "outside",
    "speaking",
    "when",
];

fn resolve(
    text: &str,
    np: &[&Token],
    frame: &Frame<'_, '_>,
    quote_start: usize,
    last: Option<&Speaker>,
    fullest: &Fullest<'_>,
) -> Option<Speaker> {
    let np = tidy(np);
    // A verb inside the phrase ("the orchestra is often", "Fiat has reiterated its")
    // ends who it names: the name before it, or no one.
    let verb = |t: &&Token| {
        BE.contains(&t.lower.as_str()) || matches!(t.lower.as_str(), "had" | "has" | "have")
    };
    let np = match np.iter().position(verb) {
        Some(k) if np[..k].iter().any(|t| t.cap && !t.stop) => tidy(&np[..k]),
        Some(_) => return None,
        None => np,
    };
    // Function words and adverbs alone ("The", "for the", "not", "eventually") name no
    // one.
    if np
        .iter()
        .all(|t| t.stop && !names_someone(t) || is_adverb(t))
    {
        return None;
    }
    let first = np.first()?;
    let last_tok = np.last()?;
    // "I asked him 'do you want a wall?'": a quote inside someone's speech, whose
    // speaker is the one speaking.
    if np.len() == 1 && first_person(first) {
        return last.cloned();
    }
    let age = is_age_reference(np);
    if age || np.len() == 1 && cues::is_pronoun(&first.lower) {
        // "what it described as", "suspicion fell on McKay after he was heard": the
        // sentence's first name, for "he", "she" or "the 67-year-old" its subject or one
        // the document gives a person's fuller form ("John McKay", not "Wolves" or "the
        // US"); else the last speaker.
        let person = age || matches!(first.lower.as_str(), "he" | "she" | "his" | "her");
        let earlier = frame.sentence.names.iter().find(|n| {
            n.range.end <= first.range.start
                && n.range.end <= quote_start
                && (!person
                    || fullest.person(n)
                    || n.words.len() >= 2
                        && frame.sentence.tokens.first().map(|t| t.range.start)
                            == Some(n.range.start))
        });
        return match earlier {
            Some(name) => Some(name_speaker(text, name, None, fullest)),
            None => last.cloned(),
        };
    }
    let has_cap = np
        .iter()
        .any(|t| t.cap && t.lower != "the" && t.lower != "a" && t.lower != "one");
    if !has_cap {
        let generic = np.first().is_some_and(|t| t.lower == "the");
        if generic && let Some(head) = np.iter().rev().find(|t| !t.stop) {
            // "the actor" is a last speaker with that word in their label, whole and not
            // a possessive: not "the actor's friend Budd Schulberg".
            let head = head.lower.trim_end_matches('s');
            let holds_head = |display: &str| {
                display.to_lowercase().split_whitespace().any(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
                    !w.ends_with("'s") && !w.ends_with("’s") && w.trim_end_matches('s') == head
                })
            };
            if let Some(prev) = last.filter(|s| holds_head(&s.display)) {
                return Some(prev.clone());
            }
        }
    }
    // "the spokesman", "Later Miss Hendricks", "An angry Beattie": the article, a
    // sentence opener or a word for the speaker's mood is not part of who spoke.
    let mut start = first.range.start;
    let describing = |k: usize| {
        np.get(k).is_some_and(|t| is_describing(&t.lower)) && np.get(k + 1).is_some_and(|n| n.cap)
    };
    if matches!(first.lower.as_str(), "a" | "an" | "the") && describing(1) {
        start = np[2].range.start;
    } else if describing(0)
        || np.len() > 1 && (first.lower == "the" || is_opener(&first.lower) && np[1].cap)
    {
        start = np[1].range.start;
    }
    let display = text
        .get(start..last_tok.range.end)
        .unwrap_or("")
        .replace('\n', " ");
    let names_in: Vec<&NameMention> = frame
        .sentence
        .names
        .iter()
        .filter(|n| n.range.start >= start && n.range.end <= last_tok.range.end)
        .collect();
    // The title before a name ("said Mr Jain"), where the name does not hold it.
    let title = names_in.last().and_then(|name| {
        let before: Vec<&&Token> = np
            .iter()
            .filter(|t| t.range.start >= start && t.range.end <= name.range.start)
            .collect();
        match before.as_slice() {
            [t] if is_honorific(&t.lower) => Some(t.lower.as_str()),
            _ => None,
        }
    });
    match names_in.last() {
        Some(name)
            if names_in.len() == 1
                && name.range.start == start
                && name.range.end == last_tok.range.end =>
        {
            Some(name_speaker(text, name, None, fullest))
        }
        // "Mr Jain" is "Rajesh Jain" where the article gives his fuller name.
        Some(name)
            if names_in.len() == 1 && title.is_some() && name.range.end == last_tok.range.end =>
        {
            let sp = name_speaker(text, name, title, fullest);
            let written = text.get(name.range.clone()).unwrap_or("");
            let fuller = written.strip_suffix("'s").unwrap_or(written) != sp.display;
            Some(if fuller {
                sp
            } else {
                Speaker {
                    display,
                    key: sp.key,
                }
            })
        }
        Some(name) => Some(Speaker {
            display,
            key: name.last_word().to_string(),
        }),
        None => Some(Speaker {
            key: display.to_lowercase(),
            display,
        }),
    }
}

/// A speaker named by a name mention, expanded to the fullest form the document uses.
/// For each last word, the document's fullest name ending in it (at most four words; the
/// first of the longest), found once rather than by a scan of every name per quote; and
/// whether the document also writes that word alone or after an honorific, as it refers
/// to a person once named ("John McKay" … "McKay", "Mr McKay"), not to a place ("Park
/// Lane") or a team.
struct Fullest<'n> {
    by_last: FxHashMap<&'n str, (&'n NameMention, bool)>,
    /// A given name's full form, by the given name ("noel" → "Noel Gallagher"); `None`
    /// where two surnames share it.
    by_given: FxHashMap<&'n str, Option<&'n NameMention>>,
}

impl<'n> Fullest<'n> {
    fn new(text: &str, all_names: &'n [NameMention]) -> Fullest<'n> {
        let mut map: FxHashMap<&str, (&NameMention, bool)> = FxHashMap::default();
        for n in all_names.iter().filter(|n| n.words.len() <= 4) {
            let rank = |n: &NameMention| (n.words.len(), std::cmp::Reverse(n.range.start));
            let short = match n.words.as_slice() {
                [_] => true,
                [title, _] => is_honorific(title),
                _ => false,
            };
            map.entry(n.last_word())
                .and_modify(|(best, seen_short)| {
                    if rank(n) >= rank(best) {
                        *best = n;
                    }
                    *seen_short |= short;
                })
                .or_insert((n, short));
        }
        let mut fullest = Fullest {
            by_last: map,
            by_given: FxHashMap::default(),
        };
        // A person's: one the document also names by surname alone ("Noel Gallagher",
        // "Gallagher"), or that opens on a common given name; never a possessive
        // ("Victoria's Secrets" is a show, "Toshiba's HD-DVD" a format).
        let people: Vec<&NameMention> = all_names
            .iter()
            .filter(|n| {
                let given = n.words.first().is_some_and(|w| cues::is_given_name(w));
                let possessive = text.get(n.range.clone()).is_none_or(|t| t.contains('\''));
                n.last_word().len() >= 2 && !possessive && (given || fullest.person(n))
            })
            .collect();
        for n in people {
            if let [given, _] | [given, _, _] = n.words.as_slice() {
                fullest
                    .by_given
                    .entry(given)
                    .and_modify(|seen| {
                        if seen.is_some_and(|s| s.last_word() != n.last_word()) {
                            *seen = None;
                        }
                    })
                    .or_insert(Some(n));
            }
        }
        fullest
    }

    fn get(&self, last_word: &str) -> Option<&'n NameMention> {
        self.by_last.get(last_word).map(|(n, _)| *n)
    }

    /// The one full name the document gives a given name used alone ("Noel said" beside
    /// "Noel Gallagher"), unless a surname ends in it too ("Gary Noel").
    fn given(&self, given: &str) -> Option<&'n NameMention> {
        if self.get(given).is_some_and(|f| f.words.len() >= 2) {
            return None;
        }
        self.by_given.get(given).copied().flatten()
    }

    /// Whether `name` reads as a person's: the document gives it a fuller form and also
    /// refers to it by its last word alone.
    fn person(&self, name: &NameMention) -> bool {
        self.by_last
            .get(name.last_word())
            .is_some_and(|(full, short)| *short && full.words.len() >= 2)
    }
}

/// A speaker named by `name`, in the fullest form the document gives it that holds all
/// the name's own words in order ("McKay", "Mr McKay" → "John McKay"; "Judge Davies" →
/// "Judge Jacqueline Davies"). "Richard Amor" stays, though the document names "Yvonne
/// Amor" first: another person of one family. A title, the name's own or one before it
/// (`title`), rules out a fuller form whose title or first name says another sex ("Mrs
/// Jones" is not "Ken Jones"), and "Mrs" one that says nothing of it.
fn name_speaker(
    text: &str,
    name: &NameMention,
    title: Option<&str>,
    fullest: &Fullest<'_>,
) -> Speaker {
    let key = name.last_word().to_string();
    // "Noel said" where the article names Noel Gallagher shows that person, keyed still
    // by the name the quote has: another article may call him Noel alone.
    let name = match name.words.as_slice() {
        [given] if title.is_none() => fullest.given(given).unwrap_or(name),
        _ => name,
    };
    let (own, title) = match name.words.as_slice() {
        [t, rest @ ..] if is_honorific(t) && !rest.is_empty() => (rest, Some(t.as_str())),
        words => (words, title),
    };
    let holds_own = |full: &NameMention| {
        let mut words = full.words.iter();
        own.iter().all(|w| words.any(|f| f == w))
    };
    // A wife is often named by her title beside her husband named in full ("Mrs
    // Jaffrey" beside "actor Saeed Jaffrey"): "Mrs" takes a fuller form only where its
    // first name or title says she.
    let sex = title.and_then(cues::sex_of);
    let same_sex = |full: &NameMention| {
        let said = cues::sex_of_name(&full.words);
        match sex {
            _ if title == Some("mrs") => said == Some(cues::Sex::She),
            Some(sex) => said.is_none_or(|s| s == sex),
            None => true,
        }
    };
    let fullest = fullest
        .get(key.as_str())
        .filter(|f| holds_own(f) && same_sex(f))
        .unwrap_or(name);
    // "Conti's earpiece … he says": the person, not the possessive.
    let display = text
        .get(fullest.range.clone())
        .unwrap_or("")
        .replace('\n', " ");
    let display = match display.strip_suffix("'s") {
        Some(person) if !person.is_empty() => person.to_string(),
        _ => display,
    };
    Speaker { display, key }
}

#[cfg(test)]
mod tests {
    use super::Cover;
    use crate::article::Article;
    use crate::doc::Doc;

    #[test]
    fn cover_is_containment_in_one_span() {
        let spans = [0..10, 5..20, 30..40, 32..35];
        let cover = Cover::new(&spans);
        for start in 0..45 {
            for end in start..46 {
                let r = start..end;
                let naive = spans.iter().any(|s| s.start <= r.start && r.end <= s.end);
                assert_eq!(cover.contains(&r), naive, "{r:?}");
            }
        }
    }

    /// Each quote of `text` with its speaker, as "quote => speaker".
    fn check(text: &str, expect: &[&str]) {
        let article = Article::new("t", text);
        let doc = Doc::new(&article);
        let got: Vec<String> = doc
            .quotes
            .iter()
            .map(|q| {
                format!(
                    "{} => {}",
                    doc.ntext(q.inner.clone()),
                    q.speaker.as_ref().map_or("?", |s| s.display.as_str())
                )
            })
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn who_a_paper_quoted_is_who_spoke() {
        check(
            "\"It is a question of sovereignty,\" Reuters quoted a central bank official as saying. \
             The Times quoted Mr Chernin as saying: \"We will not sell.\" \
             Mr Lake was quoted by the paper as saying: \"I am staying.\"",
            &[
                "It is a question of sovereignty => a central bank official",
                "We will not sell. => Mr Chernin",
                "I am staying. => Mr Lake",
            ],
        );
    }

    #[test]
    fn present_tense_reporting_verbs() {
        check(
            "The reporter asked whether he was a war criminal. Mr Finegold replies: \"No, I am not.\" \
             Then Ms Hale asks: \"Who will pay for it?\"",
            &[
                "No, I am not. => Mr Finegold",
                "Who will pay for it? => Ms Hale",
            ],
        );
    }

    #[test]
    fn a_label_and_a_colon_say_who_speaks() {
        check(
            "Mr Carman asked about the money.\n\nMr Carman: \"Did you take it?\"\n\nMr Hamilton: \"No.\"\n\n\
             - Southampton boss Harry Redknapp: \"We were poor.\"\n\n\
             The jury went out in central London: \"We will return.\"\n\n\
             His barrister told\nMr Justice Owen: \"He was drunk.\"",
            &[
                "Did you take it? => Mr Carman",
                "No. => Mr Hamilton",
                "We were poor. => Southampton boss Harry Redknapp",
                "We will return. => ?",
                "He was drunk. => ?",
            ],
        );
    }

    /// "…, observes Ms Alexander.": the verb before the name, as with "said", and the
    /// next quote's "she" is hers.
    #[test]
    fn who_observes_after_a_comma_speaks_next() {
        check(
            "The involvement of foreign firms sits uneasily with many Iraqis, observes Ms Alexander. \
             \"It is seen as a selling off,\" she says.",
            &["It is seen as a selling off => Ms Alexander"],
        );
    }

    #[test]
    fn a_name_after_an_opening_clause_is_who_he_is() {
        check(
            "Ms Hawkins gave evidence. After hearing her evidence, Professor Ian Kennedy professed concern. \
             He said: \"There may be an answer.\"",
            &["There may be an answer. => Professor Ian Kennedy"],
        );
    }

    #[test]
    fn a_couple_speaks_together() {
        check(
            "The boy's parents sat through the trial. \
             Mr and Mrs Marshall, who have no other children, added: \"We feel this will be a lasting tribute.\" \
             \"No-one who knew him would recognise the boy,\" said Mr and Mrs Marshall.",
            &[
                "We feel this will be a lasting tribute. => Mr and Mrs Marshall",
                "No-one who knew him would recognise the boy => Mr and Mrs Marshall",
            ],
        );
    }

    #[test]
    fn after_and_before_frames() {
        check(
            "\u{201C}There is nothing true in these reports,\u{201D} Kremlin spokesman Dmitry Peskov told reporters. \
             \u{201C}He stays,\u{201D} Peskov said. \"It is over,\" said Mayor Ann Lee. \
             According to the council, \"costs rose.\"",
            &[
                "There is nothing true in these reports => Kremlin spokesman Dmitry Peskov",
                "He stays => Kremlin spokesman Dmitry Peskov",
                "It is over => Mayor Ann Lee",
                "costs rose. => council",
            ],
        );
    }

    #[test]
    fn participles_pronouns_and_wrappers() {
        check(
            "Former diplomat Boris Bondarev dismissed the reports, saying that \u{201C}this is a version.\u{201D}\n\n\
             \u{201C}It has the right to exist,\u{201D} he said.\n\n\
             Amid this situation, Foreign Ministry spokeswoman Maria Zakharova responded to the report, suggesting it was unhelpful. \
             She called it part of a \u{201C}hybrid war\u{201D} against Russia. \
             She ultimately announced it, indicating it \u{201C}just didn\u{2019}t feel right\u{201D}.\n\n\
             \u{201C}A source remarked to the Times that \u{2018}Lavrov seems fatigued.\u{2019}\u{201D}",
            &[
                "this is a version. => Former diplomat Boris Bondarev",
                "It has the right to exist => Former diplomat Boris Bondarev",
                "hybrid war => Foreign Ministry spokeswoman Maria Zakharova",
                "just didn't feel right => Foreign Ministry spokeswoman Maria Zakharova",
                "Lavrov seems fatigued. => A source",
            ],
        );
    }

    /// A long quote that reports speech in passing is a quotation, not a wrapper; the
    /// quote inside it is its speaker's.
    #[test]
    fn a_quote_reporting_speech_in_passing_is_kept() {
        check(
            "Mr Justice Smedley said: \"You described him to witnesses as 'not an angel'. \
             I have no doubt that he was not. Very few boys are. But he did not deserve to \
             die.\"",
            &[
                "You described him to witnesses as 'not an angel'. I have no doubt that he was \
                 not. Very few boys are. But he did not deserve to die. => Mr Justice Smedley",
                "not an angel => Mr Justice Smedley",
            ],
        );
    }

    /// Adverbs before the reporting verb are no part of the speaker, on either side of
    /// the quote.
    #[test]
    fn adverbs_are_not_the_speaker() {
        check(
            "The newspaper also said it was \"increasingly frustrated\". \
             \"We will appeal,\" the union later said. \"It is over,\" Ann Lee quietly said.",
            &[
                "increasingly frustrated => newspaper",
                "We will appeal => union",
                "It is over => Ann Lee",
            ],
        );
        // Nor are the auxiliaries that end the phrase; but a noun in "-ly" and an
        // adjective inside the phrase are.
        check(
            "The attorney general has again said the war was \"lawful\".",
            &["lawful => attorney general"],
        );
        check(
            "The family said: \"We are relieved.\" An elderly neighbour said it was \"a \
             shock\".",
            &[
                "We are relieved. => family",
                "a shock => An elderly neighbour",
            ],
        );
    }

    /// A setting with no name after it ("In their ruling", "Following his arrest") or
    /// an adverb ("Earlier") opens the phrase; the speaker is the noun phrase after it.
    #[test]
    fn a_setting_without_a_name_is_not_the_speaker() {
        check(
            "In their ruling the judges said the law was \"clear\". \
             Following his arrest a neighbour said he was \"quiet\". \
             Earlier the judge said it was \"over\".",
            &["clear => judges", "quiet => a neighbour", "over => judge"],
        );
    }

    /// Claims are the speaker's whose they are ("the claims of X"); unowned, the claims
    /// themselves stand as the speaker.
    #[test]
    fn claims_name_their_owner_or_no_one() {
        check(
            "The parents rejected the claims of shopkeeper Kevan Roberts that their son \
             was a \"thief\". The ruling rested on reports of medical experts who found he was \
             \"not capable of a trial\". Mr Howard dismissed claims that his plan was \
             \"moving onto the turf\" of others. The report said costs were \"too \
             high\".",
            &[
                "thief => shopkeeper Kevan Roberts",
                "not capable of a trial => medical experts",
                "moving onto the turf => claims",
                "too high => report",
            ],
        );
    }

    /// After a comma, "said" may come before who spoke; a name with its age after
    /// "said" is the reported clause's subject.
    #[test]
    fn said_before_the_speaker() {
        check(
            "The fact that the networks do not work together adds to the problem, said Mr \
             Jain. \"People ask themselves if it will work,\" he said.\n\n\
             James Morris, a steward, said Heather Tagg, 33, had \"swung her fist\" at him.",
            &[
                "People ask themselves if it will work => Mr Jain",
                "swung her fist => James Morris",
            ],
        );
    }

    /// A function word does not end who spoke ("WTO itself"), a pronoun's verb is not
    /// the speaker ("He went on to say"), and function words alone name no one.
    #[test]
    fn function_words_are_not_the_speaker() {
        check(
            "Gavin Henson himself said it was \"a fair result\". \
             He went on to say: \"We played well.\"\n\n\
             Miss Davies told the jury that the records showed a \"very tight window\" for \
             the crime to be carried out.",
            &[
                "a fair result => Gavin Henson",
                "We played well. => Gavin Henson",
                "very tight window => Miss Davies",
            ],
        );
        check(
            "The 58-year-old singer of Because the Night told The Observer newspaper that \
             the festival would answer these \"greedy times\".",
            &["greedy times => ?"],
        );
    }

    /// A long quote repeats its opening mark on each paragraph and closes only on the
    /// last; where the paragraph breaks were lost, each paragraph's part is a quote, and
    /// a closing mark whose opening was lost opens no quote over the narrative after it.
    #[test]
    fn a_quote_over_lost_paragraph_breaks() {
        check(
            "Nick Donofrio said: \"Health is one of the most important problems. \"We are a great \
             believer in simulation,\" he said. Drugs can be tailor-made.",
            &[
                "Health is one of the most important problems. => Nick Donofrio",
                "We are a great believer in simulation => Nick Donofrio",
            ],
        );
        check(
            "It gives you another tool,\" he said. Drugs can be tailor-made to fight \
             diseases. \"It is over,\" said Ann Lee.",
            &["It is over => Ann Lee"],
        );
    }

    /// A lone letter between quote marks is no quote.
    #[test]
    fn rock_n_roll_is_no_quote() {
        check(
            "He made a rock 'n' roll album, the singer said: \"It is loud.\"",
            &["It is loud. => singer"],
        );
    }

    /// The time and the setting around the speaker are no part of it; an honorific
    /// opens the speaker unless a speaker's word comes first.
    #[test]
    fn the_setting_is_not_the_speaker() {
        check(
            "A month later Mr Blunkett said the report did him \"no credit\". \
             And today Detective Inspector Paul Chapman said: \"We still do not know why.\" \
             Also giving evidence Ms Adams's sister Janet said: \"She was limp.\" \
             The chef Marco White yesterday said it was \"a relief\". \
             Lawyers for Mrs Jones said it was \"unfair\". \
             Judge Mr Justice Owen said there was \"only one sentence\".",
            &[
                "no credit => Mr Blunkett",
                "We still do not know why. => Detective Inspector Paul Chapman",
                "She was limp. => Ms Adams's sister Janet",
                "a relief => chef Marco White",
                "unfair => Lawyers for Mrs Jones",
                "only one sentence => Judge Mr Justice Owen",
            ],
        );
    }

    /// The words around a speaker phrase that are no part of who spoke: a conjunction
    /// opening the sentence, what ends the phrase before the verb, a reporting verb and
    /// the reported clause's frame.
    #[test]
    fn the_frame_around_the_speaker_is_not_the_speaker() {
        check(
            "But Graham Cluley told the BBC it was a positive decision. \
             \"It is good news,\" he said. \
             When arrested, Herbert is said to have told police: \"I was making money.\" \
             The girl said she did not tell anyone as she was \"scared of being shouted at\". \
             Miss Evans said Guscott told her: \"You are on your own.\" \
             David Davis said five million children were being \"failed by the system\". \
             I asked him 'Who is it?' in the lobby. \
             On Tuesday Labour chairman Ian McCartney said: \"Justice was done.\" \
             In a statement the RSPCA said it was \"cruel\".",
            &[
                "It is good news => Graham Cluley",
                "I was making money. => Herbert",
                "scared of being shouted at => girl",
                "You are on your own. => Guscott",
                "failed by the system => David Davis",
                "Who is it? => David Davis",
                "Justice was done. => Labour chairman Ian McCartney",
                "cruel => RSPCA",
            ],
        );
    }

    /// A noun after an article is who spoke ("the judge in the case"); an article alone
    /// is no one, and a claim noun after one speaks for itself ("The report found").
    #[test]
    fn an_article_and_its_noun_are_the_speaker() {
        check(
            "The judge in the case, which lasted seven days, said that \"a heavy penalty \
             was called for\". \"We will appeal,\" said the artists. \
             The report, which followed an inquiry, found the death rate \"amounts to a \
             failure\". A male voice could be heard saying: \"Stop it now.\"",
            &[
                "a heavy penalty was called for => judge",
                "We will appeal => artists",
                "amounts to a failure => report",
                "Stop it now. => A male voice",
            ],
        );
    }

    /// "He" or "she" stands for a person named earlier in the sentence, not for a place
    /// or a team; otherwise for the last speaker.
    #[test]
    fn he_is_a_person_of_the_sentence_or_the_last_speaker() {
        check(
            "Suspicion fell on John McKay at the plant. \
             Police watched McKay after he told workers \"pancakes are class\". \
             Manager Glenn Hoddle said: \"We were poor.\" \
             After the defeat by Wolves he added: \"We must improve.\"",
            &[
                "pancakes are class => John McKay",
                "We were poor. => Manager Glenn Hoddle",
                "We must improve. => Manager Glenn Hoddle",
            ],
        );
    }

    /// Words joined by a hyphen belong to one speaker ("Carl-Henric Svanberg", "the
    /// 63-year-old", who is the person named before); "so-called" reports no one; a
    /// clause word ends the speaker phrase ("whether I said it").
    #[test]
    fn hyphens_join_a_speaker_and_clause_words_end_one() {
        check(
            "\"Sales fell,\" said chief executive Carl-Henric Svanberg. \
             \"We expect more,\" the 63-year-old added. \
             \"Buy now,\" said one trader. \"It is over,\" said one of the brokers. \
             The firm sold its so-called \"bad bank\". \
             \"Stop,\" only I don't remember whether I said it.",
            &[
                "Sales fell => chief executive Carl-Henric Svanberg",
                "We expect more => chief executive Carl-Henric Svanberg",
                "Buy now => one trader",
                "It is over => one of the brokers",
                "bad bank => ?",
                "Stop => one of the brokers",
            ],
        );
    }

    /// A description after an article is whole ("the national team coach"); the frame
    /// of an infinitive is no part of the speaker ("was heard to say").
    #[test]
    fn a_description_is_whole_and_its_frame_is_not_the_speaker() {
        check(
            "\"We showed character,\" said the national team coach. \
             The defendant was heard to say \"it would be easy\". \
             \"He was calm,\" said one close friend last night.",
            &[
                "We showed character => national team coach",
                "it would be easy => defendant",
                "He was calm => one close friend",
            ],
        );
    }

    /// An age between commas stands for the name before it.
    #[test]
    fn the_speaker_before_an_age_spoke() {
        check(
            "Yvonne Amor was jailed. \"We lost,\" May Smith said. \
             Giving evidence at Bristol Crown Court, Mr Jones, 47, said he was crossing. \
             He told the jury: \"I was scared.\" \"It hurt,\" Ann Lee, 52, said. \
             After his wife was sentenced Richard Amor, 68, said: \"She will cope.\"",
            &[
                "We lost => May Smith",
                "I was scared. => Mr Jones",
                "It hurt => Ann Lee",
                "She will cope. => Richard Amor",
            ],
        );
    }

    /// A verb in a relative clause reports who the clause is about; "claims" after a
    /// name and age is a verb.
    #[test]
    fn a_relative_clause_speaks_for_its_name() {
        check(
            "The demands will get harder for Holmes, who has already admitted she \
             \"doesn't like the training\". Viktor Makarov, 50, claims he was \
             \"betrayed\". The judge told Hobbs, who admitted the murders, that he \
             found the crimes \"inexplicable\".",
            &[
                "doesn't like the training => Holmes",
                "betrayed => Viktor Makarov",
                "inexplicable => judge",
            ],
        );
    }

    /// "The court was told": the court heard the words; who said them is not named.
    #[test]
    fn who_was_told_is_not_who_spoke() {
        check(
            "The defendant wanted \"to teach him a lesson\", Bristol Crown Court was told. \
             Jurors were told that he shouted \"Move\". \
             Mr Jones told the jury: \"I was scared.\" \
             Ann Lee said she had been told the ferry would run \"all summer\". \
             Cotterell was told by Mr Justice Owen: \"You will serve life.\" \
             Mr Owen is saying \"justice is done\". The chef was quoted as saying \"never\".",
            &[
                "to teach him a lesson => ?",
                "Move => ?",
                "I was scared. => Mr Jones",
                "all summer => Ann Lee",
                "You will serve life. => Mr Justice Owen",
                "justice is done => Mr Justice Owen",
                "never => chef",
            ],
        );
    }

    /// A word opening the sentence is not part of the speaker's name ("Later").
    #[test]
    fn a_sentence_opener_is_not_the_speaker() {
        check(
            "Pc Joy Hendricks denied it. The magistrate was troubled. Later Miss Hendricks, \
             who is on leave, said: \"I am relieved.\"",
            &["I am relieved. => Pc Joy Hendricks"],
        );
    }

    /// A name in the possessive speaks as the person.
    #[test]
    fn a_possessive_name_speaks_as_the_person() {
        check(
            "Bill Conti's earpiece buzzed as he said: \"I don't like it.\"",
            &["I don't like it. => Bill Conti"],
        );
    }

    /// A verb inside the phrase before a quote ends who spoke: the name before it, or no
    /// one.
    #[test]
    fn a_verb_ends_who_spoke() {
        check(
            "In recent weeks, Fiat has reiterated its claims that this 'put' is valid. \
             The result is a work in progress called \"ipodder\".",
            &["put => Fiat", "ipodder => ?"],
        );
    }

    /// A word for the speaker's mood before the name is not part of who spoke, nor of
    /// the name.
    #[test]
    fn the_speakers_mood_is_not_the_speaker() {
        check(
            "James Beattie was sent off at Chelsea. An angry Beattie said: \"It was a push.\" \
             Defiant Matt Williams said: \"We will win.\"",
            &[
                "It was a push. => James Beattie",
                "We will win. => Matt Williams",
            ],
        );
    }

    /// A run after the quote that opens on a preposition names no one: after a comma it
    /// says where the speaker is from, else it goes on the sentence the quote stands in.
    /// Whose claims they are may follow "from". A role set off by commas is an aside.
    #[test]
    fn a_preposition_opens_no_speaker() {
        check(
            "The parents said they were relieved \"justice had been done\" in convicting a \
             man described by a detective as cold. \
             \"It is fragile,\" Emmanuel Ferry, from Exane BNP Paribas told Reuters. \
             The minister shrugged off claims from Tory leader Michael Howard that he led a \
             \"grubby government\".",
            &[
                "justice had been done => parents",
                "It is fragile => Emmanuel Ferry",
                "grubby government => Tory leader Michael Howard",
            ],
        );
        // A role set off by commas is an aside too.
        check(
            "Adrian Redgrave, QC, prosecuting said: \"He killed three friends.\"",
            &["He killed three friends. => Adrian Redgrave"],
        );
    }

    /// A plural noun spelled like a reporting verb, joined to the next noun by "and", is
    /// not the verb: the one who told the jury spoke.
    #[test]
    fn medical_notes_report_nothing() {
        check(
            "Miss Davies told the jury that his medical notes and the telephone bill showed \
             a \"very tight window of time\" for the murder.",
            &["very tight window of time => Miss Davies"],
        );
    }

    /// "He" or "she" with no one named in its sentence means the person a sentence
    /// opened on since the last speaker, if the title or first name allows; a name in
    /// the possessive opens no such sentence.
    #[test]
    fn a_pronoun_means_the_person_a_sentence_opened_on() {
        check(
            "Dover coroner Richard Sturt recorded a verdict of accidental death. He said: \
             \"I have seen many Channel swims.\" Mr Sturt praised the crew.",
            &["I have seen many Channel swims. => Richard Sturt"],
        );
        check(
            "Coach Ken Jones said: \"It was a fine race.\" Kelly Holmes won the 800m in \
             Birmingham. \"She is still competitive,\" he said. Holmes smiled at the crowd. \
             \"I want to win,\" she said. Holmes' presence will be a boost to the team. \
             \"She is a great team member,\" he added.",
            &[
                "It was a fine race. => Coach Ken Jones",
                "She is still competitive => Coach Ken Jones",
                "I want to win => Kelly Holmes",
                "She is a great team member => ?",
            ],
        );
        // A common given name says a person, where the surname never stands alone.
        check(
            "\"It's mega,\" said Noel Gallagher. Liam Gallagher greeted the birth. He \
             laughed: \"What baby?\"",
            &[
                "It's mega => Noel Gallagher",
                "What baby? => Liam Gallagher",
            ],
        );
    }

    /// A sentence without a quote that reports someone's words names the speaker of the
    /// quotes that follow on their own: the one who says "that", not whom the clause
    /// after it reports, nor whom a clause the sentence opens on names.
    #[test]
    fn a_reporting_sentence_names_who_says_that() {
        check(
            "Mrs Tate said that Mr Cole said the deal would be easy money. \
             \"I was shocked. I asked him who else was involved.\"",
            &["I was shocked. I asked him who else was involved. => Mrs Tate"],
        );
        check(
            "Asked if she thought that Mr Cole was lying, Mrs Tate said: \"Absolutely not.\"",
            &["Absolutely not. => Mrs Tate"],
        );
    }

    /// "The actor" is the last speaker when that is their role, not when their label
    /// only holds the word as a possessive.
    #[test]
    fn the_role_noun_is_the_last_speaker_only_by_that_role() {
        check(
            "The driver's friend Tom Reed told reporters that the race was long. \
             The driver refused to stop, saying: \"I will finish it.\" \
             The driver Alan Hope said: \"It was hard.\" \
             The driver later added: \"I am proud.\"",
            &[
                "I will finish it. => driver",
                "It was hard. => driver Alan Hope",
                "I am proud. => driver Alan Hope",
            ],
        );
    }

    /// An aside set off by commas between a full name and the verb describes that name:
    /// a role, or any phrase opening on an article; a description joined to the name by
    /// a hyphen is part of who.
    #[test]
    fn an_aside_after_a_full_name_describes_it() {
        check(
            "Mr Hale sued the council. Later, Leeds-born Mr Hale, a teacher, said: \"Two.\" \
             Mr Hale, a former teacher of children, said: \"Four.\" \
             Mrs Kent spoke next. Mr Hale, the council said, \"had no case\".",
            &[
                "Two. => Mr Hale",
                "Four. => Mr Hale",
                "had no case => council",
            ],
        );
    }

    /// People rarely name themselves in what they say: a quote that names the person a
    /// sentence opened on is by one an earlier sentence opened on, or by the last
    /// speaker, or by no one known.
    #[test]
    fn a_quote_naming_someone_is_not_theirs() {
        check(
            "Villa boss David O'Leary has rapped skipper Olof Mellberg for his comments. \
             Mellberg spoke of his dislike of the rivals. \"I've had a word with Olof,\" he \
             said. O'Leary was angry.",
            &["I've had a word with Olof => David O'Leary"],
        );
        check(
            "Coach Ken Jones said: \"It was a fine race.\" Kelly Holmes won the 800m. \
             Holmes was hurt. \"Kelly's ankle is sore,\" she said.",
            &[
                "It was a fine race. => Coach Ken Jones",
                "Kelly's ankle is sore => ?",
            ],
        );
        // An organisation may well name itself.
        check(
            "Peter Saunders of the CMF said it was worried. \"The CMF is concerned,\" he said.",
            &["The CMF is concerned => Peter Saunders of the CMF"],
        );
    }

    /// A name set off before the verb speaks: between dashes after a description, or
    /// before a relative clause; not a description set off after a name, nor a place.
    #[test]
    fn a_name_set_off_before_the_verb_speaks() {
        check(
            "Last night Banfield's boss - Deputy Chief Constable Tom Lloyd - said: \"He is \
             dangerous.\" Lloyd left.",
            &["He is dangerous. => Deputy Chief Constable Tom Lloyd"],
        );
        check(
            "Leslie, who played the landlord of the Queen Vic, said: \"The time is right.\"",
            &["The time is right. => Leslie"],
        );
        check(
            "The Lord Chief Justice, Lord Woolf, who is the senior judge, said: \"He was \
             charming.\"",
            &["He was charming. => Lord Woolf"],
        );
        check(
            "Mr Bez - himself a former executive at Porsche - said the car was \"affordable\".",
            &["affordable => Mr Bez"],
        );
        check(
            "Helen Flanagan, of Bolton, Greater Manchester, who starts in January, said: \
             \"I'm thrilled.\"",
            &["I'm thrilled. => Helen Flanagan"],
        );
        check(
            "Mr Hamilton, the former MP for Tatton, who lost his seat, said: \"It was a lie.\"",
            &["It was a lie. => Mr Hamilton"],
        );
    }

    /// A role set off by commas after a full name describes it, with or without the
    /// comma before the verb; a time or setting before a comma is no name, and a role
    /// right before a name is part of who spoke.
    #[test]
    fn a_role_set_off_after_a_name_describes_it() {
        check(
            "\"The losers will be the poorest,\" Andrew Pendleton, Christian Aid's head of \
             Trade Policy, said.",
            &["The losers will be the poorest => Andrew Pendleton"],
        );
        check(
            "\"We are doing research,\" Michael Lamberty, a Lufthansa spokesman told the BBC.",
            &["We are doing research => Michael Lamberty"],
        );
        check(
            "On Tuesday, deputy prime minister Mr Prescott told BBC News: \"We are united.\"",
            &["We are united. => deputy prime minister Mr Prescott"],
        );
        check(
            "\"It is over,\" the report, released on Monday, said.",
            &["It is over => ?"],
        );
    }

    /// Verbs that say how someone spoke ("bellowed", "laughed") or what they called
    /// something ("branded", "hailed") frame a quote as "said" does.
    #[test]
    fn how_someone_spoke_frames_a_quote() {
        check(
            "Liam Gallagher greeted the news. He laughed: \"What baby?\" Tory Dominic Grieve \
             branded the office \"scandalous\". \"Never,\" yelled Ann Lee. Gallagher left.",
            &[
                "What baby? => Liam Gallagher",
                "scandalous => Tory Dominic Grieve",
                "Never => Ann Lee",
            ],
        );
    }

    /// A given name alone shows the one full name the article gives it; not where two
    /// surnames share it, nor a possessive's.
    #[test]
    fn a_given_name_alone_is_the_person_named_in_full() {
        check(
            "Noel Gallagher became a father. Fans cheered when Noel arrived. \"It's mega,\" \
             Noel said. Gallagher left.",
            &["It's mega => Noel Gallagher"],
        );
        check(
            "Noel Gallagher and Noel Redding met. Fans cheered when Noel arrived. \"It's \
             mega,\" Noel said. Gallagher and Redding left.",
            &["It's mega => Noel"],
        );
        check(
            "Her show Victoria's Secrets starts soon. Fans cheered when Victoria arrived. \
             \"I love it,\" Victoria said.",
            &["I love it => Victoria"],
        );
    }

    /// One person shows under one label in a document: the first that gives the name
    /// with a role, for the bare name and another role alike; a name of one word, or
    /// another person of the same surname, keeps its own.
    #[test]
    fn one_person_has_one_label() {
        check(
            "\"We will appeal,\" said Arsenal vice-chairman David Dein. \"It was unfair,\" \
             said David Dein. \"The fans agree,\" said club director David Dein. \"No,\" said \
             Dein. \"Yes,\" said Susan Dein.",
            &[
                "We will appeal => Arsenal vice-chairman David Dein",
                "It was unfair => Arsenal vice-chairman David Dein",
                "The fans agree => Arsenal vice-chairman David Dein",
                "No => Arsenal vice-chairman David Dein",
                "Yes => Susan Dein",
            ],
        );
    }

    /// A title and surname ("said Mr Jain") show the fuller name the article gives,
    /// unless the first name or title says another sex, or "Mrs" stands beside a first
    /// name that says nothing of it (a wife beside her husband).
    #[test]
    fn a_titled_surname_shows_the_fuller_name() {
        check(
            "Police said Rajesh Jain was robbed. \"It was terrifying,\" said Mr Jain.",
            &["It was terrifying => Rajesh Jain"],
        );
        check(
            "The court heard that Kevin Jones was robbed. \"He was shaking,\" said Mrs Jones.",
            &["He was shaking => Mrs Jones"],
        );
        check(
            "The court heard that actor Saeed Jaffrey was robbed. \"He was shaking,\" said \
             Mrs Jaffrey.",
            &["He was shaking => Mrs Jaffrey"],
        );
        // The given name tells, not a surname that is one elsewhere.
        check(
            "Police said Anne Alexander was robbed. \"It was terrifying,\" said Ms Alexander.",
            &["It was terrifying => Anne Alexander"],
        );
    }
}
