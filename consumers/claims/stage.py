"""Claims stage: Article -> extracted claims, stored (replacing the article's previous claims) and published."""

import asyncio
from collections.abc import Sequence
from typing import Any

from aiokafka.structs import ConsumerRecord
from sqlalchemy.ext.asyncio import AsyncSession

from consumers.claims.extract import EXTRACTOR_VERSION, ExtractedClaim, extract_claims
from consumers.claims.speakers import canonical_speaker
from consumers.runner import Delivery, Outgoing, decode_as
from newsmon.store import articles, claims
from newsmon.store.session import Store
from schemas.articles import Article
from schemas.claims import Claim, Quantity
from schemas.ids import stable_id
from schemas.topics import Topics


def claim_message(article: Article, found: ExtractedClaim) -> Claim:
    speaker, organisation = canonical_speaker(found.speaker, found.speaker_org)
    return Claim(
        claim_id=stable_id(article.article_id, str(article.version), str(found.start), str(found.end),
                           EXTRACTOR_VERSION),
        article_id=article.article_id, article_version=article.version, outlet=article.outlet, url=article.url,
        published_at=article.published_at, speaker=speaker, speaker_mention=found.speaker_mention,
        speaker_org=organisation, cue=found.cue, kind=found.kind, text=found.text, start=found.start, end=found.end,
        quantities=[Quantity(text=n.text, value=n.value, value_max=n.value_max, unit=n.unit, qualifier=n.qualifier)
                    for n in found.numbers],
        extractor_version=EXTRACTOR_VERSION,
    )  # fmt: skip


def extract_for(article: Article) -> list[Claim]:
    """CPU-bound: runs in a worker thread so the consumer's heartbeats keep going."""
    text = article.text
    return [claim_message(article, found) for found in extract_claims(text)]


def name_aliases(claim: Claim) -> list[str]:
    """The mention as an alias of the speaker, if it names them ("Putin"), not if it only points ("he")."""
    mention = claim.speaker_mention.strip()
    first = mention.split()[0].lower() if mention else ""
    if not mention or not mention[0].isupper() or first in POINTING_WORDS or len(mention) > 120:
        return []
    return [mention]


POINTING_WORDS = {"the", "a", "an", "he", "she", "they", "it", "his", "her", "their", "this", "that"}


class ClaimsStage:
    name = "claims"

    def __init__(self, store: Store, topics: Topics) -> None:
        self.store, self.out_topic = store, topics.claims
        self.topics = [topics.articles]

    def decode(self, record: ConsumerRecord) -> Article:
        return decode_as(Article, record)  # type: ignore[return-value]

    async def process(self, deliveries: Sequence[Delivery]) -> list[Outgoing]:
        found = [(d.message, await asyncio.to_thread(extract_for, d.message)) for d in deliveries]  # type: ignore[arg-type]
        outgoing: list[Outgoing] = []
        async with self.store.sessions.begin() as session:
            # Each article's story has its dispute day recorded again; locked in one order, so batches never deadlock.
            await claims.lock_stories(session, [article.story_id for article, _ in found])  # type: ignore[attr-defined]
            for article, article_claims in found:
                assert isinstance(article, Article)
                if await self._store(session, article, article_claims):
                    outgoing.extend(Outgoing(self.out_topic, c.claim_id, c) for c in article_claims)
        return outgoing

    async def _store(self, session: AsyncSession, article: Article, found: list[Claim]) -> bool:
        """Replace the article's claims; skip a stale version (a newer one was stored already)."""
        row = await articles.get(session, article.article_id)
        if row is None:
            raise LookupError(f"article {article.article_id} is not in the store")
        if row.version != article.version:
            return False
        rows: list[dict[str, Any]] = []
        for claim in found:
            speaker = await claims.speaker_id(session, claim.speaker, claim.speaker_org, name_aliases(claim))
            rows.append({"id": claim.claim_id, "article_id": claim.article_id, "article_version": article.version,
                         "speaker_id": speaker, "speaker_mention": claim.speaker_mention, "cue": claim.cue,
                         "kind": claim.kind, "text": claim.text, "start": claim.start, "end": claim.end,
                         "quantities": [q.model_dump() for q in claim.quantities],
                         "extractor_version": claim.extractor_version})  # fmt: skip
        await claims.replace_for_article(session, article.article_id, article.version, rows)
        return True

    async def after_publish(self, outgoing: Sequence[Outgoing]) -> None:
        return None
