"""Two outlets' own reports of one event may not be alike enough to join each other; a later article close to both
(a brief, a translation) then merges their stories (merge.merge_bridged), in `newsmon cluster` and in the stage.
Invented texts."""

from dataclasses import fields, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from consumers.dedupe.article import dedupe
from consumers.dedupe.decide import Decision, Scores, decide, score
from consumers.dedupe.files import cluster_paths
from consumers.dedupe.index import IndexedDoc, MemoryIndex
from consumers.dedupe.merge import MemberFeatures, _Own, _story_scores
from consumers.dedupe.sketch import sketch_article
from consumers.dedupe.stage import BatchRun, DedupeStage, sketch_items
from consumers.dedupe.story_link import story_similarities_with
from newsmon.store import articles as stored_articles
from newsmon.store import claims
from newsmon.store.models import ArticleRow, DedupeDocRow, StoryDisputeRow
from newsmon.store.session import Store
from schemas.articles import Article
from schemas.items import FeedItem
from schemas.topics import Topics
from tests.consumers.dedupe.test_dedupe_stage import deliveries, item
from tests.pipeline_helpers import snapshot

WIRE = ("Fuel tanker explodes at Manbij petrol station, 4 dead",
        "A fuel tanker exploded at a petrol station on the Aleppo road in Manbij on Sunday, killing 4 people and "
        "injuring 11, civil defence commander Karwan Mirza said. The station's owner, Jamil Hadid, said the driver "
        "had been unloading diesel when a spark from a generator set it alight. The Manbij Military Council closed "
        "the road for six hours while firefighters from Jarablus put out the blaze.")  # fmt: skip
# The same event told from the hospital: the town, the day and the toll are all it shares with the wire.
LOCAL = ("Tanker blast in Manbij leaves 4 dead, hospital overwhelmed",
         "Doctors at the Manbij National Hospital treated burn victims on Sunday after a tanker blast at a fuel "
         "station killed 4 people, surgeon Lina Sabbagh told Hawar Radio. Nurse Rojin Ahmo said three children were "
         "among the wounded and that the hospital had run short of burn dressings. Some patients were moved to a "
         "clinic in Tishreen.")  # fmt: skip
LOCAL_REPRINT = (LOCAL[0], LOCAL[1] + " Republished with permission.")
BRIEF = ("Manbij tanker blast", "A tanker blast at a petrol station in Manbij killed 4 people on Sunday.")

# Two events in one town a week apart (their datelines say so), and an undated item that could be either.
FIRST_BLAST = ("Fuel tanker explodes at Manbij petrol station, 4 dead", "MANBIJ, Syria, March 1 (Levant Wire) - "
               + WIRE[1])  # fmt: skip
MARKET_FIRE = ("Fire at Manbij market kills 4",
               "MANBIJ, Syria, March 8 (Levant Wire) - A fire swept through the covered vegetable market in Manbij on "
               "Sunday, killing 4 traders, civil defence commander Karwan Mirza said. Shopkeeper Mahmoud Issa said the "
               "fire started in a stall selling gas cylinders. The Manbij Military Council said 30 stalls burned "
               "down.")  # fmt: skip
GENERIC = ("4 dead in Manbij", "Four people were killed in Manbij on Sunday, local officials said.")


def _decided(*docs: tuple[str, tuple[str, str]]) -> tuple[MemoryIndex, dict[str, Decision]]:
    index = MemoryIndex()
    decisions = {name: dedupe(index, name, title, body, float(position))
                 for position, (name, (title, body)) in enumerate(docs)}  # fmt: skip
    return index, decisions


def _stories(index: MemoryIndex, *names: str) -> dict[str, str]:
    return {name: doc.story_id for name in names if (doc := index.get(name)) is not None}


def test_two_reports_of_one_event_stay_apart_until_a_brief_close_to_both_merges_them() -> None:
    index, _ = _decided(("wire", WIRE), ("local", LOCAL))
    assert _stories(index, "wire", "local") == {"wire": "wire", "local": "local"}
    brief = dedupe(index, "brief", *BRIEF, 2.0)
    assert (brief.story_id, brief.absorbs) == ("wire", ("local",))  # the story whose origin came first survives
    assert _stories(index, "wire", "local", "brief") == {"wire": "wire", "local": "wire", "brief": "wire"}


def test_a_merge_keeps_every_duplicate_decision() -> None:
    index, decisions = _decided(("wire", WIRE), ("local", LOCAL), ("reprint", LOCAL_REPRINT), ("brief", BRIEF))
    assert decisions["reprint"].duplicate_of == "local"
    assert index.get("reprint").duplicate_of == "local"  # type: ignore[union-attr]
    assert _stories(index, "reprint") == {"reprint": "wire"}


def test_a_merge_applied_again_changes_nothing() -> None:
    index, _ = _decided(("wire", WIRE), ("local", LOCAL), ("brief", BRIEF))
    before = _stories(index, "wire", "local", "brief")
    index.merge_stories(["local"], "wire")
    assert _stories(index, "wire", "local", "brief") == before
    assert [doc.doc_id for doc in index.story_docs(["wire"])] == ["wire", "local", "brief"]


def test_cluster_prints_every_file_under_its_story_once_all_are_decided(tmp_path: Path) -> None:
    for name, (title, body) in (("01-wire", WIRE), ("02-local", LOCAL), ("03-brief", BRIEF)):
        (tmp_path / f"{name}.txt").write_text(f"{title}\n{body}\n", encoding="utf-8")
    assert {str(r["doc_id"]): r["story_id"] for r in cluster_paths([tmp_path])} == {
        "01-wire": "01-wire", "02-local": "01-wire", "03-brief": "01-wire"}  # fmt: skip


def test_two_events_in_one_town_filed_a_week_apart_stay_apart_with_a_generic_item_between() -> None:
    index, _ = _decided(("blast", FIRST_BLAST), ("fire", MARKET_FIRE))
    # The item is close enough to both to propose the merge; the stories' filing days keep them apart.
    sketch = sketch_article(*GENERIC)
    assert decide("generic", 2.0, sketch, index.candidates(sketch.band_keys)).bridges == ("fire",)
    generic = dedupe(index, "generic", *GENERIC, 2.0)
    assert (generic.story_id, generic.absorbs) == ("blast", ())
    assert _stories(index, "blast", "fire", "generic") == {"blast": "blast", "fire": "fire", "generic": "blast"}


def _items() -> dict[str, FeedItem]:
    return {"wire": item("wire", "tanker", *WIRE), "local": item("daily", "tanker-hospital", *LOCAL),
            "brief": item("gazette", "tanker-brief", *BRIEF)}  # fmt: skip


async def _stored_stories(store: Store) -> tuple[dict[str, str | None], dict[str, str], set[str]]:
    async with store.sessions() as session:
        by_url = dict((await session.execute(select(ArticleRow.url, ArticleRow.story_id))).all())
        docs = dict((await session.execute(select(DedupeDocRow.doc_id, DedupeDocRow.story_id))).all())
        disputes = set((await session.scalars(select(StoryDisputeRow.story_id))).all())
    return {url.rsplit("/", 1)[1]: story for url, story in by_url.items()}, docs, disputes


async def test_the_stage_merges_stories_a_later_batch_bridges_and_a_replay_changes_nothing(store: Store) -> None:
    items = _items()
    stage = DedupeStage(store, Topics())
    await stage.process(deliveries([items["wire"], items["local"]]))
    wire_id, local_id = items["wire"].item_id, items["local"].item_id
    async with store.sessions.begin() as session:  # the claims stage has recorded both stories
        await claims.record_disputes(session, [wire_id, local_id])
    articles, docs, disputes = await _stored_stories(store)
    assert articles == {"tanker": wire_id, "tanker-hospital": local_id}
    assert disputes == {wire_id, local_id}

    batch = deliveries([items["brief"]])
    published = await stage.process(batch)
    articles, docs, disputes = await _stored_stories(store)
    assert set(articles.values()) == set(docs.values()) == {wire_id}
    assert disputes == {wire_id}  # the absorbed story's record goes with it
    assert [out.message.story_id for out in published] == [wire_id]  # type: ignore[attr-defined]

    before = await snapshot(store)
    again = await stage.process(batch)
    assert await snapshot(store) == before
    assert [(o.key, o.message) for o in again] == [(o.key, o.message) for o in published]


async def test_the_stage_publishes_articles_a_later_item_of_their_batch_merges_under_the_merged_story(
    store: Store,
) -> None:
    items = _items()
    published = await DedupeStage(store, Topics()).process(deliveries(list(items.values())))
    wire_id = items["wire"].item_id
    messages = [out.message for out in published]
    assert all(isinstance(message, Article) for message in messages)
    assert [message.story_id for message in messages] == [wire_id] * 3  # type: ignore[attr-defined]
    articles, docs, _ = await _stored_stories(store)
    assert set(articles.values()) == set(docs.values()) == {wire_id}


async def test_the_store_merges_a_batchs_stories_at_once_and_the_rows_it_holds_follow(store: Store) -> None:
    # A batch's merges, composed (absorbed -> survivor), in one call: the absorbed stories' articles join their
    # survivors, their dispute records go, the survivors' are recorded, and an article row the session already holds
    # says its new story (a later run of the batch reads it from the session).
    wire = item("wire", "tanker", *WIRE)
    stories = {"a": "c", "b": "c", "c": "c", "d": "d", "e": "f", "f": "f"}
    async with store.sessions.begin() as session:
        for article_id in stories:
            article = Article(article_id=article_id, version=1, url=f"{wire.url}-{article_id}", outlet=wire.outlet,
                              feed_url=wire.feed_url, language=wire.language, title=wire.title, text="text",
                              published_at=wire.published_at, content_hash=article_id,
                              story_id=article_id)  # fmt: skip
            await stored_articles.insert_new(session, article, wire.published_at)
        await claims.record_disputes(session, list(stories))
    for _ in range(2):
        async with store.sessions.begin() as session:
            held = await stored_articles.get(session, "b")
            await stored_articles.merge_stories(session, {"a": "c", "b": "c", "e": "f"})
            assert held is not None and held.story_id == "c"
        async with store.sessions() as session:
            found = dict((await session.execute(select(ArticleRow.id, ArticleRow.story_id))).all())
            disputes = set((await session.scalars(select(StoryDisputeRow.story_id))).all())
        assert found == stories
        assert disputes == {"c", "d", "f"}


async def test_a_new_version_in_the_batch_that_merges_its_story_leaves_the_merged_storys_record_only(
    store: Store,
) -> None:
    # The batch's merges are written at its end: a new version of an article of the absorbed story, later in that
    # batch, records the story it was in until then, and that record goes with the merge as a merge at once would
    # leave it; the new version goes out under the merged story.
    items = _items()
    stage = DedupeStage(store, Topics())
    await stage.process(deliveries([items["wire"], items["local"]]))
    wire_id, local_id = items["wire"].item_id, items["local"].item_id
    async with store.sessions.begin() as session:
        await claims.record_disputes(session, [wire_id, local_id])
    local = items["local"]
    body = LOCAL[1] + " The hospital asked for blood donors."
    updated = local.model_copy(update={"summary": body, "content_hash": local.content_hash + "-2",
                                       "delivery_id": local.delivery_id + "-2"})  # fmt: skip
    published = await stage.process(deliveries([items["brief"], updated]))
    articles, docs, disputes = await _stored_stories(store)
    assert set(articles.values()) == set(docs.values()) == {wire_id}
    assert disputes == {wire_id}
    assert [(out.message.article_id, out.message.version, out.message.story_id) for out in published] == [  # type: ignore[attr-defined]
        (items["brief"].item_id, 1, wire_id), (local_id, 2, wire_id)]  # fmt: skip


# Another report in the town two days later, dated; an item of a headline only (no story features).
SECOND_DAY = ("Manbij tanker blast toll rises to 6",
              "MANBIJ, Syria, March 3 (Levant Wire) - Two more people died on Tuesday of burns from Sunday's tanker "
              "blast in Manbij, raising the toll to 6, civil defence commander Karwan Mirza said.")  # fmt: skip
HEADLINE_ONLY = ("Developing story", "")


def test_a_merge_check_compares_the_numbers_decide_scores() -> None:
    # merge.py scores the members of the stories it checks in Python, from features it keeps for the batch; every
    # figure the story similarity reads is decide.score's, and so is the similarity.
    texts = [WIRE, LOCAL, LOCAL_REPRINT, BRIEF, FIRST_BLAST, MARKET_FIRE, GENERIC, SECOND_DAY, HEADLINE_ONLY]
    sketches = [sketch_article(*text) for text in texts]
    docs = [IndexedDoc(f"doc-{i}", float(i), sketch.to_bytes(), f"story-{i % 3}") for i, sketch in enumerate(sketches)]
    members = MemberFeatures().of(list(zip(docs, sketches, strict=True)))
    compared = 0
    for sketch in sketches:
        mine, theirs = _story_scores(_Own(sketch), [features for _, features in members]), score(sketch, sketches)
        for field in fields(Scores):
            if field.name != "jaccard":  # the bodies' MinHash: no merge check reads it
                assert getattr(mine, field.name) == getattr(theirs, field.name), field.name
        earlier = list(range(len(docs)))
        assert story_similarities_with(sketch, docs, mine, earlier) == story_similarities_with(sketch, docs, theirs,
                                                                                                earlier)  # fmt: skip
        compared += sum(1 for count in mine.story_shared if count)
    assert compared > len(texts)  # the texts share features, not only with themselves


def test_a_merge_check_reads_a_members_new_sketch() -> None:
    # A new version within the batch replaces a doc's sketch: its features are computed again, not kept.
    known = MemberFeatures()
    first, second = sketch_article(*GENERIC), sketch_article(*WIRE)
    doc = IndexedDoc("doc", 0.0, first.to_bytes(), "story")
    assert known.of([(doc, first)])[0][1].story_count == len(first.story_values) // 4
    newer = replace(doc, sketch=second.to_bytes())
    [(found, features)] = known.of([(newer, second)])
    assert found is newer and features.story_count == len(second.story_values) // 4 != len(first.story_values) // 4


async def test_a_batch_reads_a_story_it_did_not_read_up_front_as_it_would_have(store: Store) -> None:
    # BatchRun.read counts and reads the candidates' stories at once; a story it did not is counted and read when a
    # merge check needs it (with the stories this batch merged into it, which the store holds apart until write).
    items = _items()
    await DedupeStage(store, Topics()).process(deliveries([items["wire"], items["local"]]))
    wire_id, local_id, brief_id = items["wire"].item_id, items["local"].item_id, items["brief"].item_id
    batch = [items["brief"], items["local"]]  # and a replay: its doc is known to the batch
    async with store.sessions.begin() as session:
        run = await BatchRun.read(session, batch, sketch_items(batch), datetime(2026, 11, 23, tzinfo=UTC))
        stories = [wire_id, local_id]
        sizes = {story_id: run.stored_sizes[story_id] for story_id in stories}
        members = {story_id: [doc.doc_id for doc, _ in docs] for story_id, docs in
                   (await run._story_members(stories)).items()}  # fmt: skip
        assert sizes == {wire_id: 1, local_id: 1} and members == {wire_id: [wire_id], local_id: [local_id]}
        proposed = Decision(brief_id, None, None, wire_id, 0.5, bridges=(local_id,))
        assert run.docs[local_id].story_id == local_id
        for story_id in stories:
            del run.stored_sizes[story_id]
        assert await run._small_bridges(proposed) == proposed
        assert {story_id: run.stored_sizes[story_id] for story_id in stories} == sizes
        for story_id in stories:
            del run.stored_members[story_id]
        read = await run._story_members(stories)
        assert {story_id: [doc.doc_id for doc, _ in docs] for story_id, docs in read.items()} == members

        await run._merge_stories([local_id], wire_id)
        merged = [(doc.doc_id, doc.story_id) for doc, _ in (await run._story_members([wire_id]))[wire_id]]
        assert sorted(merged) == sorted([(wire_id, wire_id), (local_id, wire_id)])
        del run.stored_sizes[wire_id], run.stored_members[wire_id]
        assert await run._small_bridges(replace(proposed, bridges=())) == replace(proposed, bridges=())
        assert run.stored_sizes[wire_id] == 2
        again = [(doc.doc_id, doc.story_id) for doc, _ in (await run._story_members([wire_id]))[wire_id]]
        assert sorted(again) == sorted(merged)
        assert run.docs[local_id].story_id == wire_id  # the known doc moved with its story
