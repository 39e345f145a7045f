"""One alert per rule and claim: a claim seen again (the article's next version, a new extractor) is the same alert,
so the stage, which publishes only alerts it has not published, sends it once."""

from consumers.alerts.rules import compile_rule
from consumers.alerts.stage import alerts_for
from newsmon.config import AlertRule
from tests.consumers.alerts.test_alert_rules import NOW, claim

RULES = [compile_rule(AlertRule(name="ferry", keywords=["ferry"]))]
TEXT = "the ferry to Arwad would sail again on Monday"


def alert_ids(message) -> list[str]:
    return [alert.alert_id for alert in alerts_for(RULES, message, NOW)]


def test_an_unchanged_claim_in_the_articles_next_version_is_the_same_alert():
    first = claim("Invented Wire", "Dana Harbour", "Port Authority", TEXT)
    # The outlet corrected a typo elsewhere in the article: version 2, the claim's id hashes the version.
    again = first.model_copy(update={"claim_id": "c2", "article_version": 2, "start": 40, "end": 40 + len(TEXT)})
    assert alert_ids(first) == alert_ids(again) and len(alert_ids(first)) == 1


def test_a_claim_read_again_by_a_new_extractor_is_the_same_alert():
    first = claim("Invented Wire", "Dana Harbour", "Port Authority", TEXT)
    again = first.model_copy(update={"claim_id": "c3", "extractor_version": "test-2", "text": TEXT.replace(" ", "  ")})
    assert alert_ids(first) == alert_ids(again)


def test_a_changed_claim_or_another_speaker_is_a_new_alert():
    first = claim("Invented Wire", "Dana Harbour", "Port Authority", TEXT)
    changed = first.model_copy(
        update={"claim_id": "c4", "article_version": 2, "text": TEXT.replace("Monday", "Friday")}
    )
    other = first.model_copy(update={"claim_id": "c5", "speaker": "Omar Quay"})
    elsewhere = first.model_copy(update={"claim_id": "c6", "article_id": "a2"})
    ids = [alert_ids(m)[0] for m in (first, changed, other, elsewhere)]
    assert len(set(ids)) == 4
