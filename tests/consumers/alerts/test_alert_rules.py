"""Alert rules: keywords, outlets and speakers, each narrowing what raises the rule's alert."""

from datetime import UTC, datetime

import pytest

from consumers.alerts.rules import compile_rule
from consumers.alerts.stage import alerts_for
from newsmon.config import AlertRule, ConfigError, load_settings
from schemas.articles import Article
from schemas.claims import Claim

NOW = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)


def article(outlet: str, title: str, text: str) -> Article:
    return Article(article_id="a1", version=1, url="https://x.example/a1", outlet=outlet, feed_url="https://x.example/f",
                   language="en", title=title, text=text, text_source="feed", published_at=NOW,
                   content_hash="h1", story_id="a1")  # fmt: skip


def claim(outlet: str, speaker: str, organisation: str, text: str) -> Claim:
    return Claim(claim_id="c1", article_id="a1", article_version=1, outlet=outlet, url="https://x.example/a1",
                 published_at=NOW, speaker=speaker, speaker_mention=speaker, speaker_org=organisation, cue="said",
                 kind="indirect", text=text, start=0, end=len(text), extractor_version="test")  # fmt: skip


def raised(rule: dict, message) -> list[tuple[str, list[str]]]:
    rules = [compile_rule(AlertRule(**rule))]
    return [(alert.subject, alert.matched_terms) for alert in alerts_for(rules, message, NOW)]


def test_a_speaker_rule_raises_on_any_claim_of_that_speaker_and_never_on_articles():
    rule = {"name": "lavrov", "speakers": ["lavrov"]}
    assert raised(rule, claim("TASS", "Sergei Lavrov", "Russian Ministry of Foreign Affairs", "talks will go on")) == [
        ("claim", [])]  # fmt: skip
    assert raised(rule, claim("TASS", "Maria Zakharova", "Russian Ministry of Foreign Affairs", "talks")) == []
    assert raised(rule, article("TASS", "Lavrov in Damascus", "Lavrov said talks will go on")) == []
    by_organisation = {"name": "mfa", "speakers": ["ministry of foreign affairs"], "keywords": ["idlib"]}
    assert raised(by_organisation, claim("TASS", "Maria Zakharova", "Russian Ministry of Foreign Affairs",
                                         "the Idlib zone holds")) == [("claim", ["idlib"])]  # fmt: skip
    assert raised(by_organisation, claim("TASS", "Maria Zakharova", "Russian Ministry of Foreign Affairs",
                                         "the talks go on")) == []  # fmt: skip


def test_an_outlet_rule_narrows_keyword_matches_to_those_outlets():
    rule = {"name": "sana-sarin", "keywords": ["sarin"], "outlets": ["sana"]}
    assert raised(rule, article("SANA English", "Sarin claims", "officials denied using sarin")) == [
        ("article", ["sarin"])]  # fmt: skip
    assert raised(rule, article("Enab Baladi", "Sarin claims", "officials denied using sarin")) == []
    assert raised(rule, claim("SANA Arabic", "Ali Hassan", "", "no sarin was used")) == [("claim", ["sarin"])]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"name": "nothing", "outlets": ["tass"]}, "a rule needs keywords or speakers"),
        ({"name": "blank", "speakers": ["lavrov", " "]}, "speaker 1 is blank"),
        ({"name": "articles", "speakers": ["lavrov"], "match": ["articles"]}, "match must include 'claims'"),
    ],
)
def test_rules_that_would_alert_on_everything_or_nothing_are_refused(rule, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(None, alerts={"rules": [rule]})


def test_keywords_are_literal_text_so_no_subscription_is_an_invalid_pattern():
    rule = {"name": "odd-keywords", "keywords": ["C++", "[unclosed", "a.b", "(", r"\d+", "*"]}
    text = r"Engineers wrote C++ notes [unclosed, read a.b, typed ( and \d+ and *."
    assert raised(rule, article("Invented Wire", "Notes", text)) == [("article", rule["keywords"])]
    assert raised(rule, article("Invented Wire", "Notes", "axb 123 C")) == []


@pytest.mark.parametrize("name", ["Idlib alerts", "idlib/alerts", "", "-leading-dash", "x" * 64])
def test_a_rule_name_that_cannot_be_a_topic_name_is_refused_at_load(name):
    with pytest.raises(ConfigError, match="it becomes a topic name"):
        load_settings(None, alerts={"rules": [{"name": name, "keywords": ["ferry"]}]})
