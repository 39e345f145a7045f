"""One article at a time against an index (`newsmon cluster`, the benches): sketch it, decide, merge the stories it
bridges, and add it. The stage does the same a batch at a time against the store (stage.py, batch.py)."""

from dataclasses import replace

from consumers.dedupe.decide import Decision, decide
from consumers.dedupe.index import AsyncDedupeIndex, CandidateDoc, DedupeIndex, IndexedDoc
from consumers.dedupe.merge import merge_bridged
from consumers.dedupe.sketch import Sketch, sketch_article, sketch_from_bytes


def dedupe(index: DedupeIndex, doc_id: str, title: str, body: str, first_seen: float) -> Decision:
    """Sketch an article, decide against the index (merging the stories it bridges), and add it to the index."""
    sketch = sketch_article(title, body)
    decision = decide(doc_id, first_seen, sketch, index.candidates(sketch.band_keys))
    if decision.bridges:
        stories = [decision.story_id, *decision.bridges]
        members: dict[str, list[tuple[CandidateDoc, Sketch]]] = {story_id: [] for story_id in stories}
        for doc in index.story_docs(stories):
            members[doc.story_id].append((doc, sketch_from_bytes(doc.sketch)))
        decision = merge_bridged(decision, first_seen, sketch, members)
        if decision.absorbs:
            index.merge_stories(decision.absorbs, decision.story_id)
    index.add(_indexed(decision, first_seen, sketch), sketch.band_keys)
    return decision


async def dedupe_async(index: AsyncDedupeIndex, doc_id: str, title: str, body: str, first_seen: float) -> Decision:
    """`dedupe` for an awaited index: same sketch, same decision, without merging stories (the stage merges them:
    consumers/dedupe/stage.py)."""
    sketch = sketch_article(title, body)
    decision = decide(doc_id, first_seen, sketch, await index.candidates(sketch.band_keys))
    decision = replace(decision, bridges=())
    await index.add(_indexed(decision, first_seen, sketch), sketch.band_keys)
    return decision


def _indexed(decision: Decision, first_seen: float, sketch: Sketch) -> IndexedDoc:
    return IndexedDoc(decision.doc_id, first_seen, sketch.to_bytes(), decision.story_id, decision.duplicate_of)
