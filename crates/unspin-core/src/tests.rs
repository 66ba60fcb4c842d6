//! Property tests of the whole comparison: invariants that must hold for any input.

use proptest::prelude::*;

use crate::article::Article;
use crate::changes::ChangeKind;
use crate::common_names::CommonNames;
use crate::compare::{Comparison, compare};
use crate::config::Config;
use crate::doc::Doc;
use crate::verdict::{Relation, Side};
use crate::{ChangesFor, assess};

const CODES: &[&str] = &[
    "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet",
    "Kilo", "Lima",
];
const NAMES: &[&str] = &["Anna Berg", "Omar Haddad", "Lena Fischer", "Tom Okoro"];
const NOUNS: &[&str] = &["bridge", "school", "clinic", "depot", "library", "stadium"];
const UNITS: &[&str] = &["workers", "tonnes", "visitors", "homes"];

/// One generated sentence; `k` makes it unique within the article.
fn sentence(k: usize, template: u8, name: usize, noun: usize, unit: usize, number: u32) -> String {
    let code = CODES[k % CODES.len()];
    let name = NAMES[name % NAMES.len()];
    let noun = NOUNS[noun % NOUNS.len()];
    let unit = UNITS[unit % UNITS.len()];
    match template % 3 {
        0 => format!("In the {code} district, {name} said the {noun} employs {number} {unit}."),
        1 => format!(
            "\u{201C}The {code} {noun} will reopen soon,\u{201D} said {name}, who counted {number} {unit} there."
        ),
        _ => format!(
            "Officials in {code} reported that {number} {unit} used the {noun} last year, according to {name}."
        ),
    }
}

fn article_strategy() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        (any::<u8>(), 0..4usize, 0..6usize, 0..4usize, 2u32..99_999),
        2..10,
    )
    .prop_map(|specs| {
        specs
            .into_iter()
            .enumerate()
            .map(|(k, (t, n, o, u, num))| sentence(k, t, n, o, u, num))
            .collect()
    })
}

fn join(sentences: &[String]) -> String {
    sentences
        .chunks(2)
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn an_article_compared_with_itself_is_a_duplicate_with_no_changes(sentences in article_strategy()) {
        let a = Article::new("a", join(&sentences));
        let c = compare(&a, &a, &Config::default());
        prop_assert_eq!(c.verdict.relation, Relation::Duplicate);
        prop_assert!(c.changes.is_empty(), "{:?}", c.changes);
    }

    #[test]
    fn one_edited_number_gives_exactly_one_number_changed(sentences in article_strategy(), pick in any::<prop::sample::Index>()) {
        let text = join(&sentences);
        // Numbers as written in the text, with their offsets.
        let numbers: Vec<(usize, &str)> = regex::Regex::new(r"\b\d+\b").unwrap().find_iter(&text).map(|m| (m.start(), m.as_str())).collect();
        let (at, old) = numbers[pick.index(numbers.len())];
        prop_assume!(text.matches(old).count() == 1);
        let mut new = format!("{}7", old);
        while text.contains(&new) {
            new.push('3');
        }
        let edited = format!("{}{}{}", &text[..at], new, &text[at + old.len()..]);
        let (a, b) = (Article::new("a", text.clone()), Article::new("b", edited.clone()));
        let c = compare(&a, &b, &Config::default());
        prop_assert_eq!(c.changes.len(), 1, "{:?}", c.changes);
        let change = &c.changes[0];
        prop_assert_eq!(change.kind, ChangeKind::NumberChanged);
        prop_assert_eq!(change.a.map(|s| (s.start, s.slice(&text))), Some((at, old)));
        prop_assert_eq!(change.b.map(|s| (s.start, s.slice(&edited))), Some((at, new.as_str())));
        prop_assert!(c.verdict.relation.is_derived());
    }

    /// A "not" written into one kept sentence is one flipped negation, whatever the
    /// sentences around it say.
    #[test]
    fn one_negation_written_in_gives_one_flip(sentences in article_strategy(), pick in any::<prop::sample::Index>()) {
        let text = join(&sentences);
        let reopen: Vec<usize> = text.match_indices(" will reopen").map(|(at, _)| at).collect();
        prop_assume!(!reopen.is_empty());
        let at = reopen[pick.index(reopen.len())] + " will".len();
        let edited = format!("{} not{}", &text[..at], &text[at..]);
        let (a, b) = (Article::new("a", text.clone()), Article::new("b", edited.clone()));
        let c = compare(&a, &b, &Config::default());
        let flips: Vec<_> = c.changes.iter().filter(|c| c.kind == ChangeKind::NegationFlipped).collect();
        prop_assert_eq!(flips.len(), 1, "{:?}", c.changes);
        let copy = flips[0].b.map(|s| s.slice(&edited)).unwrap_or_default();
        prop_assert!(copy.contains("will not reopen"), "{}", copy);
    }

    /// The relation, the source and the figures do not depend on the order the articles
    /// are given in; nor do the changes, once a source is known.
    #[test]
    fn comparing_b_with_a_mirrors_comparing_a_with_b(
        base in article_strategy(),
        extra in article_strategy(),
        keep in prop::collection::vec(any::<bool>(), 10),
    ) {
        // b keeps some of a's sentences and adds others of its own, in between.
        let mut mixed = Vec::new();
        for (k, s) in base.iter().enumerate() {
            if keep[k % keep.len()] {
                mixed.push(s.clone());
            }
            if let Some(e) = extra.get(k) {
                mixed.push(e.replace("district", "ward"));
            }
        }
        let (a, b) = (Article::new("a", join(&base)), Article::new("b", join(&mixed)));
        let cfg = Config::default();
        let (ab, ba) = (compare(&a, &b, &cfg), compare(&b, &a, &cfg));
        prop_assert_eq!(ab.verdict.relation, ba.verdict.relation);
        prop_assert_eq!(ab.verdict.source, ba.verdict.source.map(Side::other));
        prop_assert_eq!(ab.verdict.coverage_a, ba.verdict.coverage_b);
        prop_assert_eq!(ab.verdict.verbatim_share, ba.verdict.verbatim_share);
        let listed = |c: &Comparison<'_>, swap: bool| {
            let mut out: Vec<_> = c
                .changes
                .iter()
                .map(|ch| {
                    let (x, y) = if swap { (ch.b, ch.a) } else { (ch.a, ch.b) };
                    (ch.kind, ch.detail.clone(), x.map(|s| s.start), y.map(|s| s.start))
                })
                .collect();
            out.sort_by(|p, q| format!("{p:?}").cmp(&format!("{q:?}")));
            out
        };
        // Without a known source, changes are read from the article given first.
        if ab.verdict.source.is_some() {
            prop_assert_eq!(listed(&ab, false), listed(&ba, true));
        }
    }

    #[test]
    fn any_thresholds_compare_and_trace_without_panicking(
        sentences in article_strategy(),
        values in prop::collection::vec(prop::num::f64::ANY, 12),
        own_words in any::<usize>(),
    ) {
        // NaN, infinities and negative values included: no threshold may send an index
        // out of bounds (a link threshold of 0 once linked sentences to "no sentence").
        let cfg = Config {
            link_threshold: values[0],
            split_containment: values[1],
            edited_threshold: values[2],
            rewrite_coverage: values[3],
            partial_coverage: values[4],
            same_story_similarity: values[5],
            trace_wholly: values[6],
            template_number_agreement: values[7],
            template_name_agreement: values[8],
            trace_fuse_cover: values[9],
            trace_fuse_gain: values[10],
            trace_wholly_mostly: values[11],
            trace_own_words: own_words,
            ..Config::default()
        };
        let a = Article::new("a", join(&sentences));
        let b = Article::new("b", join(&sentences[..sentences.len() / 2]));
        let c = compare(&a, &b, &cfg);
        for g in &c.groups {
            prop_assert!(g.a.iter().all(|&i| i < c.a_units.len()));
            prop_assert!(g.b.iter().all(|&j| j < c.b_units.len()));
        }
        let t = crate::trace(&b, std::slice::from_ref(&a), &cfg);
        prop_assert!(t.derived_share.is_nan() || (0.0..=1.0).contains(&t.derived_share));
    }

    #[test]
    fn any_input_compares_without_panicking(a in "[\\PC\\s\"'“”«»‘’.,!?\\n]{0,300}", b in "[a-zA-Z0-9 \"“”.,\\n]{0,300}") {
        let (x, y) = (Article::new("a", a), Article::new("b", b));
        let c = compare(&x, &y, &Config::default());
        for ch in &c.changes {
            if let Some(s) = ch.a { prop_assert!(x.text.get(s.start..s.end).is_some()); }
            if let Some(s) = ch.b { prop_assert!(y.text.get(s.start..s.end).is_some()); }
        }
        for u in &c.a_units { prop_assert!(x.text.get(u.span.start..u.span.end).is_some()); }
    }
}

/// `ChangesFor::Derived` lists no changes for independent reports of one story, and
/// decides the same relation as `compare`.
#[test]
fn scan_assessment_skips_changes_of_same_story_pairs() {
    let a = Article::new(
        "a",
        include_str!("../../../examples/corpus/original.md").to_string(),
    );
    let b = Article::new(
        "b",
        include_str!("../../../examples/corpus/same-story.txt").to_string(),
    );
    let cfg = Config::default();
    let (da, db) = (Doc::new(&a), Doc::new(&b));
    let none = CommonNames::default();
    let full = assess(&da, &db, &cfg, ChangesFor::Related, &none);
    let scan = assess(&da, &db, &cfg, ChangesFor::Derived, &none);
    assert_eq!(full.verdict.relation, Relation::SameStory);
    assert_eq!(scan.verdict, full.verdict);
    assert!(!full.changes.is_empty());
    assert!(scan.changes.is_empty());
    let c = compare(&a, &b, &cfg);
    assert_eq!(c.changes.len(), full.changes.len());
}

/// Two items on one template are same story: `compare` shows how their facts differ,
/// a scan lists no distortions for them.
#[test]
fn scan_assessment_lists_no_changes_for_template_items() {
    let item = |company: &str, date: &str| {
        Article::new(
            company,
            format!(
                "{company} said its board declared a two-for-one stock split payable \
                 {date}. The company said the split would widen the ownership of its \
                 shares among small investors."
            ),
        )
    };
    let (a, b) = (
        item("Harwick Tools Inc", "May 4"),
        item("Pellam Foods Inc", "June 9"),
    );
    let (da, db) = (Doc::new(&a), Doc::new(&b));
    let (cfg, none) = (Config::default(), CommonNames::default());
    let full = assess(&da, &db, &cfg, ChangesFor::Related, &none);
    let scan = assess(&da, &db, &cfg, ChangesFor::Derived, &none);
    assert_eq!(full.verdict.relation, Relation::SameStory);
    assert_eq!(
        full.verdict.template,
        Some(crate::verdict::TemplateSign::OtherSubjects)
    );
    assert_eq!(scan.verdict, full.verdict);
    assert!(
        full.changes
            .iter()
            .any(|c| c.kind == ChangeKind::DateChanged),
        "{:?}",
        full.changes
    );
    assert!(scan.changes.is_empty(), "{:?}", scan.changes);
}

/// A text that never ends a sentence puts every quote in one aligned passage: past the
/// exhaustive pairing and the per-quote candidate cap, each quote still finds its twin,
/// even the altered one, which is as like each of the others as its own.
#[test]
fn a_passage_of_many_quotes_pairs_each_with_its_own() {
    let quote = |k: usize| format!("\u{201C}the {} depot {k} stays open\u{201D}", CODES[k % 12]);
    let text = |altered: Option<usize>| {
        (0..150)
            .map(|k| match altered {
                Some(a) if a == k => {
                    "Anna Berg said \u{201C}the old depot stays open for good\u{201D}".to_string()
                }
                _ => format!("Anna Berg said {}", quote(k)),
            })
            .collect::<Vec<_>>()
            .join(" and ")
    };
    let a = Article::new("a", text(None));
    let b = Article::new("b", text(Some(97)));
    let c = compare(&a, &b, &Config::default());
    let quotes: Vec<_> = c
        .changes
        .iter()
        .filter(|ch| {
            matches!(
                ch.kind,
                ChangeKind::QuoteAltered | ChangeKind::QuoteAdded | ChangeKind::QuoteRemoved
            )
        })
        .collect();
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].kind, ChangeKind::QuoteAltered);
    let old = quotes[0].a.map(|s| s.slice(&a.text).to_string());
    assert_eq!(
        old,
        Some(format!("the {} depot 97 stays open", CODES[97 % 12]))
    );
}

/// A speaker's other statement is an added quote, not the source's quote altered: two
/// quotes pair when they share words, or when both are short phrases ("very painful"
/// for "very distressing") said by one speaker.
#[test]
fn a_speakers_other_statement_is_no_altered_quote() {
    let source = "The inquiry into the closure of the Harwick ferry heard from the port \
                  manager on Tuesday.\n\n\u{201C}We were told the ferry would run until the \
                  end of the summer, and nobody warned us otherwise,\u{201D} said Ellen Marsh, \
                  who runs the harbour cafe.";
    let quote_changes = |copy: &str| -> Vec<String> {
        compare(
            &Article::new("a", source),
            &Article::new("b", copy),
            &Config::default(),
        )
        .changes
        .iter()
        .filter(|c| c.kind.as_str().starts_with("quote_"))
        .map(|c| format!("{} | {}", c.speaker.as_deref().unwrap_or("-"), c.detail))
        .collect()
    };
    let copy = |quote: &str| {
        format!(
            "The inquiry into the closure of the Harwick ferry heard from the port manager \
             on Tuesday.\n\nEllen Marsh, who runs the harbour cafe, said later: \
             \u{201C}{quote}\u{201D}"
        )
    };
    assert_eq!(
        quote_changes(&copy(
            "The cafe will have to close its doors for the winter."
        )),
        [
            "Ellen Marsh | quote the source does not have: \"The cafe will have to close its \
          doors for the winter.\""
        ]
    );
    assert_eq!(
        quote_changes(&copy(
            "Nobody warned us otherwise; we were told the ferry would keep running to the \
             end of summer."
        )),
        [
            "Ellen Marsh | now quoted as \"Nobody warned us otherwise; we were told the ferry \
          would keep running to the end of summer.\" (source: \"We were told the ferry \
          would run until the end of the summer, and nobody warned us otherwise\")"
        ]
    );
}

/// Two wire items on one template are two stories, not a copy: whether the same wording
/// is filled in for another subject or with other figures, while changing one fact of
/// the same item is still a copy.
#[test]
fn items_on_one_template_are_same_story_and_edits_of_one_item_are_copies() {
    let split = |company: &str, date: &str| {
        format!(
            "{company} said its board declared a two-for-one stock split payable {date}. \
             The company said the split would widen the ownership of its shares among \
             small investors."
        )
    };
    let table = |[shr, net, revs, shares, orders, gain]: [&str; 6]| {
        format!(
            "Shr {shr}\n\nNet {net}\n\nRevs {revs}\n\nAvg shrs {shares}\n\n\
             Orders {orders}\n\n\
             NOTE: Net includes a one-time gain of {gain} from the sale of a warehouse."
        )
    };
    let harwick = split("Harwick Tools Inc", "May 4");
    let own_table = table([
        "2.14 dlrs vs 93 cts",
        "3,412,000 vs 1,209,000",
        "41,300,000 vs 36,800,000",
        "1,594,000 vs 1,300,000",
        "8,200,000 vs 7,100,000",
        "612,000 dlrs",
    ]);
    let cases = [
        // Another company, another date: the subject appears nowhere in the other.
        (
            split("Pellam Foods Inc", "June 9"),
            &harwick,
            Relation::SameStory,
        ),
        // The same company, the date edited: a copy with a changed date.
        (
            split("Harwick Tools Inc", "May 14"),
            &harwick,
            Relation::Rewrite,
        ),
        // Every figure of the table differs (in other units, so few pair up as edits):
        // another company's results.
        (
            table([
                "61 cts vs 48 cts",
                "12.6 mln vs 9.7 mln",
                "288.4 mln vs 251.9 mln",
                "20.7 mln vs 20.2 mln",
                "97.5 mln vs 88.3 mln",
                "2.3 mln dlrs",
            ]),
            &own_table,
            Relation::SameStory,
        ),
        // One figure edited: a copy with a changed number.
        (
            table([
                "2.14 dlrs vs 93 cts",
                "3,412,000 vs 1,290,000",
                "41,300,000 vs 36,800,000",
                "1,594,000 vs 1,300,000",
                "8,200,000 vs 7,100,000",
                "612,000 dlrs",
            ]),
            &own_table,
            Relation::Rewrite,
        ),
    ];
    for (copy, source, expect) in cases {
        let (a, b) = (
            Article::new("a", source.clone()),
            Article::new("b", copy.clone()),
        );
        let c = compare(&a, &b, &Config::default());
        let relation = if c.verdict.relation.is_derived() {
            Relation::Rewrite
        } else {
            c.verdict.relation
        };
        assert_eq!(relation, expect, "{copy}\n{:?}", c.changes);
    }
}

/// A bond item of another issuer, with other managers, is another story by its names
/// alone (the other signs switched off), while a free rewrite of the item, which keeps
/// its names, is still a copy.
#[test]
fn an_item_naming_other_entities_is_same_story_by_names_alone() {
    let item = "Harwick Tools Plc is issuing a 100 mln stg convertible eurobond due February \
        20, 2002 paying an indicated coupon of four to 4-1/4 pct and priced at par, lead \
        manager Ambrose Merchant Ltd said. The issue is callable after 90 days at 106 pct \
        declining by one pct per annum to par thereafter. Final terms will be set on, or \
        before, March 9. The selling concession is 1-1/2 pct while management and \
        underwriting each pay 1/2 pct. The payment date is March 25.";
    let other_issuer = "Pellam Mortgage Corp is issuing a 100 mln Canadian dlr eurobond due \
        April 9, 1992 paying 8-3/4 pct and priced at 100-3/4 pct, lead manager Fraser Gordon \
        Ltd said. The non-callable bond is available in denominations of 1,000 and 10,000 \
        Canadian dlrs and will be listed in Luxembourg. It is guaranteed by the Bank of \
        Ostrava. The selling concession is 1-1/4 pct, while management pays 1/4 pct and \
        underwriting pays 3/8 pct. The payment date is April 8 and there will be a long \
        first coupon period.";
    let rewrite = "Harwick Tools Plc is selling a 100 mln stg convertible eurobond maturing \
        on February 20, 2002, with an indicated coupon of four to 4-1/4 pct and a price of \
        par, said lead manager Ambrose Merchant Ltd. After 90 days the issue can be called \
        at 106 pct, falling by one pct a year to par. Terms will be fixed by March 9 at the \
        latest. Management and underwriting each pay 1/2 pct and the selling concession is \
        1-1/2 pct. Payment is due on March 25.";
    let names_only = Config {
        template_min_changes: usize::MAX,
        template_changed_share: f64::INFINITY,
        template_min_numbers: usize::MAX,
        template_min_unshared_numbers: usize::MAX,
        ..Config::default()
    };
    let no_sign = Config {
        template_min_names: usize::MAX,
        template_min_unshared_names: usize::MAX,
        ..names_only.clone()
    };
    let relation = |copy: &str, cfg: &Config| {
        let (a, b) = (Article::new("a", item), Article::new("b", copy));
        compare(&a, &b, cfg).verdict.relation
    };
    assert_eq!(relation(other_issuer, &names_only), Relation::SameStory);
    assert_eq!(relation(other_issuer, &no_sign), Relation::Rewrite);
    assert_eq!(relation(rewrite, &names_only), Relation::Rewrite);
}

/// A filing of another company, with its own underwriters, is another story once the
/// corpus says which names every filing carries (the other signs switched off); the same
/// pair compared on its own shares those names and stays a copy, and so do a corrected
/// item (a misspelt name), a rewrite that keeps the names and a copy that renames them
/// but keeps the figures.
#[test]
fn a_filing_whose_only_shared_names_are_common_ones_is_same_story() {
    let filing = |company: &str, shares: &str, managers: &str| {
        format!(
            "{company} said it filed a registration statement with the Securities and \
             Exchange Commission covering a proposed public offering of {shares} mln \
             common shares. The company said the offering will be managed by {managers}. \
             It said proceeds will be used to repay bank debt and for general corporate \
             purposes."
        )
    };
    let item = filing("Harwick Tools Inc", "1.5", "Ambrose Merchant and Co");
    let other_company = filing("Pellam Foods Inc", "2.2", "Fraser Gordon Inc");
    let corrected = filing("Harwik Tools Inc", "1.5", "Ambrose Merchant and Co");
    // A copy that renames whom it is about keeps the figures: a distortion to report.
    let renamed = filing("Pellam Foods Inc", "1.5", "Fraser Gordon Inc");
    let rewrite = "Harwick Tools Inc has filed with the Securities and Exchange Commission \
        for a public offering of 1.5 mln common shares, to be managed by Ambrose Merchant \
        and Co. The company will use the proceeds to repay bank debt and for general \
        corporate purposes.";
    let only_this_sign = Config {
        template_min_changes: usize::MAX,
        template_changed_share: f64::INFINITY,
        template_min_numbers: usize::MAX,
        template_min_names: usize::MAX,
        ..Config::default()
    };
    let no_sign = Config {
        template_min_unshared_names: usize::MAX,
        ..only_this_sign.clone()
    };
    let common = common_names(&["securities", "exchange", "commission"]);
    assert!(common.contains("securities"), "{common:?}");
    let item = Article::new("a", item);
    let relation = |copy: &str, cfg: &Config, common: &CommonNames| {
        relation_of(&item, &Article::new("b", copy), cfg, common)
    };
    let none = CommonNames::default();
    assert_eq!(
        relation(&other_company, &only_this_sign, &common),
        Relation::SameStory
    );
    assert_eq!(
        relation(&other_company, &only_this_sign, &none),
        Relation::Rewrite
    );
    assert_eq!(
        relation(&other_company, &no_sign, &common),
        Relation::Rewrite
    );
    assert_eq!(
        relation(&corrected, &only_this_sign, &common),
        Relation::Rewrite
    );
    assert_eq!(
        relation(rewrite, &only_this_sign, &common),
        Relation::Rewrite
    );
    assert_eq!(
        relation(&renamed, &only_this_sign, &common),
        Relation::Rewrite
    );
}

/// Two of one central bank's money-market bulletins are two stories once the corpus says
/// that the bank's name is common: no rare name is shared and almost no figure (the other
/// signs switched off). A copy restating the figures, or one under the same headline or
/// none (a copy that distorted every figure), stays a copy.
#[test]
fn bulletins_sharing_no_rare_name_and_few_figures_are_same_story() {
    let bulletin = |late: &str, total: &str, shortage: &str| {
        format!(
            "The Bank of England said it provided the money market with {late} mln stg late \
             assistance. This brings its total help today to {total} mln stg and compares \
             with its revised shortage forecast of {shortage} mln stg."
        )
    };
    let item = titled(
        "MONEY MARKET GIVEN 185 MLN STG LATE HELP",
        bulletin("185", "290", "400"),
    );
    let next_day = titled(
        "MONEY MARKET GIVEN 104 MLN STG LATE HELP",
        bulletin("104", "310", "550"),
    );
    let restated = titled(
        "MONEY MARKET GETS LATE HELP",
        "The Bank of England gave the money market 185 mln stg of late assistance, taking \
         the day's help to 290 mln stg against a revised shortage forecast of 400 mln stg."
            .to_string(),
    );
    let distorted = titled(
        "MONEY MARKET GIVEN 185 MLN STG LATE HELP",
        bulletin("104", "310", "550"),
    );
    let no_sign = template_signs_off();
    let only_this_sign = Config {
        template_min_unshared_numbers: Config::default().template_min_unshared_numbers,
        ..no_sign.clone()
    };
    let common = common_names(&["england"]);
    let relation =
        |copy: &Article, cfg: &Config, common: &CommonNames| relation_of(&item, copy, cfg, common);
    let none = CommonNames::default();
    assert_eq!(
        relation(&next_day, &only_this_sign, &common),
        Relation::SameStory
    );
    // Compared on its own, "England" is a rare name both share.
    assert_eq!(
        relation(&next_day, &only_this_sign, &none),
        Relation::Rewrite
    );
    assert_eq!(relation(&next_day, &no_sign, &common), Relation::Rewrite);
    assert_eq!(
        relation(&restated, &only_this_sign, &common),
        Relation::Rewrite
    );
    assert_eq!(
        relation(&distorted, &only_this_sign, &common),
        Relation::Rewrite
    );
    // Without a headline, nothing says it is another bulletin: a copy that dropped
    // its source's headline and distorted every figure stays a copy.
    let untitled = Article::new("u", bulletin("104", "310", "550"));
    assert_eq!(
        relation(&untitled, &only_this_sign, &common),
        Relation::Rewrite
    );
}

/// Two bulletins, each dated and each reporting on "today", are two days' reports when
/// their dates differ and the other states few of their figures, under different
/// headlines (the other signs switched off). Undated, dated alike, without "today", or
/// under the same headline or none, they stay a copy; so does a later copy that keeps
/// the figures.
#[test]
fn reports_on_their_own_days_with_other_figures_are_same_story() {
    let bulletin = |late: &str, total: &str, shortage: &str, day: &str| {
        format!(
            "The Bank of England said it provided the money market with {late} mln stg late \
             assistance. This brings its total help {day} to {total} mln stg and compares \
             with its revised shortage forecast of {shortage} mln stg."
        )
    };
    let item = |title: &str, text: String, day: Option<u8>| {
        let mut a = titled(title, text);
        a.meta.date = day.and_then(|d| crate::article::CivilDate::new(1987, 3, d));
        a
    };
    let first = |day: &str| {
        item(
            "MONEY MARKET GIVEN 185 MLN STG LATE HELP",
            bulletin("185", "290", "400", day),
            Some(12),
        )
    };
    let other = |title: &str, day: &str, date: Option<u8>| {
        item(title, bulletin("104", "310", "550", day), date)
    };
    let headline = "MONEY MARKET GIVEN 104 MLN STG LATE HELP";
    let only_this_sign = template_signs_off();
    let relation =
        |a: &Article, b: &Article| relation_of(a, b, &only_this_sign, &CommonNames::default());
    let today = first("today");
    assert_eq!(
        relation(&today, &other(headline, "today", Some(19))),
        Relation::SameStory
    );
    assert_eq!(
        relation(&today, &other(headline, "today", None)),
        Relation::Rewrite
    );
    assert_eq!(
        relation(&today, &other(headline, "today", Some(12))),
        Relation::Rewrite
    );
    assert_eq!(
        relation(&first("so far"), &other(headline, "so far", Some(19))),
        Relation::Rewrite
    );
    let same_headline = "MONEY MARKET GIVEN 185 MLN STG LATE HELP";
    assert_eq!(
        relation(&today, &other(same_headline, "today", Some(19))),
        Relation::Rewrite
    );
    let kept = item(headline, bulletin("185", "290", "400", "today"), Some(19));
    assert_eq!(relation(&today, &kept), Relation::Rewrite);
    // Nor does a headline that is missing differ.
    let mut untitled = Article::new("u", bulletin("104", "310", "550", "today"));
    untitled.meta.date = crate::article::CivilDate::new(1987, 3, 19);
    assert_eq!(relation(&today, &untitled), Relation::Rewrite);
}

/// Another company's filing on the same form is another story once the headlines differ
/// and a fact differs, or once each headline names its own company (the signs with
/// thresholds switched off), even where one item mentions the other company. Under the source's headline, or with no headlines, it stays a copy that
/// swapped whom it is about; a copy that keeps the company and changes a figure stays a
/// copy.
#[test]
fn another_subject_under_another_headline_is_same_story() {
    let filing = |company: &str, short: &str, amount: &str| {
        format!(
            "{company} Inc said it filed with the Securities and Exchange Commission for a \
             shelf offering of up to {amount} mln dlrs of debt securities. {short} said \
             proceeds will be used for general corporate purposes, including acquisitions."
        )
    };
    let source = titled(
        "HARWICK TOOLS FILES 200 MLN DLR SHELF",
        filing("Harwick Tools", "Harwick", "200"),
    );
    let other = |title: &str| titled(title, filing("Pellam Foods", "Pellam", "150"));
    let relation =
        |b: &Article| relation_of(&source, b, &template_signs_off(), &CommonNames::default());
    assert_eq!(
        relation(&other("PELLAM FOODS FILES 150 MLN DLR SHELF")),
        Relation::SameStory
    );
    assert_eq!(
        relation(&other("HARWICK TOOLS FILES 200 MLN DLR SHELF")),
        Relation::Rewrite
    );
    // No fact differs, but each headline names its own company.
    let same_amount = titled(
        "PELLAM FOODS FILES 200 MLN DLR SHELF",
        filing("Pellam Foods", "Pellam", "200"),
    );
    assert_eq!(relation(&same_amount), Relation::SameStory);
    // Nor when it mentions the other company: each headline still names its own.
    let following = titled(
        "PELLAM FOODS FILES 200 MLN DLR SHELF",
        filing("Pellam Foods", "Pellam", "200")
            + " The filing follows a similar one by Harwick Tools earlier today.",
    );
    assert_eq!(relation(&following), Relation::SameStory);
    // A story about another company that takes over one passage is partial reuse,
    // whatever its headline names.
    let background = "Orders for machine tools and food processing equipment have fallen \
                      for three years in a row as factories put off buying new lines, \
                      according to figures from the trade association.";
    let harwick = titled(
        "HARWICK TOOLS CUTS JOBS",
        format!(
            "Harwick Tools Inc said it would cut 300 jobs at its Ohio plant. {background} \
             Harwick said the cuts would save it 20 mln dlrs a year. Its shares fell two \
             dlrs to 31 dlrs on the news. The union said it would fight the closures."
        ),
    );
    let pellam = titled(
        "PELLAM FOODS OPENS NEW PLANT",
        format!(
            "Pellam Foods Inc opened a bakery in Georgia on Monday, hiring 120 workers. \
             {background} Pellam's chairman called the bakery a bet on growing demand \
             for packaged bread in the South."
        ),
    );
    let (dh, dp) = (Doc::new(&harwick), Doc::new(&pellam));
    let none = CommonNames::default();
    let assessed = assess(&dh, &dp, &template_signs_off(), ChangesFor::Related, &none);
    assert_eq!(assessed.verdict.relation, Relation::PartialReuse);
    let distorted = titled(
        "HARWICK TOOLS FILES 250 MLN DLR SHELF",
        filing("Harwick Tools", "Harwick", "250"),
    );
    assert_eq!(relation(&distorted), Relation::Rewrite);
    // An item that names no one the name finder knows ("American Can", whose "Can" is
    // a stopword) is about whom its lead says is speaking.
    let nameless = |company: &str, amount: &str| {
        format!(
            "{company} said it has filed a shelf registration covering {amount} mln dlrs \
             of debt securities to be issued from time to time. It said proceeds will be \
             used for general corporate purposes."
        )
    };
    let can = titled(
        "AMERICAN CAN FILES 500 MLN DLR SHELF",
        nameless("American Can", "500"),
    );
    let relation = |a: &Article, b: &Article| {
        relation_of(a, b, &template_signs_off(), &CommonNames::default())
    };
    let pellam = titled(
        "PELLAM FOODS FILES 150 MLN DLR SHELF",
        nameless("Pellam Foods Inc", "150"),
    );
    assert_eq!(relation(&can, &pellam), Relation::SameStory);
    let distorted_can = titled(
        "AMERICAN CAN FILES 500 MLN DLR SHELF",
        nameless("American Can", "600"),
    );
    assert_eq!(relation(&can, &distorted_can), Relation::Rewrite);
    // Without headlines nothing says they differ.
    let untitled = Article::new("u", filing("Pellam Foods", "Pellam", "150"));
    let untitled_source = Article::new("s", filing("Harwick Tools", "Harwick", "200"));
    assert_eq!(
        relation_of(
            &untitled_source,
            &untitled,
            &template_signs_off(),
            &CommonNames::default()
        ),
        Relation::Rewrite
    );
}

/// Another day's price notice under its own headline changes every figure: two changed
/// figures tell it from a copy once the headlines differ. Under the source's headline
/// the same edits are a copy that distorted two figures.
#[test]
fn two_changed_figures_under_another_headline_are_another_notice() {
    let notice = |cut: &str, price: &str| {
        format!(
            "Magma Copper Co, a subsidiary of Newmont Mining Corp, said it is cutting its \
             copper cathode price by {cut} cent to {price} cents a lb, effective immediately."
        )
    };
    let source = titled(
        "MAGMA LOWERS COPPER 0.75 CENT TO 66 CTS",
        notice("0.75", "66"),
    );
    let relation =
        |b: &Article| relation_of(&source, b, &Config::default(), &CommonNames::default());
    let next = titled(
        "MAGMA LOWERS COPPER 0.50 CENT TO 65.50 CTS",
        notice("0.50", "65.50"),
    );
    assert_eq!(relation(&next), Relation::SameStory);
    let distorted = titled(
        "MAGMA LOWERS COPPER 0.75 CENT TO 66 CTS",
        notice("0.50", "65.50"),
    );
    assert_eq!(relation(&distorted), Relation::Rewrite);
}

/// A short item whose most-named word is one every such item names (the agency) is
/// about the rarer name it mentions most: export credits for another country are
/// another story once a fact differs under another headline (the signs with thresholds
/// switched off). Without the corpus's common names nothing tells them apart.
#[test]
fn a_short_item_is_about_its_rarest_subject() {
    let item = |buyer: &str, tonnes: &str| {
        format!(
            "The Commodity Credit Corporation, CCC, has accepted a bonus offer to cover the \
             sale of {tonnes} tonnes of wheat flour to {buyer}, the Agriculture Department \
             said. The bonus will be paid in commodities from CCC stocks."
        )
    };
    let yemen = titled(
        "BONUS WHEAT FLOUR FOR NORTH YEMEN",
        item("North Yemen", "37,000"),
    );
    let morocco = titled("BONUS WHEAT FLOUR FOR MOROCCO", item("Morocco", "25,000"));
    let common = common_names(&["commodity", "credit", "corporation", "ccc", "agriculture"]);
    let cfg = template_signs_off();
    assert_eq!(
        relation_of(&yemen, &morocco, &cfg, &common),
        Relation::SameStory
    );
    assert_eq!(
        relation_of(&yemen, &morocco, &cfg, &CommonNames::default()),
        Relation::Rewrite
    );
}

/// An item is also about whom its lead says is speaking: "Phillips Petroleum said…"
/// names "West Texas" more often than itself, yet its headline names Phillips, and an
/// item on Sun Co's postings under Sun's headline is another story, though Phillips's
/// item mentions Sun (the signs with thresholds switched off).
#[test]
fn a_headline_naming_the_lead_speaker_tells_items_apart() {
    let sun = titled(
        "SUN RAISES CRUDE POSTINGS 50 CTS",
        "Sun Co said it raised the contract price it will pay for crude oil 50 cts a \
         barrel, effective today. The increase brings Sun's posted price for West Texas \
         Intermediate to 17.50 dlrs a barrel. Sun Co last changed its postings on March 4."
            .to_string(),
    );
    let phillips = titled(
        "PHILLIPS RAISES CRUDE POSTINGS 50 CTS",
        "Phillips Petroleum said it raised the contract price it will pay for crude oil \
         50 cts a barrel, effective today. The increase brings the posted price for West \
         Texas Intermediate and West Texas Sour to 17.50 dlrs a barrel. The move follows \
         a similar one by Sun Co earlier today."
            .to_string(),
    );
    let none = CommonNames::default();
    assert_eq!(
        relation_of(&sun, &phillips, &template_signs_off(), &none),
        Relation::SameStory
    );
}

/// An article with a headline.
fn titled(title: &str, text: String) -> Article {
    let mut a = Article::new("t", text);
    a.meta.title = Some(title.to_string());
    a
}

/// Every template sign with a threshold of its own switched off (the two-days sign has
/// none: it is on).
fn template_signs_off() -> Config {
    Config {
        template_min_changes: usize::MAX,
        template_changed_share: f64::INFINITY,
        template_min_numbers: usize::MAX,
        template_min_names: usize::MAX,
        template_min_unshared_names: usize::MAX,
        template_min_unshared_numbers: usize::MAX,
        ..Config::default()
    }
}

/// The relation `assess` decides for `a` and `b` given the corpus's `common` names, any
/// derived relation shown as `Rewrite`.
fn relation_of(a: &Article, b: &Article, cfg: &Config, common: &CommonNames) -> Relation {
    let (da, db) = (Doc::new(a), Doc::new(b));
    let relation = assess(&da, &db, cfg, ChangesFor::Related, common)
        .verdict
        .relation;
    if relation.is_derived() {
        Relation::Rewrite
    } else {
        relation
    }
}

/// A corpus's common names: `words`, each named by two articles.
fn common_names(words: &[&str]) -> CommonNames {
    let mut entries: Vec<(u32, u32)> = words
        .iter()
        .flat_map(|w| {
            let key = crate::features::names::name_key(&crate::text::words::stem(w));
            [(key, 1), (key, 2)]
        })
        .collect();
    entries.sort_unstable();
    CommonNames::from_sorted_entries(&entries, 2)
}

/// The details of the changes of `kinds` that comparing `source` with `copy` lists.
fn details(source: &str, copy: &str, kinds: &[ChangeKind]) -> Vec<String> {
    let (a, b) = (Article::new("a", source), Article::new("b", copy));
    compare(&a, &b, &Config::default())
        .changes
        .iter()
        .filter(|c| kinds.contains(&c.kind))
        .map(|c| c.detail.clone())
        .collect()
}

/// A year is stated whether it reads as a date or as a number: "the 1982 Falklands War"
/// (a number before a name) supports "1982 falklands war" (a date), and the other way
/// round; another year is still a claim the source never makes.
#[test]
fn a_year_read_as_a_number_supports_the_same_year_read_as_a_date() {
    let source = "The judge said the plate was a deliberate reference to the 1982 Falklands \
                  War and ordered the crew to leave the country.";
    let claims = |copy: &str| {
        details(
            source,
            copy,
            &[ChangeKind::ClaimAdded, ChangeKind::DateChanged],
        )
    };
    assert_eq!(
        claims(
            "The judge said the plate was a reference to 1982 falklands war and ordered the \
             crew to leave the country."
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        claims(
            "The judge said the plate was a reference to 1984 falklands war and ordered the \
             crew to leave the country."
        )
        .len(),
        1
    );
}

/// Another form of a name the source uses is neither a changed name nor an added claim:
/// a title cut short ("Sen."), an initial, a place for its people ("Mexican" citizen,
/// "citizen of Mexico"), a nickname ("Connie"), a spelling without accents ("Cafe"), a
/// title in place of the first name ("Miss Evans"), a shorter name whose words are forms
/// of the longer's ("Chief Inspector" for "Det Chief Insp"). A different person in the same
/// place still is a change. Each case: the source, a copy with other forms of its
/// names, and a copy with another person in their place, with the change it shows.
#[test]
fn forms_of_a_name_are_no_change_and_another_person_is() {
    let cases = [
        (
            "Sen. Ben Nelson said on Monday that the bill would fail, and Judge William H. \
             Rehnquist agreed. Also arrested was Claudia Villa, a Mexican citizen who lives \
             in Harlingen.",
            "Senator Ben Nelson said on Monday that the bill would fail, and Judge William \
             Rehnquist agreed. Also arrested was Claudia Villa, a citizen of Mexico who lives \
             in Harlingen.",
            "Senator Ben Nelson said on Monday that the bill would fail, and Judge Anthony \
             Kennedy agreed. Also arrested was Claudia Villa, a citizen of Mexico who lives \
             in Harlingen.",
            "Judge William H. Rehnquist became Judge Anthony Kennedy",
        ),
        (
            "Constance Sheridan, 79, was found dead near the Café Royal, and Susan Evans \
             told the court she had seen her that night.",
            "Connie Sheridan, 79, was found dead near the Cafe Royal, and Miss Evans told \
             the court she had seen her that night.",
            "Connie Sheridan, 79, was found dead near the Cafe Royal, and Miss Davies told \
             the court she had seen her that night.",
            "Susan Evans became Miss Davies",
        ),
        (
            "Det Chief Insp Bill Goreham said the inquiry would go on.",
            "Chief Inspector Bill Goreham said the inquiry would go on.",
            "Chief Inspector Bill Goram said the inquiry would go on.",
            "Det Chief Insp Bill Goreham became Chief Inspector Bill Goram",
        ),
    ];
    for (source, same_people, other_person, change) in cases {
        let facts = |copy: &str| {
            details(
                source,
                copy,
                &[ChangeKind::ClaimAdded, ChangeKind::NameChanged],
            )
        };
        assert_eq!(facts(same_people), Vec::<String>::new(), "{same_people}");
        assert_eq!(facts(other_person), [change], "{other_person}");
    }
}

/// A name the copy adds replaces the source's missing name only at about the same place
/// in the passage; added at the other end, it is a claim the source never makes.
#[test]
fn a_name_added_far_from_the_dropped_one_is_a_claim_not_a_change() {
    let source = "In November the oil producers cut their output, and the sell-off \
                  already under way on Wall Street deepened.";
    let kinds = [ChangeKind::ClaimAdded, ChangeKind::NameChanged];
    assert_eq!(
        details(
            source,
            "In November the OPEC producers cut their output, and the sell-off already \
             under way deepened.",
            &kinds
        ),
        ["adds what the source never states: name OPEC"]
    );
    assert_eq!(
        details(
            source,
            "In November the oil producers cut their output, and the sell-off already \
             under way on Fleet Street deepened.",
            &kinds
        ),
        ["Wall Street became Fleet Street"]
    );
}

/// A name stands for another only in its slot, the same word before or after both
/// ("by Smith" / "by Jones", "Smith said" / "Jones said"), or as the same name respelled:
/// a reworded passage that names someone else in another role, even at the same place,
/// mentions two people, and the copy's name is a claim.
#[test]
fn a_name_is_replaced_only_in_its_slot_or_respelled() {
    let source = "The appeal was dismissed by Lord Hartley after a hearing that lasted \
                  most of the week in London.";
    let kinds = [ChangeKind::ClaimAdded, ChangeKind::NameChanged];
    let cases = [
        (
            "The appeal was dismissed by Lord Pennant after a hearing that lasted most of the \
             week in London.",
            "Lord Hartley became Lord Pennant",
        ),
        (
            "The appeal was dismissed as Pennant watched after a hearing that lasted most of \
             the week in London.",
            "adds what the source never states: name Pennant",
        ),
        (
            "The appeal was dismissed when Hartly ruled after a hearing that lasted most of \
             the week in London.",
            "Lord Hartley became Hartly",
        ),
    ];
    for (copy, change) in cases {
        assert_eq!(details(source, copy, &kinds), [change], "{copy}");
    }
    // A function word or a title on one side is no slot: any name of its kind may follow
    // "the" or "Mr", unless the words run on alike to one that says what the slot is
    // ("a spokesman") or a reporting verb; and a shared title ("Lord", "QC") is no
    // respelling.
    let cases = [
        (
            "He is accused of taking cash and a free holiday at the Paris Ritz in return \
             for asking questions.",
            "He is accused of taking cash and a free holiday in the Commons on behalf of \
             the store.",
            "adds what the source never states: name Commons",
        ),
        (
            "The appeal failed, Lord Hartley said.",
            "The appeal failed, the judge Lord Pennant said.",
            "Lord Hartley became Lord Pennant",
        ),
        (
            "The appeal failed, Lord Hartley said.",
            "The appeal failed, the judge Lord Pennant insisted.",
            "adds what the source never states: name Lord Pennant",
        ),
        (
            "Responding later, Edward Skyler, a spokesman for the mayor, said the figures \
             were wrong.",
            "Jordan Barowitz, a spokesman for the mayor, said the figures were wrong.",
            "Edward Skyler became Jordan Barowitz",
        ),
        (
            "The goalkeeper was questioned by Richard Hartley QC about the tape.",
            "The goalkeeper agreed with George Carman QC, for the newspaper, about the tape.",
            "adds what the source never states: name George Carman QC",
        ),
    ];
    for (source, copy, change) in cases {
        assert_eq!(details(source, copy, &kinds), [change], "{copy}");
    }
}

/// A people's word ("Czech") is replaced only by another people's word or a place: an
/// agency named where the source named a nationality is a claim, not a changed name.
#[test]
fn a_peoples_word_is_replaced_only_by_a_people_or_a_place() {
    let source = "He was jailed by a Czech court for fraud, the police said on Monday.";
    let kinds = [ChangeKind::ClaimAdded, ChangeKind::NameChanged];
    assert_eq!(
        details(
            source,
            "He was jailed by a Slovak court for fraud, the police said on Monday.",
            &kinds
        ),
        ["Czech became Slovak"]
    );
    assert_eq!(
        details(
            source,
            "He was jailed by the Crime Agency for fraud, the police said on Monday.",
            &kinds
        ),
        ["adds what the source never states: name Crime Agency"]
    );
}

/// A person named where the source named a place is two things mentioned, not one
/// renamed: the copy's name is a claim. Another place in its stead is a change.
#[test]
fn a_name_is_replaced_only_by_one_of_its_kind() {
    let source = "The jury at Southwark Crown Court heard that the money went missing in \
                  the spring, the prosecution said.";
    let kinds = [ChangeKind::ClaimAdded, ChangeKind::NameChanged];
    assert_eq!(
        details(
            source,
            "The jury at Winchester Crown Court heard that the money went missing in \
             the spring, the prosecution said.",
            &kinds
        ),
        ["Southwark Crown Court became Winchester Crown Court"]
    );
    assert_eq!(
        details(
            source,
            "The jury heard from Dr Shipman that the money went missing in the spring, \
             the prosecution said.",
            &kinds
        ),
        ["adds what the source never states: name Dr Shipman"]
    );
}

/// Whether two items share a template counts the names they swap however the changes
/// pair them: an item filled in for another company that names it at the other end of
/// the sentence shows no changed name, yet its facts all differ (the other signs switched
/// off), so it is another story.
#[test]
fn a_template_item_naming_its_subject_elsewhere_is_still_another_story() {
    let source = "Harwick Tools Inc said its board declared a two-for-one stock split \
                  payable May 4. The company said the split would widen the ownership of \
                  its shares among small investors.";
    let copy = "The board declared a two-for-one stock split payable May 4, Pellam Foods \
                Inc said. The company said the split would widen the ownership of its \
                shares among small investors.";
    assert_eq!(
        details(source, copy, &[ChangeKind::NameChanged]),
        Vec::<String>::new()
    );
    let changed_facts_only = Config {
        template_min_numbers: usize::MAX,
        template_min_names: usize::MAX,
        template_min_unshared_names: usize::MAX,
        template_min_unshared_numbers: usize::MAX,
        ..Config::default()
    };
    let no_sign = Config {
        template_changed_share: f64::INFINITY,
        ..changed_facts_only.clone()
    };
    let (a, b) = (Article::new("a", source), Article::new("b", copy));
    let none = CommonNames::default();
    assert_eq!(
        relation_of(&a, &b, &changed_facts_only, &none),
        Relation::SameStory
    );
    assert_eq!(relation_of(&a, &b, &no_sign, &none), Relation::Rewrite);
}

/// Dates both sides state cancel before the rest pair up: a copy that adds an earlier
/// year ahead of the year it keeps has added a date, not changed the kept one.
#[test]
fn a_date_both_sides_state_is_never_the_one_replaced() {
    let source = "The grocer owned the chain before selling it to a rival in 1998 for a \
                  large sum.";
    let kinds = [ChangeKind::ClaimAdded, ChangeKind::DateChanged];
    assert_eq!(
        details(
            source,
            "The grocer bought the chain in 1995 and sold it to a rival for a large sum \
             in 1998.",
            &kinds
        ),
        ["adds what the source never states: date 1995"]
    );
    assert_eq!(
        details(
            source,
            "The grocer bought the chain and sold it to a rival for a large sum in 1999.",
            &kinds
        ),
        ["1998 became 1999"]
    );
}

/// An amount in cents may restate one in dollars of about its size, and only that: a
/// share's move in cents is no rewrite of its price.
#[test]
fn cents_replace_dollars_of_about_their_size() {
    let kinds = [ChangeKind::ClaimAdded, ChangeKind::NumberChanged];
    assert_eq!(
        details(
            "The chain earned $1.45 a share in the quarter, as the stock rose to $33.95.",
            "The chain earned 45 cents a share in the quarter, as the stock rose to $33.70.",
            &kinds
        ),
        ["$1.45 became 45 cents", "$33.95 became $33.70"]
    );
    assert_eq!(
        details(
            "The planemaker's shares fell sharply to $27.54 in afternoon trading on the exchange.",
            "The planemaker's shares fell 95 cents to $27.67 in afternoon trading on the exchange.",
            &kinds
        ),
        [
            "$27.54 became $27.67",
            "adds what the source never states: number 95 cents"
        ]
    );
}

/// An index move written without its unit is the move written with it: "fell 98.30"
/// and "down 98.32 points" pair, and the index level pairs with the level.
#[test]
fn index_points_pair_with_and_without_their_unit() {
    let kinds = [ChangeKind::ClaimAdded, ChangeKind::NumberChanged];
    assert_eq!(
        details(
            "The blue-chip index fell 98.30 to end the session at 9,109.85 in New York.",
            "The blue-chip index fell 98.32 points to end the session at 9,011.53 in New York.",
            &kinds
        ),
        ["98.30 became 98.32", "9,109.85 became 9,011.53"]
    );
}

/// A contraction printed without its apostrophe still negates: no flipped polarity
/// between "don't" and "dont", and one between "dont" and a plain statement.
#[test]
fn a_contraction_without_its_apostrophe_still_negates() {
    let source = "The senator added that he didn't know anybody on the committee who was \
                  fighting to keep the provision out of the bill completely.";
    let flips = |copy: &str| details(source, copy, &[ChangeKind::NegationFlipped]).len();
    assert_eq!(
        flips(
            "The senator added that he didnt know anybody on the committee who was fighting \
             to keep the provision out of the bill completely."
        ),
        0
    );
    assert_eq!(
        flips(
            "The senator added that he did know anybody on the committee who was fighting \
             to keep the provision out of the bill completely."
        ),
        1
    );
}

/// A negation flips a statement only where it bears on what both sides say: one inside
/// a clause the copy adds, a denial the copy spells out, or a negation moved to another
/// word of the same statement flips nothing; a negated word the copy rewords or moves
/// still does.
#[test]
fn a_negation_flips_only_what_both_sides_state() {
    let flips = |source: &str, copy: &str| details(source, copy, &[ChangeKind::NegationFlipped]);
    let none = Vec::<String>::new();
    // A clause the copy adds, holding a "not".
    assert_eq!(
        flips(
            "Farrow was convicted on two charges of threatening the surveyors at the farm gate \
             with a shotgun.",
            "Farrow, who said he did not know the shotgun was loaded, was convicted on two \
             charges of threatening the surveyors at the farm gate."
        ),
        none
    );
    // "Not" moved within the statement, and a denial spelled out.
    assert_eq!(
        flips(
            "Under the rules on royal approval, the singers' faces do not appear on the new \
             set of stamps.",
            "Under the rules on royal approval, none of the singers' faces appear on the new \
             set of stamps."
        ),
        none
    );
    assert_eq!(
        flips(
            "The two brothers denied that they conspired to defraud the lottery fund over \
             the winter.",
            "The two brothers denied the charge, saying they never conspired to defraud the \
             lottery fund over the winter."
        ),
        none
    );
    // A word negated on one side and reworded on the other.
    assert_eq!(
        flips(
            "Shares in the mining group have rallied sharply over the past three months on \
             hopes of a rebound.",
            "Shares in the mining group have not climbed higher over the past three months on \
             hopes of a rebound."
        ),
        [
            "the copy puts \"not\" on \"climbed\", which the source does not negate: the \
          statement's polarity flipped"
        ]
    );
    // A negated word the copy moves to the end of the quote.
    assert_eq!(
        flips(
            "\u{201C}There was a friendship, but make no mistake, it was exploitation of the \
             boy by the coach,\u{201D} the inspector said.",
            "\u{201C}Make no mistake, it was not a friendship, it was exploitation of the boy \
             by the coach,\u{201D} the inspector said."
        ),
        [
            "the copy puts \"not\" on \"friendship\", which the source does not negate: the \
          statement's polarity flipped"
        ]
    );
}

/// "The court heard" attributes what follows, as court reports write it: a copy that
/// states the allegation as fact drops the attribution, one that keeps "a court heard"
/// does not.
#[test]
fn what_a_court_heard_is_attributed() {
    let dropped =
        |source: &str, copy: &str| details(source, copy, &[ChangeKind::AttributionDropped]);
    let source = "The court heard that Pryce struck the night porter with the handle of a spade \
                  and left him tied to a chair in the cellar.";
    assert_eq!(
        dropped(
            source,
            "Pryce struck the night porter with the handle of a spade and left him tied to a \
             chair in the cellar."
        ),
        ["the source attributes this to someone; the copy states it as fact"]
    );
    assert_eq!(
        dropped(
            "Pryce struck the night porter with the handle of a spade and left him tied to a \
             chair in the cellar, the court heard.",
            "Pryce struck the night porter with the handle of a spade and left him tied to a \
             chair in the cellar, a jury heard today."
        ),
        Vec::<String>::new()
    );
}

/// A copy that hangs a quote on another person, each named in full beside it, drops
/// the source's attribution; not where a pronoun or a role may stand for either, nor
/// where the source passes on another's words ("told the court that he was heard").
#[test]
fn a_quote_given_to_another_person_drops_its_attribution() {
    let dropped =
        |source: &str, copy: &str| details(source, copy, &[ChangeKind::AttributionDropped]);
    let source = "The council approved the budget on Monday. \"We found savings in every \
                  department, and nobody will lose their job,\" said council leader Mary Hughes. \
                  Opposition leader Tom Baker called the plan reckless.";
    assert_eq!(
        dropped(
            source,
            "The council passed the budget on Monday. \"We found savings in every \
             department, and nobody will lose their job,\" said opposition leader Tom Baker. \
             Council leader Mary Hughes called the plan reckless."
        ),
        ["the copy has opposition leader Tom Baker say this, not council leader Mary Hughes"]
    );
    // Said once, though the copy no longer names her at all.
    assert_eq!(
        dropped(
            source,
            "The council passed the budget on Monday. \"We found savings in every \
             department, and nobody will lose their job,\" said opposition leader Tom Baker."
        ),
        ["the copy has opposition leader Tom Baker say this, not council leader Mary Hughes"]
    );
    assert_eq!(
        dropped(
            source,
            "The council passed the budget on Monday. Tom Baker spoke after the vote. \"We \
             found savings in every department, and nobody will lose their job,\" he said. \
             Mary Hughes called the plan reckless."
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        dropped(
            "Paul Sloan, prosecuting, told the court that the worker was heard singing \
             \"Findus pancakes are class, because they are full of glass\" at the plant.",
            "At the plant John McKay joked: \"Findus pancakes are class, because they are \
             full of glass.\" Paul Sloan was prosecuting."
        ),
        Vec::<String>::new()
    );
}

/// A copy that keeps who spoke but not what they said states nothing as fact: naming the
/// judges who will rule is no dropped attribution of their ruling.
#[test]
fn keeping_only_who_spoke_drops_no_attribution() {
    assert_eq!(
        details(
            "Lord Hartley, Lady Justice Pennant and Lord Justice Morrow said the means test \
             for the residents could continue.",
            "Judgment will be given today by Lord Hartley, Lady Justice Pennant and Lord \
             Justice Morrow.",
            &[ChangeKind::AttributionDropped]
        ),
        Vec::<String>::new()
    );
}

/// The next day's paper writes "yesterday" for the wire's "today": no date changed,
/// unless both articles' dates are known and a day apart does not explain it.
#[test]
fn yesterday_for_today_is_a_change_only_on_the_same_day() {
    let source = "The jury at Norwich Crown Court retired today to consider its verdict \
                  in the trial of the former nurse.";
    let copy = "The jury at Norwich Crown Court retired yesterday to consider its verdict \
                in the trial of the former nurse.";
    assert_eq!(
        details(source, copy, &[ChangeKind::DateChanged]),
        Vec::<String>::new()
    );
    let dated = |origin: &str, text: &str, day: u8| {
        let mut a = Article::new(origin, text);
        a.meta.date = crate::article::CivilDate::new(2000, 4, day);
        a
    };
    let changed = |copy_day: u8| -> Vec<String> {
        let (a, b) = (dated("a", source, 3), dated("b", copy, copy_day));
        compare(&a, &b, &Config::default())
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::DateChanged)
            .map(|c| c.detail.clone())
            .collect()
    };
    assert_eq!(changed(3), ["today became yesterday"]);
    assert_eq!(changed(4), Vec::<String>::new());
    assert_eq!(changed(6), ["today became yesterday"]);
}

/// A kept sentence that says a figure moved the other way is a flipped polarity. A
/// particle ("stepped down") says no direction: counted, it would leave the source
/// sentence saying both ways, and nothing would be reported.
#[test]
fn a_figure_moved_the_other_way_is_a_flipped_polarity() {
    let source = "The chairman stepped down on Monday as shares of Harwick Tools rose 45 \
                  cents to 33.95 dlrs in afternoon trading.";
    let flips = |copy: &str| details(source, copy, &[ChangeKind::NegationFlipped]);
    let moved = "the copy says the figure moved the other way";
    assert_eq!(
        flips(
            "The chairman stepped down on Monday as shares of Harwick Tools fell 45 cents \
             to 33.95 dlrs in afternoon trading."
        ),
        [format!("rose became fell: {moved}")]
    );
    assert_eq!(
        flips(
            "The chairman stepped down on Monday as shares of Harwick Tools were down 45 \
             cents to 33.95 dlrs in afternoon trading."
        ),
        [format!("rose became down: {moved}")]
    );
    assert_eq!(
        flips(
            "The chairman stepped down on Monday as shares of Harwick Tools climbed 45 \
             cents to 33.95 dlrs in afternoon trading."
        ),
        Vec::<String>::new()
    );
    // A negated move agrees with the move the other way ("did not rise" for "fell"),
    // and contradicts the same move.
    let source = "Shares of Harwick Tools fell on Monday after the chairman stepped down, \
                  traders said.";
    let flips = |copy: &str| details(source, copy, &[ChangeKind::NegationFlipped]);
    assert_eq!(
        flips(
            "Shares of Harwick Tools did not rise on Monday after the chairman stepped down, \
             traders said."
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        flips(
            "Shares of Harwick Tools did not drop on Monday after the chairman stepped down, \
             traders said."
        ),
        [
            "the copy puts \"not\" on \"drop\", which the source does not negate: the \
          statement's polarity flipped"
        ]
    );
}

/// Every figure moving the other way is a report of another day on one template, as
/// every figure changed is; one figure reversed is a distorted copy.
#[test]
fn bulletins_whose_figures_all_moved_the_other_way_are_two_stories() {
    let bulletin = |[index, bonds, dollar]: [&str; 3]| {
        Article::new(
            "bulletin",
            format!(
                "The composite index {index} 12 points in early trading. Government bond \
                 prices {bonds} 3 points by noon. The dollar {dollar} 2 cents against the \
                 yen in late trading."
            ),
        )
    };
    let source = bulletin(["rose", "rose", "rose"]);
    let common = CommonNames::default();
    let relation =
        |copy: [&str; 3]| relation_of(&source, &bulletin(copy), &Config::default(), &common);
    assert_eq!(relation(["fell", "fell", "fell"]), Relation::SameStory);
    assert_eq!(relation(["fell", "rose", "rose"]), Relation::Rewrite);
}

/// A copy that quotes an excerpt of the source's quote changes no word: no altered
/// quote. One that puts words the source lacks inside the quote marks, or cuts the
/// negation before its excerpt, alters the quote.
#[test]
fn an_excerpt_of_a_quote_is_no_altered_quote() {
    let source = "The inspector told the court the driver had \"not been drinking, but he \
                  drove through a red light at speed\" on the night of the crash.";
    let altered = |copy: &str| details(source, copy, &[ChangeKind::QuoteAltered]).len();
    assert_eq!(
        altered(
            "The inspector told the court the driver \"drove through a red light at speed\" \
             on the night of the crash."
        ),
        0
    );
    assert_eq!(
        altered(
            "The inspector told the court the driver \"had not been drinking at all, but he \
             drove through a red light at speed\" on the night of the crash."
        ),
        1
    );
    assert_eq!(
        altered(
            "The inspector told the court the driver had \"been drinking\" on the night of \
             the crash."
        ),
        1
    );
}

/// A copy may widen the quote marks over the source's own words: a word just before the
/// quote, or the next paragraph of a long quote. No word changes, so no altered quote;
/// joining two pieces the source keeps apart is a change.
#[test]
fn a_quote_widened_over_the_sources_own_words_is_no_altered_quote() {
    let source = "The inspector said the driver had \"not been drinking\" that night. \
                  \"He drove through a red light at speed. \
                  \"Nobody could have stopped in time,\" he added.";
    let altered = |copy: &str| details(source, copy, &[ChangeKind::QuoteAltered]).len();
    assert_eq!(
        altered("The inspector said the driver \"had not been drinking\" that night."),
        0
    );
    assert_eq!(
        altered(
            "The inspector said: \"He drove through a red light at speed. Nobody could \
             have stopped in time.\""
        ),
        0
    );
    assert_eq!(
        altered(
            "The inspector said: \"He drove through a red light at speed. Nobody could \
             have stopped a lorry in time.\""
        ),
        1
    );
}

/// A quote inside a quote the copy adds is added with it, not once more on its own.
#[test]
fn a_quote_inside_an_added_quote_is_not_added_again() {
    let source = "The judge jailed Roberts for life at Norwich Crown Court on Tuesday. Mr \
                  Justice Smedley told Roberts, who had described the boy to witnesses as no \
                  angel, that the boy did not deserve to die in that way.";
    let copy = "The judge jailed Roberts for life at Norwich Crown Court on Tuesday. Mr \
                Justice Smedley said: \"You described him to witnesses as 'not an angel'. He \
                did not deserve to die in that way.\"";
    let added = details(source, copy, &[ChangeKind::QuoteAdded]);
    assert_eq!(added.len(), 1, "{added:?}");
    assert!(added[0].contains("You described him"), "{added:?}");
}
