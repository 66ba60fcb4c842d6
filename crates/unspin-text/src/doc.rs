//! An analysed article: normalized text, units, sentences and every sentence's features.
//! Built once per article; alignment and change detection only read it.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use rustc_hash::{FxHashSet, FxHasher};

use crate::article::{Article, CivilDate, Span};
use crate::features::quotes::{self, SentenceView};
use crate::features::{
    DateMention, NameMention, NumberMention, Quote, cues, dates, names, names::WordUsage, numbers,
};
use crate::text::Normalized;
use crate::text::layout::{self, Paragraph, TextMeta, UnitKind};
use crate::text::segment::{self, Sentence};
use crate::text::words::{Token, tokenize_into};

#[derive(Clone, Debug)]
pub struct SentenceInfo {
    pub sentence: Sentence,
    /// Indices into [`Doc::tokens`].
    pub tokens: Range<usize>,
    /// Hashes of content-word stems, sorted and deduplicated.
    pub terms: Vec<u64>,
    pub numbers: Vec<NumberMention>,
    pub dates: Vec<DateMention>,
    pub names: Vec<NameMention>,
    /// Indices into [`Doc::quotes`] of quotes overlapping this sentence.
    pub quotes: Vec<usize>,
    pub negations: u32,
    /// Mentions a reporting verb or "according to".
    pub attributed: bool,
    pub n_words: usize,
}

impl SentenceInfo {
    pub fn kind(&self) -> UnitKind {
        self.sentence.kind
    }
}

/// How much of the analysis [`Doc::with_depth`] runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// Everything: what comparisons need.
    Full,
    /// Sentences, tokens, names and dates, but no terms, numbers, quotes or cues: what
    /// fingerprints need, at a fraction of the cost.
    Sentences,
}

#[derive(Clone, Debug)]
pub struct Doc<'a> {
    pub article: &'a Article,
    pub norm: Normalized,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<SentenceInfo>,
    pub tokens: Vec<Token>,
    pub quotes: Vec<Quote>,
    /// Metadata the text states, merged under the article's own metadata.
    pub text_meta: TextMeta,
    /// Every lowercased word and stem in the document (see [`Doc::vocab`]): built on
    /// first use, as only derived pairs' change detection asks, and a corpus scan holds
    /// many analysed articles that are never asked.
    vocab: std::sync::OnceLock<FxHashSet<compact_str::CompactString>>,
    /// The content sentences' terms and where they occur (see [`Doc::content`]): built
    /// on first use, as a scan compares each analysed article with several others.
    content: std::sync::OnceLock<ContentIndex>,
}

/// The terms of a document's content sentences (body and headline) and the sentences
/// that hold each: what every comparison with the document starts from.
#[derive(Clone, Debug, Default)]
pub struct ContentIndex {
    /// Every term, sorted and deduplicated.
    pub terms: Vec<u64>,
    /// How many content sentences there are (some may have no terms).
    pub sentences: usize,
    /// For each term, its range in `holders`.
    postings: rustc_hash::FxHashMap<u64, (u32, u32)>,
    /// Sentence indices, term after term, ascending within a term.
    holders: Vec<u32>,
}

impl ContentIndex {
    fn new(sentences: &[SentenceInfo]) -> ContentIndex {
        let mut entries: Vec<(u64, u32)> = Vec::new();
        let mut n = 0;
        for (i, s) in sentences.iter().enumerate() {
            if s.kind().is_content() {
                n += 1;
                entries.extend(s.terms.iter().map(|&t| (t, i as u32)));
            }
        }
        entries.sort_unstable();
        let mut index = ContentIndex {
            sentences: n,
            holders: entries.iter().map(|&(_, i)| i).collect(),
            ..ContentIndex::default()
        };
        let mut start = 0;
        for run in entries.chunk_by(|x, y| x.0 == y.0) {
            let end = start + run.len();
            index.terms.push(run[0].0);
            index.postings.insert(run[0].0, (start as u32, end as u32));
            start = end;
        }
        index
    }

    /// The content sentences holding `term`, ascending.
    pub fn holders(&self, term: u64) -> &[u32] {
        self.postings.get(&term).map_or(&[][..], |&(from, to)| {
            &self.holders[from as usize..to as usize]
        })
    }

    /// Every term with the number of content sentences holding it.
    pub fn frequencies(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.postings.iter().map(|(&t, &(from, to))| (t, to - from))
    }
}

/// Indices of the `sentences` (in text order, not overlapping each other) that overlap
/// `range`: found by binary search, as a quote or passage spans few of many sentences.
fn overlapping(sentences: &[SentenceInfo], range: &Range<usize>) -> Range<usize> {
    let first = sentences.partition_point(|s| s.sentence.range.end <= range.start);
    let end = first
        + sentences[first..]
            .iter()
            .take_while(|s| s.sentence.range.start < range.end)
            .count();
    first..end
}

pub fn term_hash(stem: &str) -> u64 {
    let mut h = FxHasher::default();
    stem.hash(&mut h);
    h.finish()
}

impl<'a> Doc<'a> {
    /// Mark the body sentences `is_boilerplate` picks as [`UnitKind::Boilerplate`], so
    /// that comparisons skip them (cheaper than analysing the text without them).
    pub fn mark_boilerplate(&mut self, mut is_boilerplate: impl FnMut(&Doc<'a>, usize) -> bool) {
        let marked: Vec<usize> = (0..self.sentences.len())
            .filter(|&i| self.sentences[i].kind() == UnitKind::Body && is_boilerplate(self, i))
            .collect();
        for i in marked {
            self.sentences[i].sentence.kind = UnitKind::Boilerplate;
        }
        self.content = std::sync::OnceLock::new();
    }

    pub fn new(article: &'a Article) -> Doc<'a> {
        Doc::with_depth(article, Depth::Full)
    }

    pub fn with_depth(article: &'a Article, depth: Depth) -> Doc<'a> {
        let norm = Normalized::new(&article.text);
        let (paragraphs, text_meta) =
            layout::layout(&norm, &article.text, article.meta.title.as_deref());
        let sentences = segment::sentences(&norm, &paragraphs);
        let anchor = article.meta.date.or(text_meta.date);
        let text = norm.text.as_str();

        // About one word per six characters of English news.
        let mut tokens = Vec::with_capacity(text.len() / 6);
        let mut token_ranges = Vec::with_capacity(sentences.len());
        for s in &sentences {
            let start = tokens.len();
            tokenize_into(&text[s.range.clone()], s.range.start, &mut tokens);
            token_ranges.push(start..tokens.len());
        }
        // Words the document capitalizes mid-sentence (outside headlines and lines set
        // in capitals) are names.
        let mut capitalized: FxHashSet<&str> = FxHashSet::default();
        let shouting: Vec<bool> = token_ranges
            .iter()
            .map(|r| names::is_shouting(&tokens[r.clone()]))
            .collect();
        for ((s, r), &shouts) in sentences.iter().zip(&token_ranges).zip(&shouting) {
            if s.kind == UnitKind::Body && !shouts {
                for pair in tokens[r.clone()].windows(2) {
                    let gap = &text[pair[0].range.end..pair[1].range.start];
                    if pair[1].cap && !gap.contains(['"', ':', '.', '?', '!']) {
                        capitalized.insert(pair[1].lower.as_str());
                    }
                }
            }
        }
        let usage = DocUsage {
            capitalized,
            tokens: &tokens,
            body: sentences
                .iter()
                .zip(&token_ranges)
                .filter(|(s, _)| s.kind == UnitKind::Body)
                .map(|(_, r)| r.clone())
                .collect(),
            asked: std::cell::Cell::new(0),
            lowercase: std::cell::OnceCell::new(),
        };

        let mut infos = Vec::with_capacity(sentences.len());
        for ((s, r), shouts) in sentences.into_iter().zip(token_ranges).zip(shouting) {
            let toks = &tokens[r.clone()];
            let stext = &text[s.range.clone()];
            let dates = dates::find_dates(stext, s.range.start, anchor);
            let masked: Vec<Range<usize>> = dates.iter().map(|d| d.range.clone()).collect();
            let numbers = if depth == Depth::Full {
                numbers::find_numbers(stext, s.range.start, &masked, toks)
            } else {
                Vec::new()
            };
            let names = if s.kind == UnitKind::Body {
                names::find_names(text, toks, shouts, &masked, &usage)
            } else {
                Vec::new()
            };
            let full = depth == Depth::Full;
            let mut terms: Vec<u64> = toks
                .iter()
                .filter(|t| full && !t.stop)
                .map(|t| term_hash(&t.stem))
                .collect();
            terms.sort_unstable();
            terms.dedup();
            infos.push(SentenceInfo {
                negations: toks
                    .iter()
                    .filter(|t| full && cues::is_negation(&t.lower))
                    .count() as u32,
                attributed: full
                    && toks.iter().enumerate().any(|(k, t)| {
                        // "The court heard …".
                        if t.lower == "heard"
                            && k.checked_sub(1)
                                .is_some_and(|p| cues::is_hearing_body(&toks[p].lower))
                        {
                            return true;
                        }
                        // "reports"/"claims" attribute only as verbs ("Kommersant reports …").
                        t.attribution
                            && !cues::is_weak_attribution(&t.lower)
                            && (!cues::is_claim_noun(&t.lower)
                                || k.checked_sub(1).is_some_and(|p| {
                                    toks[p].cap || cues::is_pronoun(&toks[p].lower)
                                }))
                    }),
                n_words: toks.len(),
                sentence: s,
                tokens: r,
                terms,
                numbers,
                dates,
                names,
                quotes: Vec::new(),
            });
        }

        let mut quotes = Vec::new();
        for p in paragraphs
            .iter()
            .filter(|p| p.kind == UnitKind::Body && depth == Depth::Full)
        {
            quotes.extend(quotes::find_quotes(&norm, p.range.clone()));
        }
        let all_names: Vec<NameMention> =
            infos.iter().flat_map(|s| s.names.iter().cloned()).collect();
        let views: Vec<SentenceView<'_>> = infos
            .iter()
            .map(|s| SentenceView {
                range: s.sentence.range.clone(),
                tokens: &tokens[s.tokens.clone()],
                names: &s.names,
            })
            .collect();
        quotes::attribute(text, &mut quotes, &views, &all_names);
        drop(views);
        for (qi, q) in quotes.iter().enumerate() {
            let span = overlapping(&infos, &q.inner);
            for s in &mut infos[span] {
                s.quotes.push(qi);
            }
        }

        Doc {
            article,
            norm,
            paragraphs,
            sentences: infos,
            tokens,
            quotes,
            text_meta,
            vocab: std::sync::OnceLock::new(),
            content: std::sync::OnceLock::new(),
        }
    }

    /// Every lowercased word and stem in the document, for "is this supported?" checks.
    pub fn vocab(&self) -> &FxHashSet<compact_str::CompactString> {
        self.vocab.get_or_init(|| {
            let mut vocab = FxHashSet::default();
            for t in &self.tokens {
                vocab.insert(t.lower.clone());
                vocab.insert(t.stem.clone());
            }
            vocab
        })
    }

    /// The terms of the content sentences (body and headline) and where they occur.
    /// Sentence kinds change only through [`Doc::mark_boilerplate`], which starts over.
    pub fn content(&self) -> &ContentIndex {
        self.content
            .get_or_init(|| ContentIndex::new(&self.sentences))
    }

    /// Indices of the sentences overlapping the normalized `range`.
    pub fn sentences_overlapping(&self, range: &Range<usize>) -> Range<usize> {
        overlapping(&self.sentences, range)
    }

    /// Text of a normalized range.
    pub fn ntext(&self, range: Range<usize>) -> &str {
        self.norm.text.get(range).unwrap_or("")
    }

    /// The text of a normalized range on one line, whitespace runs folded to one space,
    /// as change details quote it ("400 mln dlrs became 360⏎mln dlrs" reads "360 mln
    /// dlrs").
    pub fn flat_text(&self, range: Range<usize>) -> String {
        self.ntext(range)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Original span of a normalized range.
    pub fn span(&self, range: Range<usize>) -> Span {
        self.norm.to_original(range.start, range.end)
    }

    pub fn sentence_tokens(&self, idx: usize) -> &[Token] {
        self.sentences
            .get(idx)
            .map_or(&[], |s| &self.tokens[s.tokens.clone()])
    }

    pub fn date(&self) -> Option<CivilDate> {
        self.article.meta.date.or(self.text_meta.date)
    }

    pub fn url(&self) -> Option<&str> {
        self.article
            .meta
            .url
            .as_deref()
            .or(self.text_meta.url.as_deref())
    }

    pub fn title(&self) -> Option<&str> {
        self.article
            .meta
            .title
            .as_deref()
            .or(self.text_meta.title.as_deref())
    }

    /// Words in content units (body and headline).
    pub fn content_words(&self) -> usize {
        self.sentences
            .iter()
            .filter(|s| s.kind().is_content())
            .map(|s| s.n_words)
            .sum()
    }
}

/// How one document writes its words (see [`WordUsage`]): the words it capitalizes
/// mid-sentence, and the stems of those it writes in lowercase. A sentence opening with
/// a capitalized word before another name word asks for these; the first few questions
/// are answered by reading the body, and only a document that asks more gathers them
/// into a set (building one for every document cost 1.4% of a scan's instructions).
struct DocUsage<'t> {
    capitalized: FxHashSet<&'t str>,
    tokens: &'t [Token],
    /// Token ranges of the body sentences.
    body: Vec<Range<usize>>,
    asked: std::cell::Cell<usize>,
    lowercase: std::cell::OnceCell<FxHashSet<&'t str>>,
}

impl<'t> DocUsage<'t> {
    /// Questions answered by reading the body before the set is built.
    const READS: usize = 4;

    fn lowercase_stems(&self) -> impl Iterator<Item = &'t str> + '_ {
        self.body
            .iter()
            .flat_map(|r| &self.tokens[r.clone()])
            .filter(|t| !t.cap && !t.numeric)
            .map(|t| t.stem.as_str())
    }
}

impl WordUsage for DocUsage<'_> {
    fn capitalized(&self, t: &Token) -> bool {
        self.capitalized.contains(t.lower.as_str())
    }

    fn ordinary(&self, t: &Token) -> bool {
        let asked = self.asked.get();
        if asked < Self::READS {
            self.asked.set(asked + 1);
            return self.lowercase_stems().any(|s| s == t.stem.as_str());
        }
        self.lowercase
            .get_or_init(|| self.lowercase_stems().collect())
            .contains(t.stem.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence is attributed by a verb that reports what was said, not by one that
    /// says only how ("sobbed") or has a sense that reports nothing ("pleaded guilty").
    #[test]
    fn how_someone_spoke_attributes_nothing_on_its_own() {
        let a = Article::new(
            "t",
            "Cotterell pleaded guilty to murder. Banfield sobbed in the dock. The judge \
             testified that the plea was late. Mr Lloyd said the plea was late.",
        );
        let doc = Doc::new(&a);
        let attributed: Vec<bool> = doc.sentences.iter().map(|s| s.attributed).collect();
        assert_eq!(attributed, [false, false, true, true]);
    }

    #[test]
    fn sentences_overlapping_quotes_match_a_full_scan() {
        let a = Article::new(
            "t",
            "First sentence here. \"A quote that runs on,\" she said. A third sentence.\n\n\
             Later, \"another quote\" was heard. \"And one more at the end.\"",
        );
        let doc = Doc::new(&a);
        assert!(doc.quotes.len() >= 2, "{:?}", doc.quotes);
        for (qi, q) in doc.quotes.iter().enumerate() {
            let span = doc.sentences_overlapping(&q.inner);
            let by_scan: Vec<usize> = (0..doc.sentences.len())
                .filter(|&k| {
                    let r = &doc.sentences[k].sentence.range;
                    r.start < q.inner.end && q.inner.start < r.end
                })
                .collect();
            assert!(!by_scan.is_empty());
            assert_eq!(span.clone().collect::<Vec<_>>(), by_scan);
            assert!(
                span.into_iter()
                    .all(|k| doc.sentences[k].quotes.contains(&qi))
            );
        }
        assert!(doc.sentences_overlapping(&(0..0)).is_empty());
    }

    #[test]
    fn content_terms_leave_out_sentences_marked_boilerplate() {
        let a = Article::new(
            "t",
            "The harbour council approved the ferry budget.\n\nSubscribe to our newsletter today.",
        );
        let mut doc = Doc::new(&a);
        let union = |d: &Doc<'_>, skip: Option<usize>| {
            let mut terms: Vec<u64> = (0..d.sentences.len())
                .filter(|&i| Some(i) != skip)
                .flat_map(|i| d.sentences[i].terms.clone())
                .collect();
            terms.sort_unstable();
            terms.dedup();
            terms
        };
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.content().terms, union(&doc, None));
        let first = doc.sentences[0].terms[0];
        assert_eq!(doc.content().holders(first), [0]);
        assert_eq!(doc.content().sentences, 2);
        doc.mark_boilerplate(|d, i| {
            d.ntext(d.sentences[i].sentence.range.clone())
                .starts_with("Subscribe")
        });
        assert_eq!(doc.content().terms, union(&doc, Some(1)));
        assert!(doc.content().terms.len() < union(&doc, None).len());
        assert_eq!(doc.content().sentences, 1);
    }

    /// A line set in capitals inside the body names only what the rest of the article
    /// capitalizes, and lends its words no name evidence either.
    #[test]
    fn a_line_in_capitals_names_only_what_the_article_capitalizes() {
        let a = Article::new(
            "t",
            "The trial went on.\n\nMURDER TRIAL JURY RESUMES IN NORWICH\n\n\
             The jury at Norwich Crown Court resumed its deliberations. Murder was \
             the charge.",
        );
        let doc = Doc::new(&a);
        let names: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.names.iter().map(|n| doc.ntext(n.range.clone())).collect())
            .collect();
        assert_eq!(
            names,
            [vec![], vec!["NORWICH"], vec!["Norwich Crown Court"], vec![]]
        );
    }

    /// A word the article writes in lowercase (here "torture") is no name where a
    /// sentence opens with it, asked once or many times; one it writes nowhere else
    /// ("Former") still may be.
    #[test]
    fn an_ordinary_word_opening_a_sentence_is_left_out_of_the_name() {
        let victims = [
            "Ana Ruiz",
            "Juan Soto",
            "Rosa Diaz",
            "Luis Mora",
            "Eva Paz",
            "Tito Gil",
        ];
        let mut text = String::from("The charges alleged torture. Former Judge Pablo Vera spoke.");
        for v in victims {
            text.push_str(&format!(" Torturing {v}."));
        }
        let a = Article::new("t", text);
        let doc = Doc::new(&a);
        let names: Vec<&str> = doc
            .sentences
            .iter()
            .flat_map(|s| &s.names)
            .map(|n| doc.ntext(n.range.clone()))
            .collect();
        let mut expect = vec!["Former Judge Pablo Vera"];
        expect.extend(victims);
        assert_eq!(names, expect);
    }
}
