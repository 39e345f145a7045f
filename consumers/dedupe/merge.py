"""Stories an article bridges: it joins one story and is as close to another, so the two are one story.

`decide` proposes the other stories (`Decision.bridges`) from the candidates the index returned; `merge_bridged`
checks each against every member of both stories, which the caller reads (article.py from an index, stage.py from the
store and its batch).
"""

import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from consumers.dedupe.decide import Decision, Scores
from consumers.dedupe.index import CandidateDoc
from consumers.dedupe.sketch import Sketch, event_days, expressible_counts
from consumers.dedupe.story_link import (
    STORY_MIN_SIMILARITY,
    event_date_of,
    filed_apart,
    lowest_article_similarities,
    story_similarities_with,
)

# The members read to check a merge (every doc of both stories): a story larger than this is not merged. A story of
# dozens of reports is well connected already, and every one of them would have to be read and compared: on the
# stage bench's template feeds (bench/dedupe_stage.py, every item close to many stories of ~60 docs) reading them
# cost 30x the stage's CPU. The hand-written sets' stories have at most 9 docs.
STORY_MERGE_MAX_DOCS = 32


def merge_bridged(decision: Decision, first_seen: float, sketch: Sketch,
                  members: Mapping[str, Sequence[tuple[CandidateDoc, Sketch]]],
                  known: "MemberFeatures | None" = None) -> Decision:  # fmt: skip
    """The stories of `decision.bridges` this article merges with the one it joins (STORY_MERGE_MIN_SHARE), from
    every member of those stories and of the joined one (`members`, by story id; the caller reads them): each of the
    other story's articles clears the story bar with it, and no two of the stories' members were filed days apart.
    The merged story is the one whose origin came first. `known`: the members' features as read for earlier checks
    (a batch checks the same stories again and again), if the caller keeps them."""
    if not decision.bridges:
        return decision
    known = known if known is not None else MemberFeatures()
    joined = known.of(members.get(decision.story_id, ()))
    own = _Own(sketch)
    absorbed = [story_id for story_id in decision.bridges
                if _is_bridged(decision.doc_id, first_seen, own, known.of(members.get(story_id, ())),
                               joined)]  # fmt: skip
    if not absorbed:
        return replace(decision, bridges=())
    stories = [decision.story_id, *absorbed]
    survivor = min(stories, key=lambda story_id: _origin(story_id, members.get(story_id, ())))
    return replace(decision, story_id=survivor, absorbs=tuple(s for s in stories if s != survivor), bridges=())


@dataclass(frozen=True)
class _Features:
    """What a merge check reads of a member's sketch, as `decide.score` reads it."""

    stored: bytes  # the stored sketch they are of
    sketch: Sketch
    story_values: tuple[int, ...]  # its story features (uint32 hashes, as stored)
    story_count: int
    story_day: int
    story_expressible: int
    story_date: int


class MemberFeatures:
    """Members' features by doc id, computed once for the sketch they were read with (a new version's sketch is
    read again)."""

    def __init__(self) -> None:
        self._features: dict[str, _Features] = {}

    def of(self, story: Sequence[tuple[CandidateDoc, Sketch]]) -> list[tuple[CandidateDoc, _Features]]:
        """Each member (the doc as the caller has it now: its story may have changed since) and its features."""
        known = self._features
        unread = [(doc, other) for doc, other in story
                  if (features := known.get(doc.doc_id)) is None or features.stored != doc.sketch]  # fmt: skip
        if unread:
            # As `decide.score` computes them: the same functions, and each doc's figures are its own alone.
            values = [other.story_values for _, other in unread]
            days, expressible = event_days(values).tolist(), expressible_counts(values).tolist()
            for (doc, other), own, day, count in zip(unread, values, days, expressible, strict=True):
                known[doc.doc_id] = _Features(doc.sketch, other, struct.unpack(f"<{len(own) // 4}I", own),
                                              len(own) // 4, day, count, event_date_of(other))  # fmt: skip
        return [(doc, known[doc.doc_id]) for doc, _ in story]


class _Own:
    """The article's features a merge check compares with each member's."""

    def __init__(self, sketch: Sketch) -> None:
        self.sketch = sketch
        values = struct.unpack(f"<{len(sketch.story_values) // 4}I", sketch.story_values)
        self.count, self.values = len(values), frozenset(values)


def _is_bridged(doc_id: str, first_seen: float, own: _Own, story: Sequence[tuple[CandidateDoc, _Features]],
                joined: Sequence[tuple[CandidateDoc, _Features]]) -> bool:  # fmt: skip
    if not story or not joined or len(story) > STORY_MERGE_MAX_DOCS or len(joined) > STORY_MERGE_MAX_DOCS:
        return False
    dates = {features.story_date for _, features in joined} - {-1}
    story_dates = {features.story_date for _, features in story} - {-1}
    if any(filed_apart((date, other)) for date in story_dates for other in dates):
        return False
    docs = [doc for doc, _ in story]
    earlier = [i for i, doc in enumerate(docs) if (doc.first_seen, doc.doc_id) < (first_seen, doc_id)]
    if len(earlier) < len(docs):
        return False
    similarities = story_similarities_with(own.sketch, docs, _story_scores(own, [features for _, features in story]),
                                           earlier)  # fmt: skip
    return min(lowest_article_similarities(docs, similarities).values(), default=0.0) >= STORY_MIN_SIMILARITY


def _story_scores(own: _Own, story: Sequence[_Features]) -> Scores:
    """`decide.score` of the article with each member, but for the bodies' MinHash Jaccard (`jaccard` is left
    empty: `story_similarities_with` compares story features alone), in Python: a story has at most
    STORY_MERGE_MAX_DOCS members of a few dozen features each, and numpy's cost a call was most of a merge check's.
    The same numbers: the features of each member the article has (`np.isin`, counted the same way), and the
    Jaccard as one division of the same two integers (exact in float64, so one rounding either way)."""
    shared = [sum(map(own.values.__contains__, member.story_values)) if own.count else 0 for member in story]
    names = [count / (own.count + member.story_count - count) if own.count and member.story_count else 0.0
             for count, member in zip(shared, story, strict=True)]  # fmt: skip
    title = own.sketch.title_values
    return Scores([], names, [member.sketch.shingle_count for member in story],
                  [member.sketch.has_story for member in story], shared, [member.story_count for member in story],
                  [member.story_day for member in story], [member.story_expressible for member in story],
                  [member.story_date for member in story],
                  [bool(title) and member.sketch.title_values == title for member in story])  # fmt: skip


def _origin(story_id: str, members: Sequence[tuple[CandidateDoc, Sketch]]) -> tuple[float, str]:
    # A story's id is its origin's doc id; the origin is among its members (a story absorbed before keeps its docs).
    for doc, _ in members:
        if doc.doc_id == story_id:
            return doc.first_seen, doc.doc_id
    return min(((doc.first_seen, doc.doc_id) for doc, _ in members), default=(float("inf"), story_id))
