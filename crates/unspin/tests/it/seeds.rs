//! The three real seed articles in ../shared/seeds (read by path, never copied).

use serde_json::Value;

use crate::support::{change_lines, compare_json, shared};

const ORIGINAL: &str = "003_7ec77a7c64589271.txt";
const PARAPHRASE: &str = "002_e621de0e988ee5d8.txt";
const RETELLING: &str = "000_a1fdf567fbe0daa3.txt";

fn kinds<'v>(v: &'v Value, kind: &str) -> Vec<&'v Value> {
    v["changes"]
        .as_array()
        .map(|c| c.iter().filter(|c| c["kind"] == kind).collect())
        .unwrap_or_default()
}

#[test]
fn paraphrase_is_a_rewrite_of_the_original() {
    let Some(dir) = shared("seeds") else { return };
    let (code, v) = compare_json(&dir.join(ORIGINAL), &dir.join(PARAPHRASE));
    assert_eq!(
        (code, v["relation"].as_str(), v["source"].as_str()),
        (0, Some("rewrite"), Some("a"))
    );
    assert!(
        v["coverage"]["b"].as_f64().unwrap_or(0.0) >= 0.9,
        "{}",
        v["coverage"]
    );
    let altered = kinds(&v, "quote_altered");
    assert!(altered.len() >= 12, "{:#?}", change_lines(&v));
    let speakers: Vec<&str> = altered
        .iter()
        .filter_map(|c| c["speaker"].as_str())
        .collect();
    assert_eq!(
        speakers.len(),
        altered.len(),
        "every altered quote has a speaker"
    );
    for who in [
        "Dmitry Peskov",
        "a person familiar with the matter",
        "Nezygar's sources",
        "Boris Bondarev",
        "Financial Times",
    ] {
        assert!(
            speakers.iter().any(|s| s.contains(who)),
            "{who} not among {speakers:?}"
        );
    }
    for fact in ["number_changed", "date_changed", "name_changed"] {
        assert!(
            kinds(&v, fact).is_empty(),
            "false {fact}: {:#?}",
            change_lines(&v)
        );
    }
}

#[test]
fn retelling_adds_unsupported_claims() {
    let Some(dir) = shared("seeds") else { return };
    let (code, v) = compare_json(&dir.join(ORIGINAL), &dir.join(RETELLING));
    assert_eq!(code, 0);
    assert!(
        matches!(v["relation"].as_str(), Some("partial_reuse" | "same_story")),
        "{}",
        v["relation"]
    );
    let added: String = kinds(&v, "claim_added")
        .iter()
        .filter_map(|c| c["b"]["text"].as_str())
        .collect::<Vec<_>>()
        .join(" || ");
    for needle in ["October 20, 2023", "Reuters", "hybrid war", "Alaska"] {
        assert!(added.contains(needle), "{needle} not flagged: {added}");
    }
    assert!(kinds(&v, "quote_altered").iter().any(|c| {
        c["b"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("working as foreign minister"))
            && c["speaker"] == "Kremlin spokesman Dmitry Peskov"
    }));
}

#[test]
fn two_copies_of_one_story_are_not_copies_of_each_other() {
    let Some(dir) = shared("seeds") else { return };
    let (_, v) = compare_json(&dir.join(RETELLING), &dir.join(PARAPHRASE));
    assert!(
        matches!(v["relation"].as_str(), Some("partial_reuse" | "same_story")),
        "{}",
        v["relation"]
    );
}
