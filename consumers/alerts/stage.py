"""Alerts stage: articles and claims matched against the rules (keywords, outlets, speakers); each rule has its own
topic."""

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from aiokafka.structs import ConsumerRecord

from consumers.alerts.rules import CompiledRule, compile_rule
from consumers.runner import Delivery, Outgoing, decode_as
from newsmon.config import AlertRule
from newsmon.store import alerts
from newsmon.store.session import Store
from schemas.alerts import Alert
from schemas.articles import Article
from schemas.base import Message
from schemas.claims import Claim
from schemas.ids import stable_id
from schemas.topics import Topics


def claim_alert_id(rule: str, claim: Claim) -> str:
    """A claim's alert is keyed by what the claim says, not by its id: the id hashes the article's version and the
    extractor's, so an unchanged quote in the article's next version (an outlet's typo fix, a live page's update) or
    read again by a new extractor raised the rule's alert again, a second message for one claim downstream."""
    return stable_id(rule, "claim", claim.article_id, claim.speaker, " ".join(claim.text.split()))


def alerts_for(rules: Sequence[CompiledRule], message: Message, now: datetime,
               speaker_aliases: Mapping[str, Sequence[str]] | None = None) -> list[Alert]:  # fmt: skip
    """Pure: the alerts one article or claim raises; a claim's speaker is also known by the name it is given there
    and by `speaker_aliases` (canonical name -> other names the store has seen)."""
    found = []
    for rule in rules:
        if isinstance(message, Article) and rule.on_articles:
            terms = rule.raised_by(message.outlet, None, message.title, message.text)
            if terms is not None:
                found.append(Alert(alert_id=stable_id(rule.name, "article", message.article_id), rule=rule.name,
                                   subject="article", subject_id=message.article_id, article_id=message.article_id,
                                   outlet=message.outlet, url=message.url, title=message.title, matched_terms=terms,
                                   excerpt=message.text[:500], created_at=now))  # fmt: skip
        elif isinstance(message, Claim) and rule.on_claims:
            names = (message.speaker, message.speaker_org, message.speaker_mention,
                     *(speaker_aliases or {}).get(message.speaker, ()))  # fmt: skip
            terms = rule.raised_by(message.outlet, names, message.text)
            if terms is not None:
                found.append(Alert(alert_id=claim_alert_id(rule.name, message), rule=rule.name,
                                   subject="claim", subject_id=message.claim_id, article_id=message.article_id,
                                   outlet=message.outlet, url=message.url, title="", matched_terms=terms,
                                   excerpt=message.text[:500], speaker=message.speaker, created_at=now))  # fmt: skip
    return found


class AlertsStage:
    name = "alerts"

    def __init__(self, store: Store, topics: Topics, rules: Sequence[AlertRule]) -> None:
        self.store, self.topic_names = store, topics
        self.rules = [compile_rule(rule) for rule in rules]
        self.topics = [topics.articles, topics.claims]

    def decode(self, record: ConsumerRecord) -> Message:
        model = Article if record.topic == self.topic_names.articles else Claim
        return decode_as(model, record)

    async def process(self, deliveries: Sequence[Delivery]) -> list[Outgoing]:
        now = datetime.now(UTC)
        # What this batch matched, alerts or not: with the embedded broker a restart publishes again every article
        # whose version or claims the stage has not matched (newsmon/store/articles.py `unfinished`).
        matched = {d.message.article_id: d.message.version for d in deliveries if isinstance(d.message, Article)}
        claim_ids = [d.message.claim_id for d in deliveries if isinstance(d.message, Claim)]
        async with self.store.sessions.begin() as session:
            aliases: dict[str, list[str]] = {}
            if claim_ids and any(rule.speakers for rule in self.rules):
                speakers = (d.message.speaker for d in deliveries if isinstance(d.message, Claim))
                aliases = await alerts.speaker_aliases(session, speakers)
            rows: list[dict[str, Any]] = []
            for delivery in deliveries:
                for alert in alerts_for(self.rules, delivery.message, now, aliases):
                    rows.append({"id": alert.alert_id, "rule": alert.rule, "subject": alert.subject,
                                 "subject_id": alert.subject_id, "article_id": alert.article_id,
                                 "payload": alert.model_dump(mode="json"), "created_at": now})  # fmt: skip
            missing = await alerts.missing_articles(session, (row["article_id"] for row in rows))
            if missing:  # a message from elsewhere, or a store older than the topic: the record fails alone
                raise LookupError(f"article {min(missing)} is not in the store")
            unpublished = await alerts.add(session, list({row["id"]: row for row in rows}.values()))
            await alerts.mark_checked(session, matched, claim_ids)
        # Publish from the stored payload, so a repeat carries the first created_at.
        return [
            Outgoing(self.topic_names.alerts(p["rule"]), p["alert_id"], Alert.model_validate(p)) for p in unpublished
        ]

    async def after_publish(self, outgoing: Sequence[Outgoing]) -> None:
        if outgoing:
            async with self.store.sessions.begin() as session:
                await alerts.mark_published(session, [o.key for o in outgoing], datetime.now(UTC))
