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

/// Reporting verbs common enough in other senses ("called off", "asked for", "pleaded
/// guilty") or that say how, not what ("laughed", "sobbed") that they only attribute
/// next to a quote, never on their own.
pub fn is_weak_attribution(lower: &str) -> bool {
    matches!(
        lower,
        "called"
            | "asked"
            | "asks"
            | "continued"
            | "continues"
            | "posted"
            | "maintained"
            | "observed"
            | "observes"
            | "adds"
            | "notes"
            | "states"
            | "bellowed"
            | "branded"
            | "cried"
            | "demanded"
            | "exclaimed"
            | "fumed"
            | "hailed"
            | "laughed"
            | "muttered"
            | "pleaded"
            | "pledged"
            | "raged"
            | "screamed"
            | "sighed"
            | "snapped"
            | "sobbed"
            | "whispered"
            | "yelled"
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
    "asks",
    "asserted",
    "bellowed",
    "boasted",
    "branded",
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
    "concludes",
    "confirmed",
    "contended",
    "continued",
    "continues",
    "cried",
    "declared",
    "demanded",
    "denied",
    "described",
    "describing",
    "emphasised",
    "emphasized",
    "emphasizing",
    "exclaimed",
    "explained",
    "explaining",
    "explains",
    "fumed",
    "hailed",
    "indicated",
    "indicating",
    "informed",
    "insisted",
    "insisting",
    "insists",
    "joked",
    "laughed",
    "maintained",
    "mentioned",
    "muttered",
    "noted",
    "notes",
    "noting",
    "observed",
    "observes",
    "pleaded",
    "pledged",
    "posted",
    "predicted",
    "predicts",
    "quipped",
    "quoted",
    "quoting",
    "raged",
    "recalled",
    "recalls",
    "recounted",
    "remarked",
    "remarking",
    "replied",
    "replies",
    "reported",
    "reports",
    "responded",
    "revealed",
    "reveals",
    "said",
    "say",
    "saying",
    "says",
    "screamed",
    "shouted",
    "sighed",
    "snapped",
    "sobbed",
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
    "testified",
    "told",
    "tweeted",
    "urged",
    "urges",
    "vowed",
    "warned",
    "warning",
    "warns",
    "whispered",
    "writes",
    "writing",
    "wrote",
    "yelled",
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

/// What a title or a common given name says of whom "he" or "she" can mean ("Mrs",
/// "Kelly": she; "Sir", "Clive": he). Names given to both are neither.
pub fn sex_of(lower: &str) -> Option<Sex> {
    let lower = lower.trim_end_matches('.');
    let among = |list: &[&str]| list.binary_search(&lower).is_ok();
    if among(HE_TITLES) || among(HE_NAMES) {
        Some(Sex::He)
    } else if among(SHE_TITLES) || among(SHE_NAMES) {
        Some(Sex::She)
    } else {
        None
    }
}

/// What a person's name or label says of their sex: its first word that tells, a title
/// or a given name before the surname ("Margaret Hassan" is a she, though "Hassan" is a
/// given name too).
pub fn sex_of_name<W: AsRef<str>>(words: impl IntoIterator<Item = W>) -> Option<Sex> {
    words
        .into_iter()
        .find_map(|w| sex_of(&w.as_ref().to_lowercase()))
}

/// A common given name of English-language news ("Rory", "Kelly", "Chris").
pub fn is_given_name(lower: &str) -> bool {
    [HE_NAMES, SHE_NAMES, EITHER_NAMES]
        .iter()
        .any(|list| list.binary_search(&lower).is_ok())
}

// Sorted; checked by a test.
const HE_TITLES: &[&str] = &["king", "lord", "mr", "prince", "sir"];

// Sorted; checked by a test.
const SHE_TITLES: &[&str] = &[
    "baroness", "dame", "lady", "miss", "mrs", "ms", "princess", "queen",
];

// Sorted; checked by a test.
const HE_NAMES: &[&str] = &[
    "abdul",
    "adam",
    "ahmed",
    "alan",
    "alastair",
    "albert",
    "alexander",
    "alfred",
    "ali",
    "alistair",
    "andre",
    "andrew",
    "andy",
    "angus",
    "anthony",
    "antonio",
    "ariel",
    "arthur",
    "barry",
    "ben",
    "benjamin",
    "bernard",
    "bill",
    "bob",
    "boris",
    "brian",
    "bruce",
    "carl",
    "carlos",
    "charles",
    "christopher",
    "clive",
    "colin",
    "craig",
    "cyril",
    "daniel",
    "danny",
    "darren",
    "dave",
    "david",
    "dean",
    "dennis",
    "derek",
    "desmond",
    "dmitry",
    "dominic",
    "donald",
    "doug",
    "douglas",
    "duncan",
    "ed",
    "edward",
    "ehud",
    "eric",
    "francois",
    "frank",
    "fred",
    "gareth",
    "gary",
    "geoffrey",
    "george",
    "gerald",
    "gerry",
    "giuseppe",
    "glen",
    "glenn",
    "gordon",
    "graham",
    "greg",
    "hamish",
    "hans",
    "harry",
    "hassan",
    "henry",
    "howard",
    "hugh",
    "hugo",
    "hussein",
    "iain",
    "ian",
    "ibrahim",
    "igor",
    "ivan",
    "jack",
    "jacques",
    "jake",
    "james",
    "jason",
    "jean-pierre",
    "jeff",
    "jeffrey",
    "jeremy",
    "jerry",
    "jesse",
    "jiang",
    "jim",
    "joe",
    "joel",
    "john",
    "johnny",
    "jon",
    "jonathan",
    "jose",
    "joseph",
    "joshua",
    "juan",
    "julian",
    "justin",
    "keith",
    "ken",
    "kenneth",
    "kevin",
    "khalid",
    "klaus",
    "kofi",
    "kyle",
    "larry",
    "lawrence",
    "leonard",
    "lewis",
    "liam",
    "lionel",
    "louis",
    "luis",
    "luke",
    "mahmoud",
    "malcolm",
    "marco",
    "marcus",
    "mario",
    "mark",
    "martin",
    "matt",
    "matthew",
    "maurice",
    "max",
    "michael",
    "mike",
    "mikhail",
    "mohammed",
    "muhammad",
    "mustafa",
    "nathan",
    "neil",
    "nelson",
    "nicholas",
    "nick",
    "nigel",
    "nikolai",
    "norman",
    "oliver",
    "omar",
    "osama",
    "oscar",
    "owen",
    "paolo",
    "patrick",
    "paul",
    "pedro",
    "peter",
    "phil",
    "philip",
    "phillip",
    "pierre",
    "ralph",
    "randy",
    "ray",
    "raymond",
    "reginald",
    "rhys",
    "richard",
    "ricky",
    "rob",
    "robert",
    "rodney",
    "roger",
    "roland",
    "ron",
    "ronald",
    "rory",
    "ross",
    "roy",
    "rupert",
    "russell",
    "ryan",
    "samuel",
    "scott",
    "sean",
    "sergei",
    "shamil",
    "shane",
    "shimon",
    "simon",
    "stanley",
    "stephen",
    "steve",
    "steven",
    "stewart",
    "stuart",
    "ted",
    "terence",
    "thomas",
    "tim",
    "timothy",
    "toby",
    "todd",
    "tom",
    "tony",
    "travis",
    "trevor",
    "tyler",
    "victor",
    "vincent",
    "vladimir",
    "walter",
    "wayne",
    "wesley",
    "william",
    "willie",
    "yasser",
    "yitzhak",
    "yuri",
];

// Sorted; checked by a test.
const SHE_NAMES: &[&str] = &[
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
    "condoleezza",
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
    "gemma",
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
    "kathryn",
    "kelly",
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
    "megan",
    "melanie",
    "michelle",
    "nancy",
    "natalie",
    "natasha",
    "nicola",
    "nicole",
    "norma",
    "pamela",
    "patricia",
    "paula",
    "pauline",
    "penny",
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
    "stella",
    "stephanie",
    "susan",
    "suzanne",
    "sylvia",
    "teresa",
    "theresa",
    "tina",
    "tracey",
    "tracy",
    "valerie",
    "vera",
    "victoria",
    "wendy",
    "yvonne",
    "zoe",
];

// Sorted; checked by a test.
const EITHER_NAMES: &[&str] = &[
    "alex", "chris", "hillary", "jamie", "jean", "kerry", "kim", "lee", "leslie", "robin", "sam",
    "terry",
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
        for list in [HE_TITLES, SHE_TITLES, HE_NAMES, SHE_NAMES, EITHER_NAMES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.first());
        }
    }
}
