"""Stories an article bridges: it joins one story and is as close to another, so the two are one story.

`decide` proposes the other stories (`Decision.bridges`) from the candidates the index returned; `merge_bridged`
checks each against every member of both stories, which the caller reads (article.py from an index, stage.py from the
store and its batch).
"""

from collections.abc import Mapping, Sequence
from dataclasses import replace

from consumers.dedupe.decide import (
    STORY_MIN_SIMILARITY,
    Decision,
    event_date_of,
    filed_apart,
    lowest_article_similarities,
    score,
    story_similarities_with,
)
from consumers.dedupe.index import CandidateDoc
from consumers.dedupe.sketch import Sketch

# The members read to check a merge (every doc of both stories): a story larger than this is not merged. A story of
# dozens of reports is well connected already, and every one of them would have to be read and compared: on the
# stage bench's template feeds (bench/dedupe_stage.py, every item close to many stories of ~60 docs) reading them
# cost 30x the stage's CPU. The hand-written sets' stories have at most 9 docs.
STORY_MERGE_MAX_DOCS = 32


def merge_bridged(decision: Decision, first_seen: float, sketch: Sketch,
                  members: Mapping[str, Sequence[tuple[CandidateDoc, Sketch]]]) -> Decision:  # fmt: skip
    """The stories of `decision.bridges` this article merges with the one it joins (STORY_MERGE_MIN_SHARE), from
    every member of those stories and of the joined one (`members`, by story id; the caller reads them): each of the
    other story's articles clears the story bar with it, and no two of the stories' members were filed days apart.
    The merged story is the one whose origin came first."""
    if not decision.bridges:
        return decision
    joined = members.get(decision.story_id, ())
    absorbed = [story_id for story_id in decision.bridges
                if _is_bridged(decision.doc_id, first_seen, sketch, members.get(story_id, ()), joined)]  # fmt: skip
    if not absorbed:
        return replace(decision, bridges=())
    stories = [decision.story_id, *absorbed]
    survivor = min(stories, key=lambda story_id: _origin(story_id, members.get(story_id, ())))
    return replace(decision, story_id=survivor, absorbs=tuple(s for s in stories if s != survivor), bridges=())


def _is_bridged(doc_id: str, first_seen: float, sketch: Sketch, story: Sequence[tuple[CandidateDoc, Sketch]],
                joined: Sequence[tuple[CandidateDoc, Sketch]]) -> bool:  # fmt: skip
    if not story or not joined or len(story) > STORY_MERGE_MAX_DOCS or len(joined) > STORY_MERGE_MAX_DOCS:
        return False
    dates = {event_date_of(other) for _, other in joined} - {-1}
    story_dates = {event_date_of(other) for _, other in story} - {-1}
    if any(filed_apart((date, other)) for date in story_dates for other in dates):
        return False
    docs = [doc for doc, _ in story]
    earlier = [i for i, doc in enumerate(docs) if (doc.first_seen, doc.doc_id) < (first_seen, doc_id)]
    if len(earlier) < len(docs):
        return False
    similarities = story_similarities_with(sketch, docs, score(sketch, [other for _, other in story]), earlier)
    return min(lowest_article_similarities(docs, similarities).values()) >= STORY_MIN_SIMILARITY


def _origin(story_id: str, members: Sequence[tuple[CandidateDoc, Sketch]]) -> tuple[float, str]:
    # A story's id is its origin's doc id; the origin is among its members (a story absorbed before keeps its docs).
    for doc, _ in members:
        if doc.doc_id == story_id:
            return doc.first_seen, doc.doc_id
    return min(((doc.first_seen, doc.doc_id) for doc, _ in members), default=(float("inf"), story_id))
