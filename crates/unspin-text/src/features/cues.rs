//! Word lists: attribution cues (said, told, according to …) and negations.

/// Reporting verbs and their participles.
pub fn is_attribution_verb(lower: &str) -> bool {
    ATTRIBUTION_VERBS.binary_search(&lower).is_ok()
}

/// Who hears evidence, so that "the court heard" / "the jury heard" attribute what
/// follows, as court reports write it; "heard" alone has too many other senses.
pub fn is_hearing_body(lower: &str) -> bool {
    matches!(
        lower,
        "court"
            | "jury"
            | "tribunal"
            | "inquest"
            | "magistrates"
            | "hearing"
            | "trial"
            | "committee"
    )
}

/// Reporting verbs common enough in other senses ("called off", "asked for") that they
/// only attribute next to a quote, never on their own.
pub fn is_weak_attribution(lower: &str) -> bool {
    matches!(
        lower,
        "called"
            | "asked"
            | "continued"
            | "posted"
            | "maintained"
            | "observed"
            | "adds"
            | "notes"
            | "states"
    )
}

/// "-ing" reporting forms whose subject is the sentence's subject ("…, saying that").
pub fn is_participle(lower: &str) -> bool {
    lower.ends_with("ing") && is_attribution_verb(lower)
}

/// Plural nouns that carry an attribution themselves ("reports that …", "claims that …").
pub fn is_claim_noun(lower: &str) -> bool {
    matches!(
        lower,
        "reports" | "claims" | "rumors" | "rumours" | "allegations" | "speculation" | "report"
    )
}

/// A negation: "not", "never" … and contractions, also as sites that strip apostrophes
/// print them ("dont", "doesnt"; not "wont" or "cant", which are words of their own),
/// and the prefix "non" that the tokenizer splits off ("non-criminal").
pub fn is_negation(lower: &str) -> bool {
    matches!(
        lower,
        "not"
            | "non"
            | "no"
            | "never"
            | "nothing"
            | "none"
            | "nobody"
            | "neither"
            | "nor"
            | "without"
            | "cannot"
            | "dont"
            | "doesnt"
            | "didnt"
            | "isnt"
            | "arent"
            | "wasnt"
            | "werent"
            | "hasnt"
            | "havent"
            | "hadnt"
            | "couldnt"
            | "shouldnt"
            | "wouldnt"
    ) || lower.ends_with("n't")
}

/// A word that denies what follows without being a negation ("denied that they met",
/// "refused to pay", "declined to comment", "unless they pay"): a copy that writes a
/// negation there ("never met", "would not comment", "if they do not pay") says the same.
pub fn is_denial(lower: &str) -> bool {
    DENIALS.binary_search(&lower).is_ok()
}

// Sorted; checked by a test.
const DENIALS: &[&str] = &[
    "decline",
    "declined",
    "declines",
    "declining",
    "denial",
    "denials",
    "denied",
    "denies",
    "deny",
    "denying",
    "dismiss",
    "dismissed",
    "dismisses",
    "disputed",
    "disputes",
    "fail",
    "failed",
    "failing",
    "fails",
    "failure",
    "refuse",
    "refused",
    "refuses",
    "refusing",
    "refute",
    "refuted",
    "reject",
    "rejected",
    "rejecting",
    "rejects",
    "unable",
    "unless",
];

pub fn is_pronoun(lower: &str) -> bool {
    matches!(
        lower,
        "he" | "she" | "they" | "it" | "his" | "her" | "their" | "its"
    )
}

/// Nouns and modifiers that may stand inside a speaker phrase ("Kremlin spokesman",
/// "a person familiar with the matter").
pub fn is_speaker_phrase_word(lower: &str) -> bool {
    SPEAKER_WORDS.binary_search(&lower).is_ok()
}

// Sorted; checked by a test.
const ATTRIBUTION_VERBS: &[&str] = &[
    "according",
    "acknowledged",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "affirmed",
    "agreed",
    "agrees",
    "alleged",
    "announced",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asserted",
    "boasted",
    "called",
    "characterised",
    "characterized",
    "cited",
    "citing",
    "claimed",
    "claiming",
    "claims",
    "commented",
    "complained",
    "conceded",
    "concluded",
    "confirmed",
    "contended",
    "continued",
    "declared",
    "denied",
    "described",
    "describing",
    "emphasised",
    "emphasized",
    "emphasizing",
    "explained",
    "explaining",
    "explains",
    "indicated",
    "indicating",
    "informed",
    "insisted",
    "insisting",
    "insists",
    "joked",
    "maintained",
    "mentioned",
    "noted",
    "notes",
    "noting",
    "observed",
    "posted",
    "predicted",
    "predicts",
    "quipped",
    "quoted",
    "quoting",
    "recalled",
    "remarked",
    "remarking",
    "replied",
    "reported",
    "reports",
    "responded",
    "revealed",
    "reveals",
    "said",
    "say",
    "saying",
    "says",
    "shouted",
    "stated",
    "states",
    "stating",
    "stressed",
    "stressing",
    "suggested",
    "suggesting",
    "tell",
    "telling",
    "tells",
    "told",
    "tweeted",
    "urged",
    "urges",
    "vowed",
    "warned",
    "warning",
    "warns",
    "writes",
    "writing",
    "wrote",
];

// Sorted; checked by a test.
const SPEAKER_WORDS: &[&str] = &[
    "a",
    "adviser",
    "advisor",
    "agency",
    "aide",
    "ambassador",
    "an",
    "analyst",
    "chief",
    "daily",
    "deputy",
    "diplomat",
    "director",
    "envoy",
    "expert",
    "familiar",
    "foreign",
    "former",
    "general",
    "head",
    "lawyer",
    "leader",
    "matter",
    "minister",
    "ministry",
    "newspaper",
    "of",
    "official",
    "officials",
    "one",
    "people",
    "person",
    "president",
    "press",
    "prosecutor",
    "secretary",
    "senior",
    "situation",
    "source",
    "sources",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "the",
    "with",
];

/// Which of "he" or "she" stands for a person, as a title or a common first name says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    He,
    She,
}

/// What a title or a common English first name says of whom "he" or "she" can mean
/// ("Mrs", "Kelly": she; "Sir", "Clive": he). Names common to both are in neither list.
pub fn sex_of(lower: &str) -> Option<Sex> {
    let lower = lower.trim_end_matches('.');
    if HE_WORDS.binary_search(&lower).is_ok() {
        Some(Sex::He)
    } else if SHE_WORDS.binary_search(&lower).is_ok() {
        Some(Sex::She)
    } else {
        None
    }
}

// Sorted; checked by a test.
const HE_WORDS: &[&str] = &[
    "adam",
    "alan",
    "alastair",
    "albert",
    "alexander",
    "andrew",
    "andy",
    "anthony",
    "arthur",
    "barry",
    "ben",
    "benjamin",
    "bernard",
    "bill",
    "bob",
    "brian",
    "bruce",
    "carl",
    "charles",
    "christopher",
    "clive",
    "colin",
    "craig",
    "daniel",
    "danny",
    "darren",
    "david",
    "dean",
    "dennis",
    "derek",
    "dominic",
    "donald",
    "douglas",
    "duncan",
    "edward",
    "eric",
    "frank",
    "fred",
    "gareth",
    "gary",
    "geoffrey",
    "george",
    "gerald",
    "gordon",
    "graham",
    "greg",
    "harry",
    "henry",
    "howard",
    "hugh",
    "iain",
    "ian",
    "jack",
    "jake",
    "james",
    "jason",
    "jeffrey",
    "jeremy",
    "jim",
    "john",
    "jonathan",
    "joseph",
    "keith",
    "kenneth",
    "kevin",
    "king",
    "liam",
    "lord",
    "malcolm",
    "mark",
    "martin",
    "matthew",
    "michael",
    "mike",
    "mr",
    "neil",
    "nicholas",
    "nigel",
    "oliver",
    "patrick",
    "paul",
    "peter",
    "philip",
    "phillip",
    "prince",
    "ray",
    "raymond",
    "richard",
    "robert",
    "roger",
    "ronald",
    "roy",
    "russell",
    "ryan",
    "samuel",
    "scott",
    "sean",
    "simon",
    "sir",
    "stephen",
    "steve",
    "steven",
    "stuart",
    "thomas",
    "tim",
    "timothy",
    "tom",
    "tony",
    "trevor",
    "victor",
    "vincent",
    "walter",
    "wayne",
    "william",
];

// Sorted; checked by a test.
const SHE_WORDS: &[&str] = &[
    "abigail",
    "alice",
    "alison",
    "amanda",
    "amy",
    "andrea",
    "angela",
    "ann",
    "anna",
    "anne",
    "barbara",
    "baroness",
    "beverley",
    "brenda",
    "carol",
    "caroline",
    "catherine",
    "charlotte",
    "cheryl",
    "christine",
    "claire",
    "clare",
    "dame",
    "deborah",
    "denise",
    "diana",
    "diane",
    "donna",
    "dorothy",
    "elaine",
    "eleanor",
    "elizabeth",
    "emily",
    "emma",
    "esther",
    "fiona",
    "frances",
    "gillian",
    "hannah",
    "harriet",
    "hazel",
    "heather",
    "helen",
    "hilary",
    "imelda",
    "irene",
    "jacqueline",
    "jane",
    "janet",
    "janice",
    "jayne",
    "jennifer",
    "jessica",
    "joan",
    "joanna",
    "josephine",
    "joyce",
    "judith",
    "julia",
    "julie",
    "karen",
    "kate",
    "katherine",
    "kathleen",
    "kelly",
    "lady",
    "laura",
    "lesley",
    "linda",
    "lisa",
    "lorraine",
    "louise",
    "lucy",
    "lynn",
    "margaret",
    "maria",
    "marie",
    "marion",
    "mary",
    "maureen",
    "meg",
    "melanie",
    "michelle",
    "miss",
    "mrs",
    "ms",
    "natalie",
    "natasha",
    "nicola",
    "norma",
    "pamela",
    "patricia",
    "paula",
    "pauline",
    "princess",
    "queen",
    "rachel",
    "rebecca",
    "rose",
    "ruth",
    "sally",
    "samantha",
    "sandra",
    "sarah",
    "sharon",
    "sheila",
    "shirley",
    "sophie",
    "stephanie",
    "susan",
    "suzanne",
    "teresa",
    "tracey",
    "tracy",
    "valerie",
    "victoria",
    "wendy",
    "yvonne",
    "zoe",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_with_and_without_apostrophe_negate() {
        for w in [
            "don't", "dont", "doesn't", "doesnt", "wasn't", "wasnt", "cannot", "not", "non",
        ] {
            assert!(is_negation(w), "{w}");
        }
        for w in ["wont", "cant", "donut", "note", "know"] {
            assert!(!is_negation(w), "{w}");
        }
    }

    #[test]
    fn lists_sorted() {
        assert!(ATTRIBUTION_VERBS.windows(2).all(|w| w[0] < w[1]));
        assert!(SPEAKER_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(DENIALS.windows(2).all(|w| w[0] < w[1]));
        assert!(HE_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(SHE_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
