"""Dedupe stage: FeedItem -> new article, new version of an article, or a recorded duplicate.

Exact first (same canonical URL, or same guid in the same feed), then near-duplicates and stories through
the MinHash LSH index that lives in the store (consumers/dedupe/decide.py decides; newsmon/store keeps it).
A batch is read and written in bulk: a few lookups for all its items, the decisions in memory
(consumers/dedupe/batch.py), then one bulk insert per table.
"""

import asyncio
import gc
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import chain
from typing import Any

from aiokafka.structs import ConsumerRecord
from sqlalchemy.ext.asyncio import AsyncSession

from consumers.dead_letter import close_dead_lettered_items
from consumers.dedupe.batch import BatchIndex, KnownDoc, stored_band_keys
from consumers.dedupe.boilerplate import day_of_year
from consumers.dedupe.decide import Decision, decide_scored
from consumers.dedupe.index import CandidateDoc, IndexedDoc
from consumers.dedupe.merge import STORY_MERGE_MAX_DOCS, MemberFeatures, merge_bridged
from consumers.dedupe.sketch import Sketch, sketch_articles, sketch_from_bytes
from consumers.runner import Delivery, Outgoing, decode_as
from newsmon.store import articles, dedupe_index, outbox
from newsmon.store.dedupe_index import Postings
from newsmon.store.models import ArticleRow
from newsmon.store.session import Store
from schemas.articles import Article
from schemas.base import Message
from schemas.items import FeedItem
from schemas.topics import Topics


def article_from(item: FeedItem, article_id: str, version: int, story_id: str | None) -> Article:
    return Article(
        article_id=article_id, version=version, url=item.url, outlet=item.outlet, feed_url=item.feed_url,
        language=item.language, title=item.title, text=item.text or item.summary, text_source=item.text_source,
        text_error=item.text_error, published_at=item.published_at,
        content_hash=item.content_hash, story_id=story_id,
    )  # fmt: skip


def sketch_items(items: Sequence[FeedItem]) -> list[Sketch]:
    """CPU-bound MinHash sketches; runs in a worker thread so heartbeats keep going."""
    # The article's text, as published (`article_from`): a full-text feed's page text, not its teaser.
    sketches = sketch_articles([(item.title, item.text or item.summary) for item in items])
    return [_with_filing_day(sketch, item) for sketch, item in zip(sketches, items, strict=True)]


def _with_filing_day(sketch: Sketch, item: FeedItem) -> Sketch:
    # Without a dated dateline, the day the feed says it published the item is the day it was filed (story_link.py:
    # reports filed days apart are two events); not when the feed gave no date (then it is the poll time).
    if sketch.event_date is not None or not sketch.has_story or item.is_published_at_estimated:
        return sketch
    published = item.published_at.astimezone(UTC)
    return replace(sketch, event_date=day_of_year(published.month, published.day))


def guid_runs(items: Sequence[FeedItem]) -> list[slice]:
    """The batch cut where an item has the guid (in the same feed) of an earlier item with another id (a new URL for
    the same entry): whether it updates that item's article or is decided itself depends on that item's decision
    (a near-duplicate makes no article), and BatchRun plans every decision's inputs before the first. Each run is
    read after the one before it is written, in the same transaction; decisions do not depend on batch size."""
    runs, start, ids_by_guid = [], 0, dict[tuple[str, str], str]()
    for position, item in enumerate(items):
        if not item.guid:
            continue
        key = (item.feed_url, item.guid)
        if ids_by_guid.setdefault(key, item.item_id) != item.item_id:
            runs.append(slice(start, position))
            start, ids_by_guid = position, {key: item.item_id}
    return [*runs, slice(start, len(items))]


@contextmanager
def _collection_paused() -> Iterator[None]:
    # No cyclic garbage collection while a batch is sketched and decided. A batch of 1000 items allocates millions of
    # objects and frees nearly all of them by reference counting, yet every 700 allocations start a young collection
    # and every tenth of those may walk the whole heap: 9 % of the stage's CPU (bench.dedupe_stage --feeds 1000
    # --batch 1000: ~4,000 collections, 3.9 CPU-s), most of it inside the index lock, which the lock holder pays
    # for every dedupe process. The few cycles a batch makes are collected after it, between batches.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class DedupeStage:
    name = "dedupe"

    def __init__(self, store: Store, topics: Topics) -> None:
        self.store, self.out_topic = store, topics.articles
        self.topics = [topics.items]

    def decode(self, record: ConsumerRecord) -> FeedItem:
        return decode_as(FeedItem, record)  # type: ignore[return-value]

    async def process(self, deliveries: Sequence[Delivery]) -> list[Outgoing]:
        with _collection_paused():
            return await self._process(deliveries)

    async def _process(self, deliveries: Sequence[Delivery]) -> list[Outgoing]:
        items: list[FeedItem] = [d.message for d in deliveries]  # type: ignore[misc]
        sketches = await asyncio.to_thread(sketch_items, items)
        now = datetime.now(UTC)
        published: list[Article | None] = []
        async with self.store.sessions.begin() as session:
            # Held until commit: another process deciding copies of the same story waits for ours.
            await dedupe_index.lock(session)
            merged: dict[str, str] = {}  # absorbed story -> the story it was merged into
            for run in guid_runs(items):
                run_items, run_sketches = items[run], sketches[run]
                batch = await BatchRun.read(session, run_items, run_sketches, now)
                pairs = enumerate(zip(run_items, run_sketches, strict=True))
                published += [await batch.store_item(position, item, sketch) for position, (item, sketch) in pairs]
                await batch.write()
                merged.update(batch.merged)
            await outbox.mark_done(session, [item.delivery_id for item in items], now)
        return [Outgoing(self.out_topic, article.article_id, _in_merged_story(article, merged))
                for article in published if article is not None]  # fmt: skip

    async def after_publish(self, outgoing: Sequence[Outgoing]) -> None:
        return None

    async def after_dead_letter(self, messages: Sequence[Message]) -> None:
        await close_dead_lettered_items(self.store, messages)


def _in_merged_story(article: Article, merged: dict[str, str]) -> Article:
    # An article published before a later item of the batch merged its story goes out with the merged story's id.
    story_id = article.story_id
    while story_id in merged:
        story_id = merged[story_id]
    return article if story_id == article.story_id else article.model_copy(update={"story_id": story_id})


@dataclass
class PendingArticle:
    """An article this batch creates: its row is written with the batch."""

    id: str
    feed_url: str
    content_hash: str
    version: int
    story_id: str | None
    values: dict[str, Any]
    hashes: set[str] = field(default_factory=set)  # content hashes of its versions in this batch


class BatchRun:
    """One batch inside its transaction: what the store knew at the start, and what the batch adds."""

    def __init__(self, session: AsyncSession, now: datetime, index: BatchIndex, postings: Postings) -> None:
        self.session, self.now, self.index, self.postings = session, now, index, postings
        self.by_id: dict[str, ArticleRow | PendingArticle] = {}
        self.by_guid: dict[tuple[str, str], ArticleRow | PendingArticle] = {}
        self.docs: dict[str, KnownDoc] = {}
        # Their ids by story: a merge moves the absorbed stories' docs, not a walk over every doc a merge.
        self.doc_ids_by_story: dict[str, list[str]] = {}
        self.rows: dict[int, int] = {}  # batch position -> row of the batch index
        self.new_articles: list[PendingArticle] = []
        self.versions: list[dict[str, Any]] = []
        self.duplicates: list[dict[str, Any]] = []
        # Stored docs whose text changed: seq -> the band keys they leave, and the keys they move to.
        self.left_keys: dict[int, set[int]] = {}
        self.moved_keys: dict[int, list[int]] = {}
        self.merged: dict[str, str] = {}  # stories merged by this batch: absorbed -> survivor (no chains)
        # Stored docs of the stories a merge may check, read once a batch (the store changes them only through
        # this batch's merges and new versions, which update these too): how many, and the docs of the small ones.
        self.stored_sizes: dict[str, int] = {}
        self.stored_members: dict[str, list[IndexedDoc]] = {}
        # Sketches of the docs a merge check read, decoded once (a merge check reads a story's members again after
        # every doc it gains): doc id -> the stored bytes and their Sketch.
        self.sketches: dict[str, tuple[bytes, Sketch]] = {}
        # And the features a merge check compares of each, computed once.
        self.member_features = MemberFeatures()

    @classmethod
    async def read(cls, session: AsyncSession, items: Sequence[FeedItem], sketches: Sequence[Sketch],
                   now: datetime) -> "BatchRun":  # fmt: skip
        """The batch's lookups: articles by id and by feed guid, docs already indexed, LSH postings."""
        stored = await articles.get_many(session, [item.item_id for item in items])
        guids = [(item.feed_url, item.guid) for item in items if item.guid and item.item_id not in stored]
        by_guid = await articles.by_feed_guids(session, guids)
        # Docs of the items (replays keep their decision) and of the articles they may update (new sketch).
        ids = [item.item_id for item in items] + [row.id for row in by_guid.values()]
        docs = await dedupe_index.known_docs(session, ids)
        # Items that may need a decision (unknown so far), as rows of the batch index, in batch order.
        deciding = [position for position, item in enumerate(items)
                    if item.item_id not in stored and item.item_id not in docs
                    and (item.feed_url, item.guid or "") not in by_guid]  # fmt: skip
        keys = chain.from_iterable(sketches[position].band_keys for position in deciding)
        postings = await dedupe_index.postings(session, keys)
        index = BatchIndex(
            [sketches[position] for position in deciding], postings, await dedupe_index.next_seq(session)
        )
        # Every item unknown at the start is indexed when decided, except a later copy of the same item (the same
        # id again: it finds the first one's decision). `guid_runs` made sure no other item's path depends on a
        # decision, so which rows are added, and in which order, is known now, and so is every row's ranking;
        # only the store docs ranked among some row's candidates are read.
        first_rows = {items[position].item_id: row for row, position in reversed(list(enumerate(deciding)))}
        index.plan(sorted(first_rows.values()))
        index.add_store_docs(await dedupe_index.docs_by_seq(session, index.planned_store_docs()))
        run = cls(session, now, index, postings)
        # The sizes of the candidates' stories in one query, and the stored docs of those small enough to merge
        # (merge.merge_bridged reads every member of the stories it checks) in one more: a merge check asked for
        # them one bridging item at a time.
        stories = sorted(index.store_story_ids())
        run.stored_sizes = await dedupe_index.story_sizes(session, stories)
        small = [story_id for story_id in stories if run.stored_sizes.get(story_id, 0) <= STORY_MERGE_MAX_DOCS]
        run.stored_members = {story_id: [] for story_id in small}
        for doc in await dedupe_index.story_docs(session, small, STORY_MERGE_MAX_DOCS + 1):
            run.stored_members[doc.story_id].append(IndexedDoc(doc.doc_id, doc.first_seen, doc.sketch, doc.story_id,
                                                               doc.duplicate_of))  # fmt: skip
        run.rows = {position: row for row, position in enumerate(deciding)}
        run.by_id.update(stored)
        run.by_guid.update(by_guid)
        run.docs.update({doc_id: KnownDoc.from_row(row) for doc_id, row in docs.items()})
        for doc_id, known in run.docs.items():
            run.doc_ids_by_story.setdefault(known.story_id, []).append(doc_id)
        return run

    async def store_item(self, position: int, item: FeedItem, sketch: Sketch) -> Article | None:
        """Decide the batch's item at `position`; return the Article to publish, or None for a duplicate or a
        stale replay."""
        row = self.by_id.get(item.item_id)
        if row is None and item.guid:
            row = self.by_guid.get((item.feed_url, item.guid))  # same entry, new URL
        if row is not None:
            return await self._known_article(row, item, sketch)
        decision = await self._decide(position, item, sketch)
        if decision.duplicate_of is not None:
            self._record_duplicate(item, decision.duplicate_of, decision.similarity or 0.0, "near_duplicate")
            return None
        article = article_from(item, item.item_id, 1, decision.story_id)
        values = articles.new_article_values(article, self.now, item.guid)
        pending = PendingArticle(article.article_id, item.feed_url, item.content_hash, 1, decision.story_id, values,
                                 {item.content_hash})  # fmt: skip
        self.new_articles.append(pending)
        self.versions.append(articles.version_values(article, self.now))
        self.by_id[pending.id] = pending
        if item.guid:
            self.by_guid.setdefault((item.feed_url, item.guid), pending)
        return article

    async def _decide(self, position: int, item: FeedItem, sketch: Sketch) -> Decision:
        # A doc already in the index keeps its first decision, so a replay decides exactly as before.
        known = self.docs.get(item.item_id)
        if known is not None:
            return known.decision
        row = self.rows[position]  # unknown at the start of the batch, so read() made it a row
        first_seen = time.time()
        decision = decide_scored(item.item_id, first_seen, sketch, *self.index.candidates(row))
        if decision.bridges:
            decision = await self._small_bridges(decision)
        if decision.bridges:
            decision = merge_bridged(decision, first_seen, sketch,
                                     await self._story_members([decision.story_id, *decision.bridges]),
                                     self.member_features)  # fmt: skip
            if decision.absorbs:
                await self._merge_stories(decision.absorbs, decision.story_id)
        stored_sketch = sketch.to_bytes()
        doc = IndexedDoc(item.item_id, first_seen, stored_sketch, decision.story_id, decision.duplicate_of)
        seq = self.index.add(row, doc, sketch, decision.similarity)
        if decision.story_id == item.item_id and decision.story_id not in self.stored_sizes:
            # A story this doc starts has no stored doc (a story's id is its first doc's, and this doc is not
            # stored): no query asks for its size or its docs.
            self.stored_sizes[decision.story_id], self.stored_members[decision.story_id] = 0, []
        self.docs[item.item_id] = KnownDoc(item.item_id, seq, stored_sketch, decision.story_id, decision.duplicate_of,
                                           decision.similarity, is_stored=False)  # fmt: skip
        self.doc_ids_by_story.setdefault(decision.story_id, []).append(item.item_id)
        return decision

    async def _small_bridges(self, decision: Decision) -> Decision:
        """Only stories of at most STORY_MERGE_MAX_DOCS docs are merged (merge.merge_bridged): the larger are left
        out by a count, before any of their sketches is read."""
        stories = [decision.story_id, *decision.bridges]
        unknown = [story_id for story_id in stories if story_id not in self.stored_sizes]
        if unknown:  # read() counted every story a candidate is in: only a story it did not know is counted here
            stored_as = self._stored_as(unknown)
            read = await dedupe_index.story_sizes(self.session, list(stored_as))
            self.stored_sizes.update(dict.fromkeys(unknown, 0))
            for stored, story_id in stored_as.items():
                self.stored_sizes[story_id] += read.get(stored, 0)
        sizes = {story_id: self.stored_sizes[story_id] + self.index.added_story_size(story_id) for story_id in stories}
        if sizes.get(decision.story_id, 0) > STORY_MERGE_MAX_DOCS:
            return replace(decision, bridges=())
        small = tuple(story_id for story_id in decision.bridges if sizes.get(story_id, 0) <= STORY_MERGE_MAX_DOCS)
        return replace(decision, bridges=small)

    async def _story_members(self, story_ids: list[str]) -> dict[str, list[tuple[CandidateDoc, Sketch]]]:
        """Every doc of these stories, stored or added by this batch, with its sketch (merge.merge_bridged); a
        stored doc under the story this batch merged its own into."""
        unread = [story_id for story_id in story_ids if story_id not in self.stored_members]
        if unread:  # read() read every small story a candidate is in: only a story it did not know is read here
            stored_as = self._stored_as(unread)
            read = sorted(await dedupe_index.story_docs(self.session, list(stored_as), STORY_MERGE_MAX_DOCS + 1),
                          key=lambda doc: doc.seq)  # fmt: skip
            self.stored_members.update({story_id: [] for story_id in unread})
            for doc in read:
                story_id = stored_as[doc.story_id]
                stored = self.stored_members[story_id]
                if len(stored) <= STORY_MERGE_MAX_DOCS:
                    stored.append(IndexedDoc(doc.doc_id, doc.first_seen, doc.sketch, story_id, doc.duplicate_of))
        members: dict[str, list[tuple[CandidateDoc, Sketch]]] = {
            story_id: [(doc, self._sketch(doc)) for doc in self.stored_members[story_id]] for story_id in story_ids
        }
        for doc in self.index.added_story_docs(story_ids):
            members[doc.story_id].append((doc, self._sketch(doc)))
        return members

    def _stored_as(self, story_ids: Sequence[str]) -> dict[str, str]:
        """The stories as the store holds them until `write` (this batch's merges are written there) -> the story
        each is now, for these stories."""
        stored_as = {story_id: story_id for story_id in story_ids}
        stored_as.update({absorbed: survivor for absorbed, survivor in self.merged.items() if survivor in stored_as})
        return stored_as

    def _sketch(self, doc: IndexedDoc) -> Sketch:
        # Keyed by the bytes too: a new version within the batch replaces a doc's sketch (BatchIndex.replace_added,
        # _refresh_sketch).
        cached = self.sketches.get(doc.doc_id)
        if cached is not None and cached[0] == doc.sketch:
            return cached[1]
        sketch = sketch_from_bytes(doc.sketch)
        self.sketches[doc.doc_id] = (doc.sketch, sketch)
        return sketch

    async def _merge_stories(self, absorbed: Sequence[str], survivor: str) -> None:
        """Merge the stories in what the batch holds (the index's docs, known docs and the articles it will write),
        and at `write` in the store (its docs and articles, and their dispute records)."""
        gone = set(absorbed) - {survivor}
        # The store's docs and articles move at `write`, with the batch's other merges (a statement or three for
        # all): until then a story the store is read for is read with those it absorbed (`_stored_as`), and a stored
        # article's story is published as merged (DedupeStage._process). A dispute record written meanwhile for an
        # absorbed story (a new version's, articles.update_content) goes then, and each survivor's is written from
        # all its claims as they are at the end of the batch, as a merge at once would leave them.
        self.merged.update({story_id: survivor for story_id, into in self.merged.items() if into in gone})
        self.merged.update(dict.fromkeys(gone, survivor))
        self.index.merge_stories(absorbed, survivor)
        for story_id in gone:
            doc_ids = self.doc_ids_by_story.pop(story_id, [])
            for doc_id in doc_ids:
                self.docs[doc_id] = replace(self.docs[doc_id], story_id=survivor)
            self.doc_ids_by_story.setdefault(survivor, []).extend(doc_ids)
        for pending in self.new_articles:
            if pending.story_id in gone:
                pending.story_id = pending.values["story_id"] = survivor
        # The absorbed stories' stored docs are the survivor's now: the counts and docs read move with them.
        stories = [survivor, *gone]
        if all(story_id in self.stored_sizes for story_id in stories):
            self.stored_sizes[survivor] = sum(self.stored_sizes[story_id] for story_id in stories)
        else:
            self.stored_sizes.pop(survivor, None)
        if all(story_id in self.stored_members for story_id in stories):
            moved = chain.from_iterable(self.stored_members[story_id] for story_id in stories)
            self.stored_members[survivor] = [replace(doc, story_id=survivor) for doc in moved]
        else:
            self.stored_members.pop(survivor, None)
        for story_id in gone:
            self.stored_sizes[story_id], self.stored_members[story_id] = 0, []

    async def _known_article(self, row: ArticleRow | PendingArticle, item: FeedItem,
                             sketch: Sketch) -> Article | None:  # fmt: skip
        if row.feed_url != item.feed_url:
            self._record_duplicate(item, row.id, 1.0, "exact_url")
            return None
        if row.content_hash == item.content_hash:
            # A replay of the current version: publish again, since the first publish may not have
            # happened before a crash; downstream stages are idempotent.
            return article_from(item, row.id, row.version, row.story_id)
        if await self._has_version(row, item.content_hash):
            return None  # a replay of an older version: the current one was already published
        article = article_from(item, row.id, row.version + 1, row.story_id)
        if isinstance(row, PendingArticle):
            row.version, row.content_hash = article.version, article.content_hash
            row.hashes.add(article.content_hash)
            keep = ("id", "guid", "first_seen_at")
            row.values.update({k: v for k, v in articles.new_article_values(article, self.now, None).items()
                               if k not in keep})  # fmt: skip
            self.versions.append(articles.version_values(article, self.now))
        else:
            await articles.update_content(self.session, row, article, self.now)
        await self._refresh_sketch(row.id, sketch)
        return article

    async def _has_version(self, row: ArticleRow | PendingArticle, content_hash: str) -> bool:
        if isinstance(row, PendingArticle):
            return content_hash in row.hashes
        return await articles.version_with_hash(self.session, row.id, content_hash) is not None

    async def _refresh_sketch(self, article_id: str, sketch: Sketch) -> None:
        """A new version is compared by its new text from now on; its story and duplicate links stay."""
        doc = self.docs.get(article_id)
        if doc is None:
            return  # indexed before the store kept an index, or under another id
        if doc.is_stored:
            await dedupe_index.replace_sketch(self.session, doc.seq, sketch.to_bytes())
            members = self.stored_members.get(doc.story_id, [])
            for place, member in enumerate(members):  # a merge check reads the new sketch, as the store has it
                if member.doc_id == article_id:
                    members[place] = replace(member, sketch=sketch.to_bytes())
            self.left_keys.setdefault(doc.seq, set()).update(stored_band_keys(doc.sketch))
            self.moved_keys[doc.seq] = list(dict.fromkeys(sketch.band_keys))
        else:
            self.index.replace_added(doc.seq, sketch)
        self.docs[article_id] = doc.with_sketch(sketch.to_bytes())

    def _record_duplicate(self, item: FeedItem, duplicate_of: str, similarity: float, method: str) -> None:
        self.duplicates.append({
            "id": item.delivery_id, "item_id": item.item_id, "feed_url": item.feed_url, "outlet": item.outlet,
            "url": item.url, "duplicate_of": duplicate_of, "similarity": similarity, "method": method,
            "seen_at": self.now,
        })  # fmt: skip

    async def write(self) -> None:
        """The batch's rows in bulk: its merges of stored docs' stories, docs and postings, then articles, versions
        and duplicates (in FK order), and its merges of stored articles' stories with their dispute records."""
        await dedupe_index.move_stories(self.session, self.merged)
        await dedupe_index.add_docs(self.session, list(self.index.new_docs.values()))
        await dedupe_index.update_postings(self.session, self.postings, {**self.index.new_bands, **self.moved_keys},
                                           self.left_keys)  # fmt: skip
        await articles.insert_many(self.session, [pending.values for pending in self.new_articles], self.versions,
                                   self.duplicates)  # fmt: skip
        await articles.merge_stories(self.session, self.merged)
