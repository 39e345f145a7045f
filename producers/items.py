"""Parsed entries to FeedItem messages (pure), and the whole parse-filter-build step for one body,
which runs in a worker process when the poller has a parse pool."""

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from producers.identity import canonical_url, content_hash, is_site_root, item_id_of, without_credentials
from producers.language import detect_language
from producers.relevance import RelevanceFilter
from schemas.ids import stable_id
from schemas.items import FeedItem
from schemas.topics import ITEMS

# An entry's text is cut to these lengths: a CMS that puts a whole dossier in one <description> would otherwise make
# a record larger than the broker takes (kafka.max_record_bytes, 1 MiB), whose failed send holds back its batch's
# and the relay's every round. At 4 UTF-8 bytes a character both fit in ~0.4 MB; no news title or summary is longer.
MAX_TITLE_CHARS = 1_000
MAX_SUMMARY_CHARS = 100_000

if TYPE_CHECKING:  # producers.parse pulls in lxml and feedparser (~0.3 s): only a process that parses needs them
    from producers.parse import ParsedEntry


def build_item(entry: "ParsedEntry", *, feed_url: str, outlet: str, language: str, polled_at: datetime,
               link_identifies: bool = True, feed_pages: Collection[str] = ()) -> FeedItem:  # fmt: skip
    """Normalise one entry: canonical URL, stable ids, UTC time (poll time when the feed gives none).
    `link_identifies` False: the link is shared by other entries of the body (see `shared_links`), so it keys none.
    Nor does a site's front page: a one-item feed that links each entry to it shows no shared link in any one body,
    and keyed by it each new entry was taken for an edit of the one before, poll after poll. `feed_pages`: the
    canonical URLs of the feed itself, which a bridge may give as every entry's link: no entry's page either."""
    canonical = canonical_url(entry.link) if entry.link else None
    title, summary = _cut(entry.title, MAX_TITLE_CHARS), _cut(entry.text, MAX_SUMMARY_CHARS)
    content = content_hash(title, summary)
    is_article = canonical is not None and not is_site_root(canonical) and canonical not in feed_pages
    key_url = canonical if link_identifies and is_article else None
    # Neither link nor guid (RSS 2.0 asks only for a title or a description): the item is what it says (Miniflux keys
    # such RDF items by title + description); one key for all such items of a feed kept only the first of them.
    identity = item_id_of(key_url, feed_url, entry.guid if entry.guid or key_url else f"content:{content}")
    published = entry.published_at
    shown_feed_url = without_credentials(feed_url)  # the ids keep the whole URL; the password is never published
    # A date in the future is a feed bug or a timezone slip; the poll time is a safer upper bound.
    is_estimated = published is None or published > polled_at
    return FeedItem(
        item_id=identity,
        delivery_id=stable_id(feed_url, identity),
        feed_url=shown_feed_url,
        outlet=outlet,
        language=detect_language(f"{title}\n{summary}", entry.language or language),
        url=canonical or shown_feed_url,
        guid=entry.guid,
        title=title,
        summary=summary,
        published_at=polled_at if is_estimated or published is None else published,
        is_published_at_estimated=is_estimated,
        content_hash=content,
        polled_at=polled_at,
    )


def _cut(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its first words that do, then an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ", limit // 2)
    return (head[:space] if space > 0 else head).rstrip() + "\u2026"


@dataclass(frozen=True, slots=True)
class PreparedItem:
    """A relevant item ready for the outbox and the broker: `value` is the FeedItem's JSON, serialised once in
    the parse worker and stored and sent as it is (a dict would be pickled back and dumped again per item)."""

    delivery_id: str
    item_id: str
    content_hash: str
    value: bytes
    topic: str = ITEMS  # base name; newsmon.items.fetch for a full-text feed

    @property
    def payload(self) -> dict[str, Any]:
        """The FeedItem as a dict (for inspection; the hot path never decodes it)."""
        return json.loads(self.value)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class PreparedFeed:
    """Everything the poller needs from one body; plain data, so it crosses a process boundary cheaply."""

    items: list[PreparedItem]
    entries: int
    irrelevant: int
    undated: int
    update_hint_s: float | None
    publish_gap_s: float | None
    parser: str


@dataclass(frozen=True, slots=True)
class ParseJob:
    body: bytes
    feed_url: str
    outlet: str
    language: str
    content_type: str
    polled_at: datetime
    terms: tuple[str, ...]
    topic: str = ITEMS
    base_url: str = ""  # where the body came from (after redirects), for relative links; "" the feed's URL


_filters: dict[tuple[str, ...], RelevanceFilter] = {}  # one per worker process and term list


def prepare_feed(job: ParseJob) -> PreparedFeed:
    """Parse a body, drop irrelevant entries (counted), and build the messages of the rest."""
    from producers.parse import parse_feed

    parsed = parse_feed(job.body, job.feed_url, job.content_type, job.base_url or None)
    relevance = _filters.get(job.terms) or _filters.setdefault(job.terms, RelevanceFilter(job.terms))
    items, irrelevant, seen = [], 0, set()
    shared, front_pages = shared_guids(parsed.entries), shared_links(parsed.entries)
    feed_pages = {canonical_url(url) for url in (job.feed_url, job.base_url) if url}
    for entry in parsed.entries:
        if not relevance.matches(entry.title, entry.text):
            irrelevant += 1
            continue
        if entry.guid and ((entry.link and entry.guid in shared) or is_front_page_guid(entry.guid)):
            entry = replace(entry, guid=None)
        item = build_item(entry, feed_url=job.feed_url, outlet=job.outlet, language=job.language,
                          polled_at=job.polled_at, link_identifies=entry.link not in front_pages,
                          feed_pages=feed_pages)  # fmt: skip
        if item.delivery_id in seen:
            continue  # the same article twice in one body: one outbox row
        seen.add(item.delivery_id)
        items.append(PreparedItem(item.delivery_id, item.item_id, item.content_hash, item.to_bytes(), job.topic))
    dates = sorted(e.published_at for e in parsed.entries if e.published_at is not None)
    return PreparedFeed(items, len(parsed.entries), irrelevant, len(parsed.entries) - len(dates),
                        parsed.update_hint_s, publish_gap_s(dates), parsed.parser)  # fmt: skip


def shared_guids(entries: "Sequence[ParsedEntry]") -> set[str]:
    """Guids that entries with different links share in one body: a CMS that writes one guid for every item (its
    site URL, "0"). Such a guid identifies none of them; kept, the dedupe stage would read each later item as the
    first one at a new URL (an edit of it), and the other articles were lost."""
    links: dict[str, str] = {}
    shared = set()
    for entry in entries:
        if entry.guid and entry.link:
            first = links.setdefault(entry.guid, entry.link)
            if first != entry.link and entry.guid not in shared and canonical_url(first) != canonical_url(entry.link):
                shared.add(entry.guid)
    return shared


def is_front_page_guid(guid: str) -> bool:
    """A guid that is a site's front page (the one-guid CMS's site URL): no entry's own, even when each body has
    one entry and so shows it shared by none (the dedupe stage reads a guid seen before in the feed as that entry)."""
    return guid.startswith(("https://", "http://")) and is_site_root(canonical_url(guid))


def shared_links(entries: "Sequence[ParsedEntry]") -> set[str]:
    """Links that entries with different guids (or, without guids, different titles) share in one body: a CMS whose
    every <link> is its front page. Such a link identifies none of them; keyed by it they were all one item. Links
    are compared as written (the same string, as such a CMS writes it): canonical forms of every link cost ~15 %
    of a parse when links carry tracking parameters."""
    keys: dict[str, str] = {}
    shared = set()
    for entry in entries:
        if entry.link:
            key = entry.guid or f"title:{entry.title}"
            if keys.setdefault(entry.link, key) != key:
                shared.add(entry.link)
    return shared


def publish_gap_s(dates: list[datetime]) -> float | None:
    """The feed's usual gap between items: the median gap of the dated entries in the body."""
    gaps = sorted((later - earlier).total_seconds() for earlier, later in pairwise(dates))
    gaps = [gap for gap in gaps if gap > 0]
    return gaps[len(gaps) // 2] if gaps else None
