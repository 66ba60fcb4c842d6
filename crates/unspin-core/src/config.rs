//! Every threshold and weight of the comparison in one typed place, with defaults:
//! alignment, relation and derivation thresholds at the top level; quote pairing, change
//! ranking and source evidence in their own tables.
//!
//! The defaults were calibrated on development data only: the seed articles, the
//! project's own example corpus, and the dev data in `../shared/data` (METER dev for
//! the `trace_wholly*`, `trace_own_words`, `trace_min_tiled` and `trace_fuse_*` fields, and its word-level annotation for
//! `trace_verbatim_ngram`, `trace_new_run` and `trace_new_novel_share`; the Clough–Stevenson answers for
//! `trace_min_tile`). A TOML file may override any field
//! (`unspin --config FILE`); unknown fields are an error.

use serde::{Deserialize, Serialize};

/// Tunable parameters of [`crate::compare`] and [`crate::trace()`]. `Default` gives the
/// calibrated values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Minimum sentence similarity (IDF-weighted Dice of content stems) to align.
    pub link_threshold: f64,
    /// A sentence joins a group that is not its mutual best match (1–many, many–1) only
    /// if at least this share of its term weight is found in the counterpart.
    pub split_containment: f64,
    /// Token-overlap (Dice over all words) at or above which an aligned group is "edited"
    /// rather than "paraphrase".
    pub edited_threshold: f64,
    /// Copy coverage at or above which the copy is a rewrite (or a near duplicate).
    pub rewrite_coverage: f64,
    /// …and the share of the source's sentences it carries: below this it is partial
    /// reuse. Two reports of one event share a few facts; a rewrite carries most of its
    /// source.
    pub rewrite_source_coverage: f64,
    /// Both coverages at or above this, with mostly verbatim groups: near duplicate.
    pub near_duplicate_coverage: f64,
    /// Share of aligned words in identical/edited groups needed for a near duplicate.
    pub near_duplicate_verbatim: f64,
    /// Copy coverage at or above which the pair is partial reuse.
    pub partial_coverage: f64,
    /// A group this close (score) counts as evidence of reuse even when coverage is low.
    pub strong_group: f64,
    /// Minimum strong groups for partial reuse when coverage is low.
    pub partial_min_strong_groups: usize,
    /// Document-level similarity (weighted Dice of all content terms) for same story.
    pub same_story_similarity: f64,
    /// `trace`: derived share at or above which an article is wholly derived.
    pub trace_wholly: f64,
    /// `trace`: an article at least this share of whose words derive is wholly derived
    /// too when none of its sentences longer than `trace_own_words` is its own…
    pub trace_wholly_mostly: f64,
    /// …words: a sentence is the article's own when it keeps no word of a source
    /// verbatim. A short one ("They have now been out for four days.") too often
    /// rewords a line of the source past recognition to tell.
    pub trace_own_words: usize,
    /// `trace`: below this tiled share (words in runs of at least `trace_min_tile` words
    /// shared with the sources) an article is not derived: it tells the same story in
    /// its own words, sharing only names, quotes and stock phrases.
    pub trace_min_tiled: f64,
    /// `trace`: minimum run of words (greedy string tiling) counted in `tiled_share`.
    pub trace_min_tile: usize,
    /// `trace`: an article sentence no source sentence matches alone derives from
    /// several of one source together (a sentence condensing a passage: "Hale, 47, of
    /// north Leeds, was bailed until September 14 by magistrates, accused of selling a
    /// Turner sketch" from three sentences of the wire) when they hold at least this
    /// share of its content terms' weight…
    pub trace_fuse_cover: f64,
    /// …each of them bringing at least this share of that weight the ones before lack…
    pub trace_fuse_gain: f64,
    /// …at most this many…
    pub trace_fuse_parts: usize,
    /// …and at most this many sentences away from the one sharing most (a passage, not
    /// words from all over a long source).
    pub trace_fuse_span: usize,
    /// `trace`: article sentences of fewer content terms than this are too short to
    /// tell whether several source sentences hold them together.
    pub trace_fuse_min_terms: usize,
    /// `trace`: a word inside a run of this many words that some source sentence holds
    /// is verbatim, wherever the article took it from (0: only the word diff against the
    /// aligned passage decides).
    pub trace_verbatim_ngram: usize,
    /// `trace`: in a derived sentence, a run of words the aligned passage does not keep
    /// is new (an added clause), not rewritten, when it brings at least this many content
    /// words…
    pub trace_new_run: usize,
    /// …and at least this share of its content words have stems the passage lacks.
    pub trace_new_novel_share: f64,
    /// A derived pair whose number/name/date changes reach this count…
    pub template_min_changes: usize,
    /// …and this share of the aligned passages that carry facts is two stories on one
    /// template (reported as same story), not a copy.
    pub template_changed_share: f64,
    /// The count of `template_min_changes` for a pair whose headlines differ: a copy
    /// keeps its source's headline, so fewer changed facts tell another day's bulletin
    /// ("MAGMA LOWERS COPPER 0.75 CENT TO 66 CTS" against "… 0.50 CT TO 65.50 CTS").
    pub template_min_changes_retitled: usize,
    /// Items of at most this many content words each are short: for them the corpus's
    /// common names (the agency every export credit item names) do not count as what an
    /// item is about, so two of them on other subjects read as a template.
    pub template_short_item_words: usize,
    /// A derived pair whose aligned passages hold at least this many numbers (both sides
    /// counted)…
    pub template_min_numbers: usize,
    /// …of which at most this share is stated by the other side's passage too, is also
    /// two stories on one template (an earnings table filled in for another company).
    pub template_number_agreement: f64,
    /// A derived pair about different subjects whose aligned passages hold at least this
    /// many distinctive name words (both sides counted)…
    pub template_min_names: usize,
    /// …of which at most this share the other article mentions is also two stories on
    /// one template (a bond issue by another issuer, with other managers).
    pub template_name_agreement: f64,
    /// A derived pair whose aligned passages name at least this many rare name words
    /// (both sides counted; rare: not among a scanned corpus's common names) of which
    /// the other article mentions none, and of whose numbers the other side states at
    /// most half, is also two stories on one template (another company's filing, with
    /// its own underwriters). A corrected item restates its figures, so it stays a copy.
    pub template_min_unshared_names: usize,
    /// A derived pair sharing no rare name word, whose aligned passages hold at least
    /// this many numbers (both sides counted) of which at most
    /// `template_number_agreement` the other side states, is also two stories on one
    /// template (two days' money-market bulletins of one central bank).
    pub template_min_unshared_numbers: usize,
    /// Minimum |evidence| for naming a source; below it `source` is null.
    pub source_min_evidence: f64,
    /// When change detection pairs quotes and judges a passage close enough to compare.
    pub changes: ChangeRules,
    /// The weights that rank changes, most important first.
    pub change_weights: ChangeWeights,
    /// The weight of each piece of evidence for which article is the source.
    pub evidence: Evidence,
}

/// When [`crate::changes`] pairs quotes and compares passages (TOML table `[changes]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChangeRules {
    /// Two quotes inside one aligned passage are the same quote reworded when the Dice of
    /// their stems reaches this; two short ones (see `short_quote`) also when one speaker
    /// says both or each is the only quote of its side of a close passage (see
    /// `close_passage`): "a tense call" for "a strained conversation".
    pub quote_in_passage: f64,
    /// A quote of at most this many content words is short: rewording it may leave no
    /// word in common. Longer quotes that share none are two statements.
    pub short_quote: usize,
    /// Two quotes anywhere in the articles are the same quote when the Dice of their stems
    /// (plus `same_speaker_bonus`) reaches this: one speaker's other statements stay
    /// added and dropped quotes.
    pub quote_anywhere: f64,
    /// Added to the quotes' similarity when one speaker says both (pairs are made most
    /// similar first).
    pub same_speaker_bonus: f64,
    /// A passage aligned at least this closely (group score) can be said to drop or add
    /// a quote, or to drop an attribution; a loosely aligned sentence says too little.
    pub close_passage: f64,
    /// A copy is said to state as fact what its source attributes only when it keeps at
    /// least this share of the source passage's words outside names and reporting
    /// verbs: a passage sharing little more than who spoke did not restate what they
    /// said. Calibrated on METER's comparisons: below 0.3 nearly every such drop read
    /// was of another statement.
    pub attribution_kept: f64,
    /// A quote the copy gives to another person is a dropped attribution only when the
    /// two keep at least this Dice of content stems: a reworded quote may be another
    /// statement. On METER's 2,444 comparisons no quote is given to another person.
    pub quote_kept_for_speaker: f64,
    /// A reworded passage is compared for polarity (negation flipped) only at or above
    /// this score; edited and identical passages always are.
    pub negation_min_score: f64,
    /// A negation keeps the other side's when it stands among this many content words
    /// before the partner of the word that one bears on ("no illegality, irrationality
    /// or unfairness" for "no unfairness").
    pub negation_reach: usize,
    /// A negation on a reworded word bears on the stretch between the shared words
    /// around it when neither side's stretch holds more than this many content words
    /// ("have not roared higher" for "have rallied sharply"); a longer one is a passage
    /// of its own. Calibrated on MSRP/ETPC (see README, "Measured").
    pub negation_stretch: usize,
    /// A reworded passage is compared for the way its figures moved ("rose" against
    /// "fell") only at or above this score. Calibrated on MSRP/ETPC: at 0.5 it finds 6
    /// of 41 annotated opposite-direction pairs (different days' market reports, aligned
    /// loosely) and flags none of 600 paraphrases; at 0.75 it finds none.
    pub direction_min_score: f64,
    /// A name the copy adds replaces the source passage's name whose place in its
    /// passage (0 = start, 1 = end) is closest to its own, when they are at most this
    /// far apart; a name further off is an added claim, not a changed name. Calibrated
    /// on MSRP/ETPC paraphrases: 0.25 keeps 41 of 43 named-entity substitutions found
    /// and cuts false name changes from 8.2% to 6.0%.
    pub name_max_shift: f64,
    /// Two names are one respelled ("Goram"/"Goreham") when a word of each, four letters
    /// or more with one first letter, is at most this share of its letters in edits away
    /// from the other.
    pub name_respelled: f64,
}

/// The weights that rank [`crate::changes::ChangeKind`]s (TOML table `[change_weights]`):
/// a changed fact outranks a reworded quote, which outranks an omission.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChangeWeights {
    pub quote_altered: f64,
    pub quote_added: f64,
    pub quote_removed: f64,
    pub number_changed: f64,
    pub date_changed: f64,
    pub name_changed: f64,
    pub negation_flipped: f64,
    /// The copy states as fact what the source attributes.
    pub attribution_dropped: f64,
    /// The copy still attributes, but no longer names who.
    pub attribution_unnamed: f64,
    /// A copy sentence nothing in the source supports…
    pub claim_added: f64,
    /// …plus this for each number, date, name or quote it carries…
    pub claim_added_per_specific: f64,
    /// …plus this for each fact (number, date, name) the source never states.
    pub claim_added_per_fact: f64,
    /// A kept passage that adds facts the source never states (plus
    /// `claim_added_per_fact` each).
    pub claim_added_in_passage: f64,
    /// A source sentence the copy leaves out…
    pub claim_omitted: f64,
    /// …plus this for each number, date, name or quote it carries.
    pub claim_omitted_per_specific: f64,
}

/// Evidence for which article is the source (TOML table `[evidence]`); the evidence
/// summed for a side gives `confidence` = 1 − e^(−|evidence|).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Evidence {
    /// Both are dated, on different days: the earlier one.
    pub earlier_date: f64,
    /// Only one carries a publication date.
    pub only_dated: f64,
    /// One credits the other's publisher by name.
    pub credit: f64,
    /// Only one states where it was published (a URL).
    pub only_published: f64,
    /// Containment: the copy is contained in the source more than the reverse; weight per
    /// unit of coverage difference…
    pub containment: f64,
    /// …counted only from this difference in coverage on.
    pub containment_min_difference: f64,
    /// Confidence never reaches certainty.
    pub max_confidence: f64,
}

impl Default for ChangeRules {
    fn default() -> ChangeRules {
        ChangeRules {
            quote_in_passage: 0.15,
            short_quote: 4,
            quote_anywhere: 0.5,
            same_speaker_bonus: 0.2,
            close_passage: 0.4,
            attribution_kept: 0.3,
            quote_kept_for_speaker: 0.6,
            negation_min_score: 0.75,
            negation_reach: 4,
            negation_stretch: 3,
            direction_min_score: 0.5,
            name_max_shift: 0.25,
            name_respelled: 1.0 / 3.0,
        }
    }
}

impl Default for ChangeWeights {
    fn default() -> ChangeWeights {
        ChangeWeights {
            quote_altered: 2.0,
            quote_added: 2.0,
            quote_removed: 1.0,
            number_changed: 3.0,
            date_changed: 3.0,
            name_changed: 3.0,
            negation_flipped: 3.0,
            attribution_dropped: 2.5,
            attribution_unnamed: 2.0,
            claim_added: 1.0,
            claim_added_per_specific: 0.25,
            claim_added_per_fact: 0.5,
            claim_added_in_passage: 1.5,
            claim_omitted: 0.5,
            claim_omitted_per_specific: 0.1,
        }
    }
}

impl Default for Evidence {
    fn default() -> Evidence {
        Evidence {
            earlier_date: 2.0,
            only_dated: 0.5,
            credit: 3.0,
            only_published: 0.75,
            containment: 2.0,
            containment_min_difference: 0.1,
            max_confidence: 0.99,
        }
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            link_threshold: 0.28,
            split_containment: 0.5,
            edited_threshold: 0.75,
            rewrite_coverage: 0.6,
            rewrite_source_coverage: 0.4,
            near_duplicate_coverage: 0.85,
            near_duplicate_verbatim: 0.85,
            partial_coverage: 0.2,
            strong_group: 0.5,
            partial_min_strong_groups: 2,
            same_story_similarity: 0.12,
            trace_wholly: 0.98,
            trace_wholly_mostly: 0.75,
            trace_own_words: 8,
            trace_min_tiled: 0.2,
            trace_min_tile: 3,
            trace_fuse_cover: 0.55,
            trace_fuse_gain: 0.1,
            trace_fuse_parts: 4,
            trace_fuse_span: 3,
            trace_fuse_min_terms: 3,
            trace_verbatim_ngram: 4,
            trace_new_run: 4,
            trace_new_novel_share: 0.8,
            template_min_changes: 3,
            template_min_changes_retitled: 2,
            template_short_item_words: 120,
            template_changed_share: 0.75,
            template_min_numbers: 12,
            template_number_agreement: 0.25,
            template_min_names: 6,
            template_name_agreement: 0.34,
            template_min_unshared_names: 2,
            template_min_unshared_numbers: 4,
            source_min_evidence: 0.5,
            changes: ChangeRules::default(),
            change_weights: ChangeWeights::default(),
            evidence: Evidence::default(),
        }
    }
}
