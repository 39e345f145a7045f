"""A speaker rule names the person as its user knows them; the claim carries the canonical name. The rule matches the
name the claim gives (its mention) and every name the store has seen the speaker under (speaker_aliases)."""

from aiokafka.structs import ConsumerRecord

from consumers.alerts.stage import AlertsStage
from consumers.runner import Delivery
from newsmon.config import AlertRule
from newsmon.store import articles, claims
from schemas.claims import Claim
from schemas.topics import Topics
from tests.consumers.alerts.test_alert_rules import claim, raised
from tests.newsmon.test_store_progress import NOW, article


def said(speaker: str, mention: str, text: str = "the crossing stays open") -> Claim:
    return claim("Invented Wire", speaker, "", text).model_copy(update={"speaker_mention": mention})


def test_a_speaker_rule_matches_the_name_the_claim_gives():
    rule = {"name": "jolani", "speakers": ["jolani"]}
    assert raised(rule, said("Ahmed al-Sharaa", "Abu Mohammed al-Jolani")) == [("claim", [])]
    assert raised(rule, said("Ahmed al-Sharaa", "he")) == []


def delivery(message: Claim) -> Delivery:
    record = ConsumerRecord("newsmon.claims", 0, 0, 0, 0, message.claim_id.encode(), message.to_bytes(), None, 0, 0, [])
    return Delivery(record, message)


async def test_a_speaker_rule_matches_a_name_the_store_has_seen_the_speaker_under(store):
    async with store.sessions.begin() as session:
        await articles.insert_new(session, article("a1"), NOW)  # the claim's article, as the claims stage left it
        await claims.speaker_id(session, "Ahmed al-Sharaa", "", ["Abu Mohammed al-Jolani"])  # seen in another one
    stage = AlertsStage(store, Topics(), [AlertRule(name="jolani", speakers=["jolani"])])
    # This article names him by his own name only.
    outgoing = await stage.process([delivery(said("Ahmed al-Sharaa", "al-Sharaa"))])
    speakers = [(o.topic, getattr(o.message, "speaker", None)) for o in outgoing]
    assert speakers == [("newsmon.alerts.jolani", "Ahmed al-Sharaa")]
    assert await stage.process([delivery(said("Omar Quay", "Quay").model_copy(update={"claim_id": "c2"}))]) == []
